import { wilsonLowerBound } from "./wilson";

/**
 * DF-QuAD gradual semantics (Rago, Toni, Aurisicchio & Baroni, "Discontinuity-Free Decision Support with
 * Quantitative Argumentation Debates", KR 2016) over a thesis's argument tree. See docs/thesis-strength.md for
 * the formula, our choice of base scores and a worked example.
 */

export interface StrengthInput {
  id: string;
  /** Null for a top-level argument (it acts on the thesis). */
  parentId: string | null;
  /** PRO supports its parent, CON attacks it. */
  stance: "PRO" | "CON";
  upCount: number;
  downCount: number;
  /** Hidden arguments are left out together with everything below them. */
  status?: "VISIBLE" | "HIDDEN";
}

/** Base score of the thesis: no prior leaning either way. */
export const THESIS_BASE_SCORE = 0.5;

/**
 * Base score of an argument from its votes on the current revision: the Wilson lower bound (95%). An unvoted
 * argument starts at 0 and so moves nothing until members find it convincing — posting many unvoted arguments
 * cannot move a thesis — and a base score needs many, mostly convincing votes to come near 1.
 */
export function argumentBaseScore(up: number, down: number): number {
  return wilsonLowerBound(up, down);
}

/** F: the DF-QuAD aggregation of the strengths of one kind of children, 1 − ∏(1 − vᵢ); 0 with no children. */
export function aggregate(values: readonly number[]): number {
  let product = 1;
  for (const v of values) product *= 1 - v;
  return 1 - product;
}

/** C: how the aggregated attack `va` and support `vs` move base score `v0`. */
export function combine(v0: number, va: number, vs: number): number {
  if (va >= vs) return v0 - v0 * (va - vs);
  return v0 + (1 - v0) * (vs - va);
}

export interface Contribution {
  id: string;
  /** Thesis strength minus what it would be without this argument (and the replies under it). */
  delta: number;
}

export interface StrengthResult {
  thesis: number;
  /** Strength of every counted argument; hidden ones and those under them are absent. */
  strengths: Map<string, number>;
  baseScores: Map<string, number>;
  /** Filled when asked for: every counted argument's effect on the thesis, largest |delta| first. */
  contributions: Contribution[];
}

export interface StrengthOptions {
  baseScore?: (up: number, down: number) => number;
  thesisBaseScore?: number;
  /** Compute each argument's effect on the thesis (O(n · depth)); off for the bare recompute. */
  contributions?: boolean;
  /**
   * Also give hidden arguments and their replies a strength: that of their own branch, as the database keeps it
   * for a later restore. They still count for nothing above a hidden argument.
   */
  hiddenBranches?: boolean;
}

/**
 * Strength of the thesis and of every argument, bottom-up in one pass over an explicit order (no recursion,
 * so a 10,000-deep chain is as safe as a wide tree). O(n); typed arrays keep 10,000 arguments well under 50 ms.
 */
export function computeStrengths(rows: readonly StrengthInput[], options: StrengthOptions = {}): StrengthResult {
  const baseScore = options.baseScore ?? argumentBaseScore;
  const n = rows.length;
  const ROOT = n; // index of the thesis
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) index.set(rows[i]!.id, i);

  // Children lists as a CSR-like linked list: head[parent] → first child, next[child] → sibling.
  const head = new Int32Array(n + 1).fill(-1);
  const next = new Int32Array(n).fill(-1);
  const parent = new Int32Array(n).fill(-2);
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    const p = row.parentId === null ? ROOT : (index.get(row.parentId) ?? -2);
    if (p === -2) continue; // parent not in this set: the argument cannot reach the thesis
    parent[i] = p;
    next[i] = head[p]!;
    head[p] = i;
  }

  // Breadth-first from the thesis through visible arguments only: this skips hidden subtrees and also
  // anything a malformed parent cycle would make unreachable.
  const order = new Int32Array(n);
  let size = 0;
  const reach = (c: number) => options.hiddenBranches || rows[c]!.status !== "HIDDEN";
  for (let c = head[ROOT]!; c !== -1; c = next[c]!) if (reach(c)) order[size++] = c;
  for (let k = 0; k < size; k++) {
    for (let c = head[order[k]!]!; c !== -1; c = next[c]!) if (reach(c)) order[size++] = c;
  }

  const base = new Float64Array(n + 1);
  const strength = new Float64Array(n + 1);
  // Products ∏(1 − v) over supporters and over attackers, kept for the contribution pass.
  const supportProduct = new Float64Array(n + 1).fill(1);
  const attackProduct = new Float64Array(n + 1).fill(1);
  base[ROOT] = options.thesisBaseScore ?? THESIS_BASE_SCORE;
  for (let k = 0; k < size; k++) {
    const i = order[k]!;
    base[i] = baseScore(rows[i]!.upCount, rows[i]!.downCount);
  }
  // Reverse breadth-first order visits every child before its parent.
  for (let k = size - 1; k >= 0; k--) {
    const i = order[k]!;
    strength[i] = combine(base[i]!, 1 - attackProduct[i]!, 1 - supportProduct[i]!);
    if (rows[i]!.status === "HIDDEN") continue;
    const p = parent[i]!;
    if (rows[i]!.stance === "PRO") supportProduct[p]! *= 1 - strength[i]!;
    else attackProduct[p]! *= 1 - strength[i]!;
  }
  strength[ROOT] = combine(base[ROOT]!, 1 - attackProduct[ROOT]!, 1 - supportProduct[ROOT]!);

  const strengths = new Map<string, number>();
  const baseScores = new Map<string, number>();
  for (let k = 0; k < size; k++) {
    const i = order[k]!;
    strengths.set(rows[i]!.id, strength[i]!);
    baseScores.set(rows[i]!.id, base[i]!);
  }

  const contributions: Contribution[] = [];
  if (options.contributions) {
    /** ∏(1 − v) over `p`'s children of one stance, skipping `skip`: used when a factor is too close to 0 to divide out. */
    const productWithout = (p: number, pro: boolean, skip: number, replacement: number) => {
      let product = 1;
      for (let c = head[p]!; c !== -1; c = next[c]!) {
        if (rows[c]!.status === "HIDDEN" || (rows[c]!.stance === "PRO") !== pro) continue;
        product *= 1 - (c === skip ? replacement : strength[c]!);
      }
      return product;
    };
    for (let k = 0; k < size; k++) {
      // Remove argument i: its factor in the parent's product becomes 1, and the change climbs to the thesis.
      let child = order[k]!;
      let newValue = 0;
      let removed = true;
      while (true) {
        const p = parent[child]!;
        const pro = rows[child]!.stance === "PRO";
        const oldFactor = 1 - strength[child]!;
        const newFactor = removed ? 1 : 1 - newValue;
        const own = pro ? supportProduct[p]! : attackProduct[p]!;
        const updated = oldFactor > 1e-12 ? (own / oldFactor) * newFactor : productWithout(p, pro, child, removed ? 0 : newValue);
        const sup = pro ? updated : supportProduct[p]!;
        const att = pro ? attackProduct[p]! : updated;
        newValue = combine(base[p]!, 1 - att, 1 - sup);
        removed = false;
        if (p === ROOT) break;
        child = p;
      }
      contributions.push({ id: rows[order[k]!]!.id, delta: strength[ROOT]! - newValue });
    }
    contributions.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || (a.id < b.id ? -1 : 1));
  }

  return { thesis: strength[ROOT]!, strengths, baseScores, contributions };
}
