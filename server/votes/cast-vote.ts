import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "../db";
import { ConflictError, ForbiddenError, NotFoundError, RateLimitError } from "../errors";
import type { CurrentUser } from "../auth/current-user";
import { formatWait, isNewAccount, limitRule } from "../access/limits";
import { WILSON_Z } from "@/lib/scoring/wilson";
import type { VoteCounts } from "./vote-counts";

export interface VoteResult extends VoteCounts {
  argumentId: string;
  thesisSlug: string;
  /** The member's vote now: 1, -1, or null when they have none. */
  value: 1 | -1 | null;
  wilsonScore: number;
  /** DF-QuAD strengths after the vote: the argument's and its thesis's (kept on write, docs/thesis-strength.md). */
  strength: number;
  thesisStrength: number;
  /** False when the request changed nothing (a replay, or withdrawing a vote that is not there). */
  changed: boolean;
}

interface SetVoteRow {
  outcome: "CHANGED" | "UNCHANGED" | "NOT_FOUND" | "HIDDEN" | "LOCKED" | "OWN" | "NO_REVISION" | "RATE_LIMITED";
  thesis_slug: string | null;
  up_count: number | null;
  down_count: number | null;
  stale_up_count: number | null;
  stale_down_count: number | null;
  wilson_score: number | null;
  retry_after_seconds: number | null;
  strength: number | null;
  thesis_strength: number | null;
}

export type Voter = Pick<CurrentUser, "id" | "createdAt">;

/**
 * Casts (value 1 or -1) or withdraws (null) the actor's vote on an argument. Casting the same value again
 * changes nothing, except that a vote on an earlier revision becomes a vote on the current one.
 *
 * The whole vote (lock the argument, read the member's vote, check the rate limit, write the vote and the
 * counters) is one call of the database function agora_set_vote (migration api_tokens_fast_votes): one round
 * trip, so a vote holds its connection and the argument's row lock for as short a time as possible. This is
 * the hot path of the 1,000 votes/s goal (`npm run bench:votes`).
 */
export async function setVote({ actor, argumentId, value }: { actor: Voter; argumentId: string; value: 1 | -1 | null }): Promise<VoteResult> {
  const rule = limitRule("vote", { newAccount: isNewAccount(actor) });
  const newVoteId = `v${randomBytes(12).toString("hex")}`;
  const [row] = await db.$queryRaw<SetVoteRow[]>`
    SELECT * FROM agora_set_vote(${actor.id}, ${argumentId}, ${value}::integer, ${newVoteId},
                                 ${rule?.limit ?? null}::integer, ${rule?.windowSeconds ?? null}::integer, ${WILSON_Z}::double precision)`;
  switch (row!.outcome) {
    case "NOT_FOUND":
      throw new NotFoundError("That argument does not exist.");
    case "HIDDEN":
      throw new ForbiddenError("This argument was hidden by moderators: it cannot be voted on.", "TARGET_HIDDEN");
    case "LOCKED":
      throw new ForbiddenError("This thesis is locked: votes can no longer change.", "THESIS_LOCKED");
    case "OWN":
      throw new ForbiddenError("You cannot vote on your own argument.", "OWN_ARGUMENT");
    case "NO_REVISION":
      throw new ConflictError("This argument has no saved revision to vote on.");
    case "RATE_LIMITED": {
      const wait = row!.retry_after_seconds ?? 60;
      throw new RateLimitError(`${rule!.message} Try again in ${formatWait(wait)}.`, wait);
    }
  }
  return {
    argumentId,
    thesisSlug: row!.thesis_slug!,
    value,
    upCount: row!.up_count!,
    downCount: row!.down_count!,
    staleUpCount: row!.stale_up_count!,
    staleDownCount: row!.stale_down_count!,
    wilsonScore: row!.wilson_score!,
    strength: row!.strength!,
    thesisStrength: row!.thesis_strength!,
    changed: row!.outcome === "CHANGED",
  };
}

export function castVote(options: { actor: Voter; argumentId: string; value: 1 | -1 }) {
  return setVote(options);
}

export function withdrawVote(options: { actor: Voter; argumentId: string }) {
  return setVote({ ...options, value: null });
}
