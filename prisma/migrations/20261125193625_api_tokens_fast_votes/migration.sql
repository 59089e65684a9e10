-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VoteAllowance" (
    "userId" TEXT NOT NULL,
    "windowStartedAt" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "VoteAllowance_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteAllowance" ADD CONSTRAINT "VoteAllowance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One vote in one statement: server/votes/cast-vote.ts calls this instead of running an interactive
-- transaction (BEGIN, lock-and-read, write, COMMIT), so a vote holds a pooled connection and the argument's
-- row lock for a single round trip. Votes on one argument queue on that row lock (FOR UPDATE), so its
-- counters move in exact steps; every later statement here runs on a fresh snapshot (READ COMMITTED, VOLATILE
-- function), so the member's vote read after the lock is the latest committed one. Wilson's z comes from
-- lib/scoring/wilson.ts, and a test checks this formula against that one.
CREATE FUNCTION "agora_set_vote"(
  p_user_id text,
  p_argument_id text,
  p_value integer,          -- 1, -1, or NULL to withdraw
  p_new_vote_id text,       -- the id a new Vote row gets
  p_limit integer,          -- votes allowed per window, NULL when rate limits are off
  p_window_seconds integer,
  p_wilson_z double precision,
  OUT outcome text,         -- CHANGED, UNCHANGED, NOT_FOUND, HIDDEN, LOCKED, OWN, NO_REVISION, RATE_LIMITED
  OUT thesis_slug text,
  OUT up_count integer,
  OUT down_count integer,
  OUT stale_up_count integer,
  OUT stale_down_count integer,
  OUT wilson_score double precision,
  OUT retry_after_seconds integer
) LANGUAGE plpgsql AS $$
DECLARE
  arg record;
  vote record;
  has_vote boolean;
  n integer;
  p double precision;
  z2 double precision := p_wilson_z * p_wilson_z;
  window_start timestamp(3);
BEGIN
  SELECT a."authorId", a.status, a."currentRevisionId", a."upCount", a."downCount", a."staleUpCount", a."staleDownCount",
         t.slug, t.status AS thesis_status, t.visibility AS thesis_visibility
    INTO arg
    FROM "Argument" a JOIN "Thesis" t ON t.id = a."thesisId"
   WHERE a.id = p_argument_id
     FOR UPDATE OF a;
  IF NOT FOUND THEN outcome := 'NOT_FOUND'; RETURN; END IF;
  IF arg.status = 'HIDDEN' OR arg.thesis_visibility = 'HIDDEN' THEN outcome := 'HIDDEN'; RETURN; END IF;
  IF arg.thesis_status = 'LOCKED' THEN outcome := 'LOCKED'; RETURN; END IF;
  IF arg."authorId" = p_user_id THEN outcome := 'OWN'; RETURN; END IF;
  IF arg."currentRevisionId" IS NULL THEN outcome := 'NO_REVISION'; RETURN; END IF;

  thesis_slug := arg.slug;
  up_count := arg."upCount";
  down_count := arg."downCount";
  stale_up_count := arg."staleUpCount";
  stale_down_count := arg."staleDownCount";
  wilson_score := 0;

  SELECT v.id, v.value, v."revisionId" INTO vote FROM "Vote" v WHERE v."userId" = p_user_id AND v."argumentId" = p_argument_id;
  has_vote := FOUND;

  -- Casting the same value on the current revision, or withdrawing nothing, is a replay: nothing moves and
  -- nothing is counted against the member's allowance. A vote on an earlier revision is reconfirmed instead.
  IF (p_value IS NULL AND NOT has_vote)
     OR (p_value IS NOT NULL AND has_vote AND vote.value = p_value AND vote."revisionId" = arg."currentRevisionId") THEN
    outcome := 'UNCHANGED';
  ELSE
    IF p_limit IS NOT NULL THEN
      INSERT INTO "VoteAllowance" AS va ("userId", "windowStartedAt", count) VALUES (p_user_id, now(), 1)
      ON CONFLICT ("userId") DO UPDATE SET
        count = CASE WHEN va."windowStartedAt" <= now() - make_interval(secs => p_window_seconds) THEN 1 ELSE va.count + 1 END,
        "windowStartedAt" = CASE WHEN va."windowStartedAt" <= now() - make_interval(secs => p_window_seconds) THEN now() ELSE va."windowStartedAt" END
      WHERE va."windowStartedAt" <= now() - make_interval(secs => p_window_seconds) OR va.count < p_limit;
      IF NOT FOUND THEN
        SELECT va."windowStartedAt" INTO window_start FROM "VoteAllowance" va WHERE va."userId" = p_user_id;
        outcome := 'RATE_LIMITED';
        retry_after_seconds := greatest(1, ceil(extract(epoch FROM window_start + make_interval(secs => p_window_seconds) - now()::timestamp(3)))::integer);
        RETURN;
      END IF;
    END IF;

    IF has_vote THEN
      IF vote."revisionId" = arg."currentRevisionId" THEN
        IF vote.value > 0 THEN up_count := up_count - 1; ELSE down_count := down_count - 1; END IF;
      ELSE
        IF vote.value > 0 THEN stale_up_count := stale_up_count - 1; ELSE stale_down_count := stale_down_count - 1; END IF;
      END IF;
    END IF;
    IF p_value IS NULL THEN
      DELETE FROM "Vote" WHERE id = vote.id;
    ELSIF has_vote THEN
      UPDATE "Vote" SET value = p_value, "revisionId" = arg."currentRevisionId", "updatedAt" = now() WHERE id = vote.id;
    ELSE
      INSERT INTO "Vote" (id, "userId", "argumentId", "revisionId", value, "updatedAt")
      VALUES (p_new_vote_id, p_user_id, p_argument_id, arg."currentRevisionId", p_value, now());
    END IF;
    IF p_value > 0 THEN up_count := up_count + 1; ELSIF p_value < 0 THEN down_count := down_count + 1; END IF;
    outcome := 'CHANGED';
  END IF;

  n := up_count + down_count;
  IF n > 0 THEN
    p := up_count::double precision / n;
    wilson_score := greatest(0, (p + z2 / (2 * n) - p_wilson_z * sqrt((p * (1 - p) + z2 / (4 * n)) / n)) / (1 + z2 / n));
  END IF;
  IF outcome = 'CHANGED' THEN
    UPDATE "Argument"
       SET "upCount" = up_count, "downCount" = down_count, "staleUpCount" = stale_up_count,
           "staleDownCount" = stale_down_count, "wilsonScore" = wilson_score
     WHERE id = p_argument_id;
  END IF;
END;
$$;
