import "server-only";
import type { Tx } from "../db";
import { moveVotesToStale } from "../votes/vote-counts";

/**
 * What an edit does to the votes already cast, inside editArgument's transaction and after the new revision
 * became current (so the argument's row is locked and no vote slips in between).
 *
 * A vote counts as current when it names the argument's current revision: that is how agora_set_vote and the
 * viewer's vote buttons tell current from stale. A minor edit therefore moves the current votes onto the new
 * revision, leaving the counters as they are; votes already stale stay on the older revision they judged.
 * Raw SQL so Prisma's @updatedAt does not pretend the voters changed their votes.
 */
export async function applyEditToVotes(
  tx: Tx,
  { argumentId, previousRevisionId, revisionId, minor }: { argumentId: string; previousRevisionId: string | null; revisionId: string; minor: boolean },
): Promise<void> {
  if (!minor) return moveVotesToStale(tx, argumentId);
  if (previousRevisionId === null) return;
  await tx.$executeRaw`
    UPDATE "Vote" SET "revisionId" = ${revisionId}
    WHERE "argumentId" = ${argumentId} AND "revisionId" = ${previousRevisionId}`;
}
