import "server-only";
import { getViewerVotes } from "../votes/get-viewer-votes";
import { loadCitations } from "../citations/load-citations";

/** What cards need beyond their rows: the viewer's votes and the footnotes, two queries for any number of cards. */
export async function loadCardExtras(argumentIds: string[], viewerId: string | null | undefined) {
  const [votes, citations] = await Promise.all([getViewerVotes(viewerId, argumentIds), loadCitations(argumentIds)]);
  return { votes, citations };
}
