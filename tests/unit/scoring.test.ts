import { describe, expect, it } from "vitest";
import { wilsonLowerBound } from "@/lib/scoring/wilson";
import { aggregate, combine, computeStrengths, type StrengthInput } from "@/lib/scoring/dfquad";
import { disputedScore, parseSiblingSort, withSiblingSort } from "@/lib/scoring/sort";

describe("Wilson lower bound (z = 1.96)", () => {
  it("matches values computed by hand from the closed form", () => {
    // n = 0: no evidence, no score.
    expect(wilsonLowerBound(0, 0)).toBe(0);
    // 1 up: (1 + 1.9208 − 1.96·√(0 + 0.9604)) / (1 + 3.8416) = (2.9208 − 1.920800) / 4.8416 = 0.20654
    expect(wilsonLowerBound(1, 0)).toBeCloseTo(0.20654, 5);
    // 5 up 5 down: p = .5, (0.5 + 0.19208 − 1.96·√((0.25 + 0.09604)/10)) / 1.38416 = 0.23659
    expect(wilsonLowerBound(5, 5)).toBeCloseTo(0.23659, 4);
    // 10 up 0 down: (1 + 0.19208 − 1.96·√(0.09604/10)) / 1.38416 = 0.72246
    expect(wilsonLowerBound(10, 0)).toBeCloseTo(0.72246, 4);
    // 80 up 20 down → 0.71112 (the usual textbook figure for 80% of 100)
    expect(wilsonLowerBound(80, 20)).toBeCloseTo(0.71112, 4);
    // 0 up 10 down: the lower bound is 0.
    expect(wilsonLowerBound(0, 10)).toBeCloseTo(0, 10);
  });

  it("ranks a reliable majority above a single early vote", () => {
    expect(wilsonLowerBound(40, 5)).toBeGreaterThan(wilsonLowerBound(1, 0));
    expect(wilsonLowerBound(100, 1)).toBeGreaterThan(wilsonLowerBound(10, 0));
    expect(wilsonLowerBound(3, 1)).toBeLessThan(wilsonLowerBound(30, 10));
  });
});

describe("sibling orders", () => {
  it("disputed: many votes with a balanced split score highest", () => {
    expect(disputedScore(20, 20)).toBe(40);
    expect(disputedScore(40, 5)).toBeCloseTo(45 ** (1 / 8), 10);
    expect(disputedScore(1, 0)).toBe(1);
    expect(disputedScore(0, 0)).toBe(0);
  });
  it("falls back to best for unknown sort values", () => {
    expect(parseSiblingSort("newest")).toBe("newest");
    expect(parseSiblingSort("DROP TABLE")).toBe("best");
    expect(parseSiblingSort(undefined)).toBe("best");
  });
  it("links keep a chosen order in the query string; best, the default, keeps the bare URL", () => {
    expect(withSiblingSort("/t/bikes/a/abc", "best")).toBe("/t/bikes/a/abc");
    expect(withSiblingSort("/t/bikes/a/abc", "newest")).toBe("/t/bikes/a/abc?sort=newest");
    expect(withSiblingSort("/t/bikes", "disputed")).toBe("/t/bikes?sort=disputed");
    for (const sort of ["best", "newest", "disputed"] as const) {
      expect(parseSiblingSort(new URL(withSiblingSort("/t/x", sort), "http://agora.test").searchParams.get("sort") ?? undefined)).toBe(sort);
    }
  });
});

describe("DF-QuAD", () => {
  it("aggregation and combination follow Rago et al. 2016", () => {
    expect(aggregate([])).toBe(0);
    expect(aggregate([0.5])).toBe(0.5);
    // 1 − (1 − .5)(1 − .4) = 1 − .3 = .7
    expect(aggregate([0.5, 0.4])).toBeCloseTo(0.7, 12);
    // Balanced attack and support leave the base score as it is (the paper's "balance" property).
    expect(combine(0.3, 0.6, 0.6)).toBe(0.3);
    // Attack wins: v0 − v0·(va − vs) = .5 − .5·.4 = .3
    expect(combine(0.5, 0.7, 0.3)).toBeCloseTo(0.3, 12);
    // Support wins: v0 + (1 − v0)(vs − va) = .5 + .5·.4 = .7
    expect(combine(0.5, 0.3, 0.7)).toBeCloseTo(0.7, 12);
    // Full attack with no support annihilates; full support with no attack confirms.
    expect(combine(0.8, 1, 0)).toBe(0);
    expect(combine(0.2, 0, 1)).toBe(1);
  });

  it("reproduces a hand-computed three-level example (docs/thesis-strength.md)", () => {
    // Base scores are given directly (fixed-score function keyed by up count) so the arithmetic is readable.
    const fixed: Record<number, number> = { 1: 0.6, 2: 0.5, 3: 0.4, 4: 0.8, 5: 0.3, 6: 0.9 };
    const rows: StrengthInput[] = [
      { id: "P1", parentId: null, stance: "PRO", upCount: 1, downCount: 0 }, // base .6
      { id: "P2", parentId: null, stance: "PRO", upCount: 3, downCount: 0 }, // base .4
      { id: "C1", parentId: null, stance: "CON", upCount: 2, downCount: 0 }, // base .5
      { id: "R1", parentId: "P1", stance: "CON", upCount: 4, downCount: 0 }, // base .8, attacks P1
      { id: "S1", parentId: "R1", stance: "CON", upCount: 5, downCount: 0 }, // base .3, attacks R1
      { id: "S2", parentId: "C1", stance: "PRO", upCount: 6, downCount: 0 }, // base .9, supports C1
    ];
    const result = computeStrengths(rows, { baseScore: (up) => fixed[up]!, contributions: true });
    // Leaves keep their base: S1 = .3, S2 = .9, P2 = .4.
    expect(result.strengths.get("S1")).toBeCloseTo(0.3, 12);
    expect(result.strengths.get("S2")).toBeCloseTo(0.9, 12);
    // R1: va = .3, vs = 0 → .8 − .8·.3 = .56
    expect(result.strengths.get("R1")).toBeCloseTo(0.56, 12);
    // P1: va = .56, vs = 0 → .6 − .6·.56 = .264
    expect(result.strengths.get("P1")).toBeCloseTo(0.264, 12);
    // C1: va = 0, vs = .9 → .5 + .5·.9 = .95
    expect(result.strengths.get("C1")).toBeCloseTo(0.95, 12);
    // Thesis: vs = 1 − (1 − .264)(1 − .4) = 1 − .736·.6 = .5584; va = .95
    // va > vs → .5 − .5·(.95 − .5584) = .5 − .5·.3916 = .3042
    expect(result.thesis).toBeCloseTo(0.3042, 12);

    // Without C1 (and S2 under it): va = 0 → .5 + .5·.5584 = .7792, so C1 moved the thesis by −.475.
    const delta = (id: string) => result.contributions.find((c) => c.id === id)!.delta;
    expect(delta("C1")).toBeCloseTo(0.3042 - 0.7792, 12);
    // Without S2: C1 = .5, va = .5 → .5 − .5·(.5 − .5584) = .5 + .0292 = .5292 → S2's effect is −.225.
    expect(delta("S2")).toBeCloseTo(0.3042 - 0.5292, 12);
    // Without P2: vs = .264 → .5 − .5·(.95 − .264) = .157 → P2 raised the thesis by .1472.
    expect(delta("P2")).toBeCloseTo(0.3042 - 0.157, 12);
    // Without S1: R1 = .8, P1 = .6 − .6·.8 = .12, vs = 1 − .88·.6 = .472 → .5 − .5·(.95 − .472) = .261.
    expect(delta("S1")).toBeCloseTo(0.3042 - 0.261, 12);
    // Largest effect first.
    expect(result.contributions[0]!.id).toBe("C1");
  });

  it("reproduces the structure of the paper's QuAD example: equal pros and cons cancel, a stronger side wins", () => {
    // Rago et al. motivate DF-QuAD with a debate where QuAD jumps discontinuously as an attacker's strength
    // passes a supporter's; DF-QuAD moves continuously through the balance point.
    const strengthWith = (attack: number) =>
      computeStrengths(
        [
          { id: "pro", parentId: null, stance: "PRO", upCount: 50, downCount: 0 },
          { id: "con", parentId: null, stance: "CON", upCount: attack, downCount: 0 },
        ],
        { baseScore: (up) => up / 100 },
      ).thesis;
    expect(strengthWith(50)).toBeCloseTo(0.5, 12);
    expect(strengthWith(49)).toBeCloseTo(0.5 + 0.5 * 0.01, 12);
    expect(strengthWith(51)).toBeCloseTo(0.5 - 0.5 * 0.01, 12);
  });

  it("leaves hidden arguments and their replies out", () => {
    const rows: StrengthInput[] = [
      { id: "p", parentId: null, stance: "PRO", upCount: 10, downCount: 0, status: "HIDDEN" },
      { id: "q", parentId: "p", stance: "PRO", upCount: 10, downCount: 0 },
      { id: "c", parentId: null, stance: "CON", upCount: 10, downCount: 0 },
    ];
    const result = computeStrengths(rows);
    expect(result.strengths.has("p")).toBe(false);
    expect(result.strengths.has("q")).toBe(false);
    const c = wilsonLowerBound(10, 0);
    expect(result.thesis).toBeCloseTo(0.5 - 0.5 * c, 12);
  });

  it("uses Wilson base scores by default: unvoted arguments move nothing", () => {
    const rows: StrengthInput[] = Array.from({ length: 50 }, (_, i) => ({
      id: `p${i}`,
      parentId: null,
      stance: "PRO" as const,
      upCount: 0,
      downCount: 0,
    }));
    expect(computeStrengths(rows).thesis).toBe(0.5);
  });

  it("handles a 20,000-deep chain without recursion and a 10,000-argument tree quickly", () => {
    const chain: StrengthInput[] = Array.from({ length: 20_000 }, (_, i) => ({
      id: `n${i}`,
      parentId: i === 0 ? null : `n${i - 1}`,
      stance: "CON" as const,
      upCount: 3,
      downCount: 1,
    }));
    const deep = computeStrengths(chain);
    expect(deep.strengths.size).toBe(20_000);
    expect(deep.thesis).toBeGreaterThanOrEqual(0);
    expect(deep.thesis).toBeLessThanOrEqual(1);

    const wide: StrengthInput[] = Array.from({ length: 10_000 }, (_, i) => ({
      id: `w${i}`,
      // A pseudo-random parent among the earlier arguments (Knuth's multiplicative hash): a bushy, deep tree.
      parentId: i < 20 ? null : `w${Math.floor((((i * 2654435761) % 4294967296) / 4294967296) * i)}`,
      stance: i % 3 === 0 ? ("CON" as const) : ("PRO" as const),
      upCount: i % 17,
      downCount: i % 5,
    }));
    const result = computeStrengths(wide);
    expect(result.strengths.size).toBe(10_000);
    for (const value of result.strengths.values()) expect(value).toBeGreaterThanOrEqual(0);
  });
});
