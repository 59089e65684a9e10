import { describe, expect, it } from "vitest";
import { markerOccurrences, openingWords, removeMarkerOccurrence } from "@/lib/citations/draft-markers";

describe("draft citation markers", () => {
  const draft = "Coal filled the gap [[q:abc1]], as the grid data show [[q:def2]] and [[q:abc1]].";

  it("lists every marker in order, repeats included", () => {
    expect(markerOccurrences(draft).map((m) => m.quoteId)).toEqual(["abc1", "def2", "abc1"]);
  });

  it("removes one occurrence with the space the cite picker put before it", () => {
    expect(removeMarkerOccurrence(draft, 1)).toBe("Coal filled the gap [[q:abc1]], as the grid data show and [[q:abc1]].");
    expect(removeMarkerOccurrence(draft, 2)).toBe("Coal filled the gap [[q:abc1]], as the grid data show [[q:def2]] and.");
    expect(removeMarkerOccurrence("[[q:abc1]] opens it", 0)).toBe(" opens it");
    expect(removeMarkerOccurrence(draft, 7)).toBe(draft);
  });

  it("shortens a quote to its opening words", () => {
    expect(openingWords("  one two\nthree  ")).toBe("one two three");
    expect(openingWords("a b c d e f g h i j", 8)).toBe("a b c d e f g h…");
  });
});
