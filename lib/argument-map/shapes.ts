/**
 * How a node looks, shared by the map and its thumbnail. Stance is told by shape as well as colour (circle: for,
 * square: against; the thesis is a diamond) and the line to a rebuttal is dashed, so the map reads in grey too.
 * Size grows with stored strength (0–1).
 */
export const MAP_COLOURS = { PRO: "#0f766e", CON: "#b91c1c", thesis: "#1e293b", more: "#64748b" } as const;

export function nodeRadius(strength: number): number {
  return 4 + 8 * Math.min(1, Math.max(0, strength));
}

/** An SVG path centred on (x, y). */
export function nodeShapePath(kind: "PRO" | "CON" | "thesis", x: number, y: number, r: number): string {
  const f = round;
  if (kind === "CON") return `M${f(x - r)},${f(y - r)}h${f(2 * r)}v${f(2 * r)}h${f(-2 * r)}Z`;
  if (kind === "thesis") return `M${f(x)},${f(y - r)}L${f(x + r)},${f(y)}L${f(x)},${f(y + r)}L${f(x - r)},${f(y)}Z`;
  return `M${f(x - r)},${f(y)}a${f(r)},${f(r)} 0 1,0 ${f(2 * r)},0a${f(r)},${f(r)} 0 1,0 ${f(-2 * r)},0Z`;
}

/** Whole units: the map is at least 1,000 units across, so finer coordinates only add bytes. */
export function round(n: number): number {
  return Math.round(n);
}
