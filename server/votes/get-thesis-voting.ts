import "server-only";
import { getViewerVotes } from "./get-viewer-votes";
import { getStanceSummary } from "../stances/get-stance-summary";
import { getThesisStrength } from "../strength/get-thesis-strength";

/**
 * Everything a thesis page shows about votes, stances and strength, in a fixed number of queries whatever
 * the size of the debate: the viewer's votes (1), the stance distribution (1), the argument scores for
 * DF-QuAD (1) and the bodies of the few arguments its explanation names (≤ 1).
 */
export async function getThesisVoting(thesis: { id: string; status: "OPEN" | "LOCKED" }, viewerId: string | null | undefined) {
  const [votes, stances, strength] = await Promise.all([
    getViewerVotes(viewerId, thesis.id),
    getStanceSummary(thesis.id, viewerId),
    getThesisStrength(thesis.id),
  ]);
  return { votes, stances, strength, open: thesis.status === "OPEN" };
}
