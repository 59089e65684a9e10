-- CreateTable
CREATE TABLE "LiveEvent" (
    "id" BIGSERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT clock_timestamp(),

    CONSTRAINT "LiveEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LiveEvent_topic_id_idx" ON "LiveEvent"("topic", "id");

-- CreateIndex
CREATE INDEX "LiveEvent_createdAt_idx" ON "LiveEvent"("createdAt");

-- Live updates: records one event and wakes every app process LISTENing on "agora_live" (server/live/).
-- Events of one topic are numbered in commit order: the transaction-scoped advisory lock on the topic is taken
-- just before the id is drawn and held until commit, so no reader can see event n+1 while event n may still
-- commit. Callers publish as the last thing they lock, so the lock never waits in a cycle. The notification
-- carries only the topic; listeners read the rows (NOTIFY delivers nothing for a rolled-back transaction, and
-- one payload repeated in one transaction is sent once).
CREATE FUNCTION "agora_publish_live"(p_topic text, p_kind text, p_subject_id text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('agora_live'), hashtext(p_topic));
  INSERT INTO "LiveEvent" (topic, kind, "subjectId") VALUES (p_topic, p_kind, p_subject_id);
  PERFORM pg_notify('agora_live', p_topic);
END;
$$;

-- Votes publish from inside the vote function, which stays one round trip (unchanged but for the publish line).
CREATE OR REPLACE FUNCTION "agora_set_vote"(
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
  OUT retry_after_seconds integer,
  OUT strength double precision,         -- the argument's DF-QuAD strength after the vote
  OUT thesis_strength double precision
) LANGUAGE plpgsql AS $$
DECLARE
  arg record;
  vote record;
  has_vote boolean;
  n integer;
  p double precision;
  z2 double precision := p_wilson_z * p_wilson_z;
  window_start timestamp(3);
  thesis_id text;
  new_strength double precision;
BEGIN
  -- Lock order, shared by every writer of strength: rows deeper in the tree before the rows above them (the
  -- argument, its parent, …, the thesis last), so no two writers can wait for each other in a cycle. A member's
  -- allowance row comes before all of them: two votes of one member on a reply and on its parent would otherwise
  -- each hold what the other needs.
  IF p_limit IS NOT NULL THEN
    PERFORM 1 FROM "VoteAllowance" va WHERE va."userId" = p_user_id FOR UPDATE;
    IF NOT FOUND THEN
      INSERT INTO "VoteAllowance" ("userId", "windowStartedAt", count) VALUES (p_user_id, now(), 0) ON CONFLICT ("userId") DO NOTHING;
      PERFORM 1 FROM "VoteAllowance" va WHERE va."userId" = p_user_id FOR UPDATE;
    END IF;
  END IF;
  SELECT a."authorId", a.status, a."currentRevisionId", a."upCount", a."downCount", a."staleUpCount", a."staleDownCount",
         a."parentId", a.stance, a.strength AS old_strength, a."supportProduct", a."attackProduct",
         a."thesisId", t.slug, t.status AS thesis_status, t.visibility AS thesis_visibility
    INTO arg
    FROM "Argument" a JOIN "Thesis" t ON t.id = a."thesisId"
   WHERE a.id = p_argument_id
     FOR UPDATE OF a;
  IF NOT FOUND THEN outcome := 'NOT_FOUND'; RETURN; END IF;
  thesis_id := arg."thesisId";
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
  strength := arg.old_strength;
  IF outcome = 'CHANGED' THEN
    -- Counters, ranking keys and strength in one row update; then only the path above, if the strength moved.
    new_strength := agora_dfquad_combine(wilson_score, 1 - arg."attackProduct", 1 - arg."supportProduct");
    UPDATE "Argument"
       SET "upCount" = up_count, "downCount" = down_count, "staleUpCount" = stale_up_count,
           "staleDownCount" = stale_down_count, "wilsonScore" = wilson_score,
           "disputeScore" = agora_dispute_score(up_count, down_count), strength = new_strength
     WHERE id = p_argument_id;
    IF new_strength <> arg.old_strength THEN
      thesis_strength := agora_replace_strength_factor(thesis_id, arg."parentId", arg.stance, arg.old_strength, new_strength);
    END IF;
    strength := new_strength;
    -- Open pages show the new counts and strengths live (server/live/); last, as agora_publish_live requires.
    PERFORM agora_publish_live('thesis:' || thesis_id, 'VOTES_CHANGED', p_argument_id);
  END IF;
  IF thesis_strength IS NULL THEN
    SELECT t.strength INTO thesis_strength FROM "Thesis" t WHERE t.id = thesis_id;
  END IF;
END;
$$;
