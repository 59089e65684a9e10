import "server-only";
import type { Tx } from "../db";
import { wilsonLowerBound } from "@/lib/scoring/wilson";

export interface VoteCounts {
  upCount: number;
  downCount: number;
  staleUpCount: number;
  staleDownCount: number;
}

/** The argument's counters after one member's vote goes from `before` to `after`, where `stale` says on which revision. */
export function applyVoteChange(
  counts: VoteCounts,
  before: { value: number; stale: boolean } | null,
  after: { value: number } | null,
): VoteCounts & { wilsonScore: number } {
  const next = { ...counts };
  if (before) {
    if (before.stale) next[before.value > 0 ? "staleUpCount" : "staleDownCount"] -= 1;
    else next[before.value > 0 ? "upCount" : "downCount"] -= 1;
  }
  if (after) next[after.value > 0 ? "upCount" : "downCount"] += 1;
  return { ...next, wilsonScore: wilsonLowerBound(next.upCount, next.downCount) };
}

/**
 * Called by editArgument in its transaction, after the new revision became current: the votes cast so far
 * were on an earlier text, so their counts move to the stale columns until each voter reconfirms. One
 * statement, on the row the edit already locked, so no vote can slip in between.
 */
export async function moveVotesToStale(tx: Tx, argumentId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Argument"
    SET "staleUpCount" = "staleUpCount" + "upCount",
        "staleDownCount" = "staleDownCount" + "downCount",
        "upCount" = 0, "downCount" = 0, "wilsonScore" = 0
    WHERE id = ${argumentId}`;
}
