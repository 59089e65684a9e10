import "server-only";
import type { Tx } from "../db";

/**
 * Stored DF-QuAD strength is kept by the database functions of migrations `stored_strength` and
 * `vote_strength_one_update` (see docs/thesis-strength.md); these are the only ways the app calls them.
 *
 * Lock order: every writer locks the changed argument first and then climbs (its parent, …, the thesis last), each
 * level under its row lock. Writers on one path therefore take locks in the same order and cannot deadlock, and a
 * product is always changed on top of the latest committed one. The caller must hold the changed argument's row
 * lock (it has just updated that row) before calling.
 */

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
