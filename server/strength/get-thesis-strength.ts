import "server-only";
import { db } from "../db";
import { markdownToText } from "@/lib/markdown";
import { computeStrengths, type Contribution } from "@/lib/scoring/dfquad";

export interface ThesisStrength {
  /** DF-QuAD strength of the thesis, 0–1. */
  thesis: number;
  /** Strength of each counted argument, by id. */
  arguments: Record<string, number>;
  /** The arguments that move the thesis most, largest effect first. */
  topContributions: (Contribution & { stance: "PRO" | "CON"; excerpt: string; depth: number })[];
  counted: number;
}

/**
 * Computed on read, from one query over the thesis's arguments, rather than stored at each vote: keeping a
 * stored thesis strength exact would make every vote lock and re-read the whole thesis, serialising all votes
 * on a thesis; on read it costs one indexed scan and a linear pass (≈ 2–5 ms for 10,000 arguments).
 */
export async function getThesisStrength(thesisId: string, top = 3): Promise<ThesisStrength> {
  const rows = await db.argument.findMany({
    where: { thesisId },
    select: { id: true, parentId: true, stance: true, status: true, upCount: true, downCount: true, depth: true },
  });
  const result = computeStrengths(rows, { contributions: true });
  const topIds = result.contributions.filter((c) => Math.abs(c.delta) >= 0.0005).slice(0, top);
  // Bodies only for the few arguments the explanation names, not for the whole debate.
  const bodies = topIds.length
    ? new Map((await db.argument.findMany({ where: { id: { in: topIds.map((c) => c.id) } }, select: { id: true, body: true } })).map((r) => [r.id, r.body]))
    : new Map<string, string>();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    thesis: result.thesis,
    arguments: Object.fromEntries(result.strengths),
    topContributions: topIds.map((c) => {
      const row = byId.get(c.id)!;
      return { ...c, stance: row.stance, depth: row.depth, excerpt: markdownToText(bodies.get(c.id) ?? "", 140) };
    }),
    counted: result.strengths.size,
  };
}
