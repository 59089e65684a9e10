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

/**
 * The distribution of members' stances on a thesis and the viewer's own, in one query. An imported thesis also
 * counts the stances it brought from its first site (Thesis.importedStances).
 */
export async function getStanceSummary(thesisId: string, viewerId: string | null | undefined): Promise<StanceSummary> {
  const rows = await db.$queryRaw<{ value: number; count: number; mine: boolean }[]>`
    SELECT s.value,
           (count(st."userId") + coalesce(t."importedStances"[s.value + 3], 0))::int AS count,
           coalesce(bool_or(st."userId" = ${viewerId ?? ""}), false) AS mine
      FROM "Thesis" t
     CROSS JOIN generate_series(-2, 2) AS s(value)
      LEFT JOIN "ThesisStance" st ON st."thesisId" = t.id AND st.value = s.value
     WHERE t.id = ${thesisId}
     GROUP BY s.value, t."importedStances"`;
  const counts: Record<StanceValue, number> = { [-2]: 0, [-1]: 0, 0: 0, 1: 0, 2: 0 };
  let mine: StanceValue | null = null;
  for (const row of rows) {
    counts[row.value as StanceValue] = row.count;
    if (row.mine) mine = row.value as StanceValue;
  }
  return { counts, total: rows.reduce((sum, row) => sum + row.count, 0), mine };
}
