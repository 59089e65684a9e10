import "server-only";
import { db } from "../db";

export const STANCE_VALUES = [-2, -1, 0, 1, 2] as const;
export type StanceValue = (typeof STANCE_VALUES)[number];

export interface StanceSummary {
  /** Members per position, from strongly disagree (−2) to strongly agree (2). */
  counts: Record<StanceValue, number>;
  total: number;
  /** The viewer's own position, if they gave one. */
  mine: StanceValue | null;
}

/** The distribution of members' stances on a thesis and the viewer's own, in one query. */
export async function getStanceSummary(thesisId: string, viewerId: string | null | undefined): Promise<StanceSummary> {
  const rows = await db.$queryRaw<{ value: number; count: number; mine: boolean }[]>`
    SELECT value, count(*)::int AS count, bool_or("userId" = ${viewerId ?? ""}) AS mine
    FROM "ThesisStance" WHERE "thesisId" = ${thesisId}
    GROUP BY value`;
  const counts: Record<StanceValue, number> = { [-2]: 0, [-1]: 0, 0: 0, 1: 0, 2: 0 };
  let mine: StanceValue | null = null;
  for (const row of rows) {
    if (!(STANCE_VALUES as readonly number[]).includes(row.value)) continue;
    counts[row.value as StanceValue] = row.count;
    if (row.mine) mine = row.value as StanceValue;
  }
  return { counts, total: rows.reduce((sum, row) => sum + row.count, 0), mine };
}
