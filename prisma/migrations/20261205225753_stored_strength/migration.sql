-- AlterTable
ALTER TABLE "Thesis" ADD COLUMN     "attackProduct" DOUBLE PRECISION NOT NULL DEFAULT 1,
ADD COLUMN     "supportProduct" DOUBLE PRECISION NOT NULL DEFAULT 1,
ALTER COLUMN "strength" SET DEFAULT 0.5;
UPDATE "Thesis" SET "strength" = 0.5 WHERE "strength" IS NULL;
ALTER TABLE "Thesis" ALTER COLUMN "strength" SET NOT NULL;

-- AlterTable
ALTER TABLE "Argument" ADD COLUMN     "attackProduct" DOUBLE PRECISION NOT NULL DEFAULT 1,
ADD COLUMN     "disputeScore" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "supportProduct" DOUBLE PRECISION NOT NULL DEFAULT 1,
ALTER COLUMN "strength" SET DEFAULT 0;
UPDATE "Argument" SET "strength" = 0 WHERE "strength" IS NULL;
ALTER TABLE "Argument" ALTER COLUMN "strength" SET NOT NULL;

-- CreateIndex
CREATE INDEX "Argument_page_best_idx" ON "Argument"("thesisId", "parentId", "stance", "wilsonScore" DESC, "createdAt", "id");

-- CreateIndex
CREATE INDEX "Argument_page_newest_idx" ON "Argument"("thesisId", "parentId", "stance", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Argument_page_disputed_idx" ON "Argument"("thesisId", "parentId", "stance", "disputeScore" DESC, "createdAt", "id");

-- CreateIndex
CREATE INDEX "Argument_page_strength_idx" ON "Argument"("thesisId", "parentId", "stance", "strength" DESC);

-- ───────────── DF-QuAD strength kept on write (docs/thesis-strength.md, "When it is computed") ─────────────
-- Every argument stores its strength and the products ∏(1 − s) of its visible supporting and opposing replies;
-- the thesis stores the same for its top-level arguments. A change to one argument (a vote, an edit that moves
-- votes to stale, a hide or restore) replaces that argument's factor in its parent's product and climbs to the
-- thesis: O(depth) rows, never the whole tree. Callers hold the thesis's row lock (taken first, so every writer
-- of one thesis locks in the same order and none can deadlock another), which also serialises the products.
-- `npm run strength:verify` recomputes everything from scratch and compares.

-- C(v0, va, vs) of DF-QuAD, as lib/scoring/dfquad.ts `combine`.
CREATE FUNCTION "agora_dfquad_combine"(v0 double precision, va double precision, vs double precision)
RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN va >= vs THEN v0 - v0 * (va - vs) ELSE v0 + (1 - v0) * (vs - va) END
$$;

-- "Most disputed" key, as lib/scoring/sort.ts `disputedScore`.
CREATE FUNCTION "agora_dispute_score"(up integer, down integer)
RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN up + down = 0 THEN 0
              WHEN up = 0 OR down = 0 THEN 1
              ELSE power((up + down)::double precision, least(up, down)::double precision / greatest(up, down)) END
$$;

-- The exact product over a parent's visible children of one stance: used when a factor is too close to 0 to
-- divide out (a child of strength ≈ 1).
CREATE FUNCTION "agora_children_product"(p_thesis_id text, p_parent_id text, p_stance "Stance")
RETURNS double precision LANGUAGE sql STABLE AS $$
  SELECT coalesce(exp(sum(ln(greatest(1 - a.strength, 1e-300)))), 1)
    FROM "Argument" a
   WHERE a."thesisId" = p_thesis_id AND a."parentId" IS NOT DISTINCT FROM p_parent_id
     AND a.stance = p_stance AND a.status = 'VISIBLE'
$$;

-- In the parent of a child of stance p_stance (NULL parent = the thesis), replace the factor (1 − p_old) by
-- (1 − p_new), p_old or p_new being NULL for "not counted" (hidden), then recompute strengths up to the thesis.
CREATE FUNCTION "agora_replace_strength_factor"(p_thesis_id text, p_parent_id text, p_stance "Stance",
                                                p_old double precision, p_new double precision)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  parent record;
  old_factor double precision := 1 - coalesce(p_old, 0);
  new_factor double precision := 1 - coalesce(p_new, 0);
  sp double precision;
  ap double precision;
  product double precision;
  new_strength double precision;
BEGIN
  LOOP
    IF p_parent_id IS NULL THEN
      SELECT t."supportProduct" AS sp, t."attackProduct" AS ap INTO parent FROM "Thesis" t WHERE t.id = p_thesis_id;
    ELSE
      SELECT a."parentId", a.stance, a.status, a.strength, a."wilsonScore", a."supportProduct" AS sp, a."attackProduct" AS ap
        INTO parent FROM "Argument" a WHERE a.id = p_parent_id;
    END IF;
    sp := parent.sp;
    ap := parent.ap;
    product := CASE WHEN p_stance = 'PRO' THEN sp ELSE ap END;
    IF old_factor > 1e-9 THEN
      product := product / old_factor * new_factor;
    ELSE
      product := agora_children_product(p_thesis_id, p_parent_id, p_stance);
    END IF;
    IF p_stance = 'PRO' THEN sp := product; ELSE ap := product; END IF;

    IF p_parent_id IS NULL THEN
      UPDATE "Thesis" SET "supportProduct" = sp, "attackProduct" = ap,
                          strength = agora_dfquad_combine(0.5, 1 - ap, 1 - sp)
       WHERE id = p_thesis_id;
      RETURN;
    END IF;
    new_strength := agora_dfquad_combine(parent."wilsonScore", 1 - ap, 1 - sp);
    UPDATE "Argument" SET "supportProduct" = sp, "attackProduct" = ap, strength = new_strength WHERE id = p_parent_id;
    -- A hidden argument keeps its own branch's strength (ready for a restore) but counts for nothing above it.
    IF parent.status = 'HIDDEN' OR new_strength = parent.strength THEN RETURN; END IF;
    old_factor := 1 - parent.strength;
    new_factor := 1 - new_strength;
    p_stance := parent.stance;
    p_parent_id := parent."parentId";
  END LOOP;
END;
$$;

-- Recomputes one argument's strength from its base score (wilsonScore) and stored products, and carries the
-- change to the thesis. Called after its votes moved.
CREATE FUNCTION "agora_refresh_strength"(p_argument_id text)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  arg record;
  new_strength double precision;
BEGIN
  SELECT a."thesisId", a."parentId", a.stance, a.status, a.strength, a."wilsonScore", a."supportProduct", a."attackProduct"
    INTO arg FROM "Argument" a WHERE a.id = p_argument_id;
  IF NOT FOUND THEN RETURN; END IF;
  new_strength := agora_dfquad_combine(arg."wilsonScore", 1 - arg."attackProduct", 1 - arg."supportProduct");
  IF new_strength = arg.strength THEN RETURN; END IF;
  UPDATE "Argument" SET strength = new_strength WHERE id = p_argument_id;
  IF arg.status = 'HIDDEN' THEN RETURN; END IF;
  PERFORM agora_replace_strength_factor(arg."thesisId", arg."parentId", arg.stance, arg.strength, new_strength);
END;
$$;

-- Hiding or restoring an argument takes its whole factor out of, or puts it back into, its parent.
CREATE FUNCTION "agora_set_strength_counted"(p_argument_id text, p_counted boolean)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  arg record;
BEGIN
  SELECT a."thesisId", a."parentId", a.stance, a.strength INTO arg FROM "Argument" a WHERE a.id = p_argument_id;
  IF NOT FOUND THEN RETURN; END IF;
  IF p_counted THEN
    PERFORM agora_replace_strength_factor(arg."thesisId", arg."parentId", arg.stance, NULL, arg.strength);
  ELSE
    PERFORM agora_replace_strength_factor(arg."thesisId", arg."parentId", arg.stance, arg.strength, NULL);
  END IF;
END;
$$;

-- Recomputes every stored strength and product of one thesis from its base scores, deepest level first (bulk
-- imports, generated benchmark data, and the first fill below). Set-based: one statement per level.
CREATE FUNCTION "agora_recompute_thesis_strength"(p_thesis_id text)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  d integer;
BEGIN
  UPDATE "Argument" SET "supportProduct" = 1, "attackProduct" = 1 WHERE "thesisId" = p_thesis_id;
  FOR d IN REVERSE coalesce((SELECT max(depth) FROM "Argument" WHERE "thesisId" = p_thesis_id), -1)..0 LOOP
    UPDATE "Argument" SET strength = agora_dfquad_combine("wilsonScore", 1 - "attackProduct", 1 - "supportProduct")
     WHERE "thesisId" = p_thesis_id AND depth = d;
    IF d > 0 THEN
      UPDATE "Argument" p
         SET "supportProduct" = agg.sp, "attackProduct" = agg.ap
        FROM (SELECT c."parentId",
                     coalesce(exp(sum(ln(greatest(1 - c.strength, 1e-300))) FILTER (WHERE c.stance = 'PRO')), 1) AS sp,
                     coalesce(exp(sum(ln(greatest(1 - c.strength, 1e-300))) FILTER (WHERE c.stance = 'CON')), 1) AS ap
                FROM "Argument" c
               WHERE c."thesisId" = p_thesis_id AND c.depth = d AND c.status = 'VISIBLE'
               GROUP BY c."parentId") agg
       WHERE p.id = agg."parentId";
    END IF;
  END LOOP;
  UPDATE "Thesis" t
     SET "supportProduct" = agg.sp, "attackProduct" = agg.ap, strength = agora_dfquad_combine(0.5, 1 - agg.ap, 1 - agg.sp)
    FROM (SELECT coalesce(exp(sum(ln(greatest(1 - c.strength, 1e-300))) FILTER (WHERE c.stance = 'PRO')), 1) AS sp,
                 coalesce(exp(sum(ln(greatest(1 - c.strength, 1e-300))) FILTER (WHERE c.stance = 'CON')), 1) AS ap
            FROM "Argument" c
           WHERE c."thesisId" = p_thesis_id AND c."parentId" IS NULL AND c.status = 'VISIBLE') agg
   WHERE t.id = p_thesis_id;
END;
$$;

-- First fill of what existing databases never stored.
UPDATE "Argument" SET "disputeScore" = agora_dispute_score("upCount", "downCount");
SELECT agora_recompute_thesis_strength(id) FROM "Thesis";

-- Votes keep the disputed key and the strengths in the same call (and return them, so the page that voted can
-- show them without reloading).
DROP FUNCTION "agora_set_vote"(text, text, integer, text, integer, integer, double precision);
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
BEGIN
  -- The thesis row first: every writer that can move a thesis's strength locks it before any of its arguments
  -- (see agora_replace_strength_factor), so votes, posts, edits and hides of one thesis never deadlock.
  SELECT a."thesisId" INTO thesis_id FROM "Argument" a WHERE a.id = p_argument_id;
  IF NOT FOUND THEN outcome := 'NOT_FOUND'; RETURN; END IF;
  PERFORM 1 FROM "Thesis" t WHERE t.id = thesis_id FOR UPDATE;
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
           "staleDownCount" = stale_down_count, "wilsonScore" = wilson_score,
           "disputeScore" = agora_dispute_score(up_count, down_count)
     WHERE id = p_argument_id;
    PERFORM agora_refresh_strength(p_argument_id);
  END IF;
  SELECT a.strength INTO strength FROM "Argument" a WHERE a.id = p_argument_id;
  SELECT t.strength INTO thesis_strength FROM "Thesis" t WHERE t.id = thesis_id;
END;
$$;
