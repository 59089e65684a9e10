import "server-only";
import { db } from "../db";

export interface ViewerVote {
  value: 1 | -1;
  /** The revision the vote was cast on; stale when it is not the argument's current one. */
  revisionId: string;
}

/** The viewer's votes on the arguments a page shows, in one query: a page's cost does not grow with the debate. */
export async function getViewerVotes(viewerId: string | null | undefined, argumentIds: string[]): Promise<Record<string, ViewerVote>> {
  if (!viewerId || argumentIds.length === 0) return {};
  const votes = await db.vote.findMany({
    where: { userId: viewerId, argumentId: { in: argumentIds } },
    select: { argumentId: true, value: true, revisionId: true },
  });
  return Object.fromEntries(votes.map((v) => [v.argumentId, { value: v.value === 1 ? 1 : -1, revisionId: v.revisionId }]));
}
