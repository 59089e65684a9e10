export type StanceValue = "PRO" | "CON";

/** Top-level arguments are for/against the thesis; replies support or oppose their parent. */
export function stanceLabel(stance: StanceValue, isReply: boolean): string {
  if (isReply) return stance === "PRO" ? "Supports" : "Opposes";
  return stance === "PRO" ? "For" : "Against";
}

export function stanceClasses(stance: StanceValue): string {
  return stance === "PRO" ? "border-pro bg-pro-soft text-pro" : "border-con bg-con-soft text-con";
}
