/** z for a two-sided 95% interval: the confidence the default ranking asks of an argument's votes. */
export const WILSON_Z = 1.96;

/**
 * Lower bound of the Wilson score interval for the share of "convincing" votes (Wilson 1927; the ranking
 * Evan Miller's "How Not To Sort By Average Rating" popularised). An argument with 1 up vote and none down
 * ranks below one with 40 up and 5 down: the bound rewards a reliably high share, not earliness or volume.
 * 0 when there are no votes.
 */
export function wilsonLowerBound(up: number, down: number, z = WILSON_Z): number {
  const n = up + down;
  if (n <= 0) return 0;
  const p = up / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const margin = z * Math.sqrt((p * (1 - p) + z2 / (4 * n)) / n);
  return Math.max(0, (centre - margin) / (1 + z2 / n));
}
