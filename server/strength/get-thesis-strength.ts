import "server-only";
import { db } from "../db";
import { markdownToText } from "@/lib/markdown";
import { combine, THESIS_BASE_SCORE } from "@/lib/scoring/dfquad";

export interface ThesisStrength {
  /** DF-QuAD strength of the thesis, 0–1. */
  thesis: number;
  /** The top-level arguments that move the thesis most, largest effect first. */
  topContributions: { id: string; delta: number; stance: "PRO" | "CON"; excerpt: string; depth: number }[];
  /** Arguments in the debate. */
  counted: number;
}

/**
 * Reads what the write path keeps (keep-strength.ts): no tree is walked on a page view. "What moves it most" is
 * worked out for top-level arguments from the thesis's stored products: removing one divides its factor out of
 * its side's product, and the effect grows with its strength, so the strongest few of each side (one indexed
 * query) contain the largest effects.
 */
export async function getThesisStrength(
  thesis: { id: string; strength: number; supportProduct: number; attackProduct: number; argumentCount: number },
  top = 3,
): Promise<ThesisStrength> {
  const strongest = await db.$queryRaw<{ id: string; stance: "PRO" | "CON"; strength: number; body: string }[]>`
    (SELECT id, stance::text AS stance, strength, body FROM "Argument"
      WHERE "thesisId" = ${thesis.id} AND "parentId" IS NULL AND stance = 'PRO' AND status = 'VISIBLE'
      ORDER BY strength DESC LIMIT ${top})
    UNION ALL
    (SELECT id, stance::text AS stance, strength, body FROM "Argument"
      WHERE "thesisId" = ${thesis.id} AND "parentId" IS NULL AND stance = 'CON' AND status = 'VISIBLE'
      ORDER BY strength DESC LIMIT ${top})`;
  const contributions = strongest
    .map((row) => {
      const without = (product: number) => (1 - row.strength > 1e-12 ? product / (1 - row.strength) : product);
      const sp = row.stance === "PRO" ? without(thesis.supportProduct) : thesis.supportProduct;
      const ap = row.stance === "CON" ? without(thesis.attackProduct) : thesis.attackProduct;
      return { id: row.id, stance: row.stance, depth: 0, excerpt: markdownToText(row.body, 140), delta: thesis.strength - combine(THESIS_BASE_SCORE, 1 - ap, 1 - sp) };
    })
    .filter((c) => Math.abs(c.delta) >= 0.0005)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || (a.id < b.id ? -1 : 1))
    .slice(0, top);
  return { thesis: thesis.strength, topContributions: contributions, counted: thesis.argumentCount };
}
