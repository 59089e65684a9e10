import "server-only";
import { getStanceSummary } from "../stances/get-stance-summary";
import { getThesisStrength } from "../strength/get-thesis-strength";

/**
 * What a thesis page shows about stances and strength, in a fixed number of queries whatever the size of the
 * debate: the stance distribution (1) and the strongest top-level arguments for "what moves it most" (1). The
 * strength itself is stored on the thesis row.
 */
export async function getThesisVoting(
  thesis: { id: string; status: "OPEN" | "LOCKED"; strength: number; supportProduct: number; attackProduct: number; argumentCount: number },
  viewerId: string | null | undefined,
) {
  const [stances, strength] = await Promise.all([getStanceSummary(thesis.id, viewerId), getThesisStrength(thesis)]);
  return { stances, strength, open: thesis.status === "OPEN" };
}
