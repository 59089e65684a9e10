import "server-only";
import type { Tx } from "../db";

/**
 * Stored DF-QuAD strength is kept by the database functions of migration `stored_strength` (see
 * docs/thesis-strength.md): these are the only ways the app calls them. Every writer that can move a thesis's
 * strength first takes that thesis's row lock with `lockThesisForStrength`, so writers of one thesis lock rows in
 * one order (thesis, then arguments) and cannot deadlock, and the stored products change one writer at a time.
 */
export async function lockThesisForStrength(tx: Tx, thesisId: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM "Thesis" WHERE id = ${thesisId} FOR UPDATE`;
}

/** After an argument's base score (its current votes) changed: recompute it and the path to the thesis. */
export async function refreshStrength(tx: Tx, argumentId: string): Promise<void> {
  await tx.$executeRaw`SELECT agora_refresh_strength(${argumentId})`;
}

/** After an argument was hidden (false) or restored (true): take its branch out of, or back into, its parent. */
export async function setStrengthCounted(tx: Tx, argumentId: string, counted: boolean): Promise<void> {
  await tx.$executeRaw`SELECT agora_set_strength_counted(${argumentId}, ${counted})`;
}

/** Recompute a whole thesis from its base scores (bulk-inserted data: benchmarks, imports). */
export async function recomputeThesisStrength(tx: Tx, thesisId: string): Promise<void> {
  await tx.$executeRaw`SELECT agora_recompute_thesis_strength(${thesisId})`;
}
