import "server-only";
import { db } from "../db";
import { computeStrengths } from "@/lib/scoring/dfquad";

/** Stored and recomputed values may differ by float rounding of the incremental products, never by more. */
export const STRENGTH_TOLERANCE = 1e-9;

export interface StrengthMismatch {
  thesisId: string;
  /** Null for the thesis itself. */
  argumentId: string | null;
  field: "strength" | "supportProduct" | "attackProduct";
  stored: number;
  expected: number;
}

/**
 * Recomputes every strength of one thesis (or all) from scratch with lib/scoring/dfquad.ts, an implementation
 * independent of the database functions that keep them, and lists every stored value that differs.
 */
export async function verifyStrength(thesisId?: string): Promise<{ theses: number; arguments: number; mismatches: StrengthMismatch[] }> {
  const theses = await db.thesis.findMany({
    where: thesisId ? { id: thesisId } : {},
    select: { id: true, strength: true, supportProduct: true, attackProduct: true },
    orderBy: { id: "asc" },
  });
  const mismatches: StrengthMismatch[] = [];
  let counted = 0;
  for (const thesis of theses) {
    const rows = await db.argument.findMany({
      where: { thesisId: thesis.id },
      select: { id: true, parentId: true, stance: true, status: true, upCount: true, downCount: true, strength: true, supportProduct: true, attackProduct: true },
    });
    counted += rows.length;
    const result = computeStrengths(rows, { hiddenBranches: true });
    const products = new Map<string | null, { PRO: number; CON: number }>();
    for (const row of rows) {
      if (row.status === "HIDDEN") continue;
      const entry = products.get(row.parentId) ?? { PRO: 1, CON: 1 };
      entry[row.stance] *= 1 - (result.strengths.get(row.id) ?? 0);
      products.set(row.parentId, entry);
    }
    const check = (argumentId: string | null, field: StrengthMismatch["field"], stored: number, expected: number) => {
      if (!(Math.abs(stored - expected) <= STRENGTH_TOLERANCE)) mismatches.push({ thesisId: thesis.id, argumentId, field, stored, expected });
    };
    const top = products.get(null) ?? { PRO: 1, CON: 1 };
    check(null, "strength", thesis.strength, result.thesis);
    check(null, "supportProduct", thesis.supportProduct, top.PRO);
    check(null, "attackProduct", thesis.attackProduct, top.CON);
    for (const row of rows) {
      const own = products.get(row.id) ?? { PRO: 1, CON: 1 };
      // Arguments whose parent is missing reach no thesis; the recompute gives them nothing to compare with.
      const expected = result.strengths.get(row.id);
      if (expected === undefined) continue;
      check(row.id, "strength", row.strength, expected);
      check(row.id, "supportProduct", row.supportProduct, own.PRO);
      check(row.id, "attackProduct", row.attackProduct, own.CON);
    }
  }
  return { theses: theses.length, arguments: counted, mismatches };
}
