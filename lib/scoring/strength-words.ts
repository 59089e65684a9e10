/**
 * One scale for argument and thesis strength, in words beside the number (docs/thesis-strength.md). Arguments
 * start from their votes, so 0 means "carries no weight"; the thesis starts at 0.5, so 0.5 means "undecided".
 */
export function argumentStrengthWords(strength: number): string {
  if (strength < 0.005) return "no weight yet";
  if (strength < 0.2) return "weak";
  if (strength < 0.4) return "modest";
  if (strength < 0.6) return "moderate";
  if (strength < 0.8) return "strong";
  return "very strong";
}

export function thesisStrengthWords(strength: number): string {
  if (strength < 0.2) return "largely refuted";
  if (strength < 0.45) return "leans refuted";
  if (strength <= 0.55) return "undecided";
  if (strength <= 0.8) return "leans established";
  return "largely established";
}

export const STRENGTH_SCALE_TEXT =
  "Strength runs from 0 to 1. An argument starts from its votes (0 until members find it convincing); supporting replies raise it and rebuttals lower it. The thesis starts at 0.5, undecided: arguments for it push it towards 1 (established), arguments against towards 0 (refuted).";

/** Event the vote control sends when a vote's answer carries a new thesis strength, for the gauge on the page. */
export const THESIS_STRENGTH_EVENT = "agora:thesis-strength";
