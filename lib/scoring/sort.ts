/**
 * How siblings in the debate tree are ordered. The orders run in SQL (server/arguments/list-argument-page.ts, on the
 * page indexes); every order is total: ties fall to creation time, then id.
 */
export const SIBLING_SORTS = ["best", "newest", "disputed"] as const;
export type SiblingSort = (typeof SIBLING_SORTS)[number];

export const SIBLING_SORT_LABELS: Record<SiblingSort, string> = {
  best: "Best (Wilson score)",
  newest: "Newest",
  disputed: "Most disputed",
};

export function parseSiblingSort(value: unknown): SiblingSort {
  return typeof value === "string" && (SIBLING_SORTS as readonly string[]).includes(value) ? (value as SiblingSort) : "best";
}

/**
 * `path` showing siblings in `sort`: "best", the default, keeps the bare URL (one canonical address per page); any
 * other order becomes `?sort=`. `path` must carry no query string; a `#fragment` goes after the result.
 */
export function withSiblingSort(path: string, sort: SiblingSort): string {
  return sort === "best" ? path : `${path}?sort=${sort}`;
}

/**
 * "Most disputed": many votes with a balanced split. (up + down) ^ (min / max), so 50 up / 50 down scores 100,
 * 90 up / 10 down scores 100^(1/9) ≈ 1.67, and a one-sided argument scores 1 whatever its votes (0 with none).
 * Volume matters only as far as the split is balanced — the measure Reddit uses for "controversial".
 */
export function disputedScore(up: number, down: number): number {
  const total = up + down;
  if (total === 0) return 0;
  if (up === 0 || down === 0) return 1;
  return total ** (Math.min(up, down) / Math.max(up, down));
}
