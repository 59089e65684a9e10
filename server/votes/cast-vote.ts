import "server-only";
import { randomBytes } from "node:crypto";
import { db, type Tx } from "../db";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors";
import type { CurrentUser } from "../auth/current-user";
import { applyVoteChange, type VoteCounts } from "./vote-counts";

interface LockedArgument extends VoteCounts {
  id: string;
  authorId: string;
  status: "VISIBLE" | "HIDDEN";
  currentRevisionId: string | null;
  thesisSlug: string;
  thesisStatus: "OPEN" | "LOCKED";
  thesisVisibility: "VISIBLE" | "HIDDEN";
  voteId: string | null;
  voteValue: number | null;
  voteRevisionId: string | null;
}

export interface VoteResult extends VoteCounts {
  argumentId: string;
  thesisSlug: string;
  /** The member's vote now: 1, -1, or null when they have none. */
  value: 1 | -1 | null;
  wilsonScore: number;
  /** False when the request changed nothing (a replay, or withdrawing a vote that is not there). */
  changed: boolean;
}

/** The member's own vote changed between our read and our write (two of their requests raced): start again. */
class VoteRaced extends Error {}

/**
 * Casts (value 1 or -1) or withdraws (null) the actor's vote on an argument. Votes on one argument are
 * serialised by a row lock on the argument (SELECT … FOR UPDATE), so its counters move in exact steps however
 * many members vote at once; votes on different arguments never wait for each other. Casting the same value
 * again changes nothing, except that a vote on an earlier revision becomes a vote on the current one.
 *
 * Four round trips (BEGIN, lock-and-read, write, COMMIT): this is the hot path of the 1,000 votes/s goal.
 */
export async function setVote(options: { actor: Pick<CurrentUser, "id">; argumentId: string; value: 1 | -1 | null }): Promise<VoteResult> {
  for (let attempt = 0; ; attempt++) {
    try {
      // Generous waits: under a burst, votes queue for a connection or for the argument's lock rather than fail.
      return await db.$transaction((tx) => setVoteOnce(tx, options), { maxWait: 30_000, timeout: 30_000 });
    } catch (error) {
      if (!(error instanceof VoteRaced) || attempt >= 5) throw error;
    }
  }
}

async function setVoteOnce(
  tx: Tx,
  { actor, argumentId, value }: { actor: Pick<CurrentUser, "id">; argumentId: string; value: 1 | -1 | null },
): Promise<VoteResult> {
  // The argument row comes back as its latest version once the lock is ours. The member's vote is read in the
  // same statement, from the snapshot taken before any wait: only another request of the same member on the
  // same argument can change it meanwhile, and the guarded write below detects that and retries.
  const [argument] = await tx.$queryRaw<LockedArgument[]>`
    SELECT a.id, a."authorId", a.status::text AS status, a."currentRevisionId",
           a."upCount", a."downCount", a."staleUpCount", a."staleDownCount",
           t.slug AS "thesisSlug", t.status::text AS "thesisStatus", t.visibility::text AS "thesisVisibility",
           v.id AS "voteId", v.value AS "voteValue", v."revisionId" AS "voteRevisionId"
    FROM "Argument" a
    JOIN "Thesis" t ON t.id = a."thesisId"
    LEFT JOIN "Vote" v ON v."argumentId" = a.id AND v."userId" = ${actor.id}
    WHERE a.id = ${argumentId}
    FOR UPDATE OF a`;
  if (!argument) throw new NotFoundError("That argument does not exist.");
  if (argument.status === "HIDDEN" || argument.thesisVisibility === "HIDDEN") {
    throw new ForbiddenError("This argument was hidden by moderators: it cannot be voted on.");
  }
  if (argument.thesisStatus === "LOCKED") throw new ForbiddenError("This thesis is locked: votes can no longer change.");
  if (argument.authorId === actor.id) throw new ForbiddenError("You cannot vote on your own argument.");
  const revisionId = argument.currentRevisionId;
  if (!revisionId) throw new ConflictError("This argument has no saved revision to vote on.");

  const counts: VoteCounts = {
    upCount: argument.upCount,
    downCount: argument.downCount,
    staleUpCount: argument.staleUpCount,
    staleDownCount: argument.staleDownCount,
  };
  const existing = argument.voteId ? { id: argument.voteId, value: argument.voteValue!, revisionId: argument.voteRevisionId! } : null;
  const base = { argumentId, thesisSlug: argument.thesisSlug };
  if ((value === null && !existing) || (value !== null && existing?.value === value && existing.revisionId === revisionId)) {
    return { ...base, value, ...applyVoteChange(counts, null, null), changed: false };
  }

  const before = existing ? { value: existing.value, stale: existing.revisionId !== revisionId } : null;
  const next = applyVoteChange(counts, before, value === null ? null : { value });
  // The vote write and the counter update in one statement; the counters move only if the vote write
  // matched exactly the vote we read, so a raced read can never skew a count.
  let updated: number;
  if (value === null) {
    updated = await tx.$executeRaw`
      WITH v AS (DELETE FROM "Vote" WHERE id = ${existing!.id} AND value = ${existing!.value} AND "revisionId" = ${existing!.revisionId} RETURNING 1)
      UPDATE "Argument" SET "upCount" = ${next.upCount}, "downCount" = ${next.downCount}, "staleUpCount" = ${next.staleUpCount},
        "staleDownCount" = ${next.staleDownCount}, "wilsonScore" = ${next.wilsonScore}
      WHERE id = ${argumentId} AND EXISTS (SELECT 1 FROM v)`;
  } else if (existing) {
    updated = await tx.$executeRaw`
      WITH v AS (UPDATE "Vote" SET value = ${value}, "revisionId" = ${revisionId}, "updatedAt" = now()
                 WHERE id = ${existing.id} AND value = ${existing.value} AND "revisionId" = ${existing.revisionId} RETURNING 1)
      UPDATE "Argument" SET "upCount" = ${next.upCount}, "downCount" = ${next.downCount}, "staleUpCount" = ${next.staleUpCount},
        "staleDownCount" = ${next.staleDownCount}, "wilsonScore" = ${next.wilsonScore}
      WHERE id = ${argumentId} AND EXISTS (SELECT 1 FROM v)`;
  } else {
    const id = `v${randomBytes(12).toString("hex")}`;
    updated = await tx.$executeRaw`
      WITH v AS (INSERT INTO "Vote" (id, "userId", "argumentId", "revisionId", value, "updatedAt")
                 VALUES (${id}, ${actor.id}, ${argumentId}, ${revisionId}, ${value}, now())
                 ON CONFLICT ("userId", "argumentId") DO NOTHING RETURNING 1)
      UPDATE "Argument" SET "upCount" = ${next.upCount}, "downCount" = ${next.downCount}, "staleUpCount" = ${next.staleUpCount},
        "staleDownCount" = ${next.staleDownCount}, "wilsonScore" = ${next.wilsonScore}
      WHERE id = ${argumentId} AND EXISTS (SELECT 1 FROM v)`;
  }
  if (updated !== 1) throw new VoteRaced();
  return { ...base, value, ...next, changed: true };
}

export function castVote(options: { actor: Pick<CurrentUser, "id">; argumentId: string; value: 1 | -1 }) {
  return setVote(options);
}

export function withdrawVote(options: { actor: Pick<CurrentUser, "id">; argumentId: string }) {
  return setVote({ ...options, value: null });
}
