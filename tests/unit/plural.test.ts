import { describe, expect, it } from "vitest";
import { countOf, pluralWord } from "@/lib/plural";

describe("plurals", () => {
  it("uses the singular for exactly one", () => {
    expect(countOf(1, "argument")).toBe("1 argument");
    expect(countOf(1, "reply", "replies")).toBe("1 reply");
  });

  it("uses the plural for zero, many and fractions", () => {
    expect(countOf(0, "argument")).toBe("0 arguments");
    expect(countOf(2, "reply", "replies")).toBe("2 replies");
    expect(countOf(1.5, "hour")).toBe("1.5 hours");
    expect(countOf(21, "quote")).toBe("21 quotes");
  });

  it("gives the noun alone for sentences that put words between count and noun", () => {
    expect(pluralWord(1, "source matches", "sources match")).toBe("source matches");
    expect(pluralWord(3, "source matches", "sources match")).toBe("sources match");
  });
});
