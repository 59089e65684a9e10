import "server-only";
import type { Tx } from "../db";

export interface VoteCounts {
  upCount: number;
  downCount: number;
  staleUpCount: number;
  staleDownCount: number;
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
        "upCount" = 0, "downCount" = 0, "wilsonScore" = 0, "disputeScore" = 0
    WHERE id = ${argumentId}`;
}
