import "server-only";
import { db } from "../db";

export interface ViewerVote {
  value: 1 | -1;
  /** The revision the vote was cast on; stale when it is not the argument's current one. */
  revisionId: string;
}

/** The viewer's votes on every argument of a thesis, in one query however large the debate. */
export async function getViewerVotes(viewerId: string | null | undefined, thesisId: string): Promise<Record<string, ViewerVote>> {
  if (!viewerId) return {};
  const votes = await db.vote.findMany({
    where: { userId: viewerId, argument: { thesisId } },
    select: { argumentId: true, value: true, revisionId: true },
  });
  return Object.fromEntries(votes.map((v) => [v.argumentId, { value: v.value === 1 ? 1 : -1, revisionId: v.revisionId }]));
}
