/** Orders siblings in the debate tree. Every order is total (ties fall to creation time, then id) and runs on the server. */
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

export interface SortableArgument {
  id: string;
  createdAt: Date;
  upCount?: number;
  downCount?: number;
  wilsonScore?: number;
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

const byAge = (a: SortableArgument, b: SortableArgument) =>
  a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A comparator for `sort`; arguments without vote fields rank as unvoted. */
export function siblingComparator(sort: SiblingSort): (a: SortableArgument, b: SortableArgument) => number {
  switch (sort) {
    case "newest":
      return (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    case "disputed":
      return (a, b) =>
        disputedScore(b.upCount ?? 0, b.downCount ?? 0) - disputedScore(a.upCount ?? 0, a.downCount ?? 0) || byAge(a, b);
    case "best":
      // Equal scores (typically unvoted arguments) keep the oldest first, so new arguments do not jump ahead.
      return (a, b) => (b.wilsonScore ?? 0) - (a.wilsonScore ?? 0) || byAge(a, b);
  }
}
