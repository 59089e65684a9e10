import { describe, expect, it } from "vitest";
import { wordDiff } from "@/lib/arguments/word-diff";

describe("wordDiff", () => {
  it("marks inserted and deleted words between two versions", () => {
    expect(wordDiff("The cat sat on teh mat.", "The cat sat on the red mat.")).toEqual([
      { kind: "same", text: "The cat sat on " },
      { kind: "deleted", text: "teh" },
      { kind: "inserted", text: "the red" },
      { kind: "same", text: " mat." },
    ]);
  });

  it("keeps a citation marker whole, as its quote id", () => {
    expect(wordDiff("Coal filled the gap [[q:abc1]].", "Coal filled the gap [[q:def2]].")).toEqual([
      { kind: "same", text: "Coal filled the gap " },
      { kind: "deleted", quoteId: "abc1" },
      { kind: "inserted", quoteId: "def2" },
      { kind: "same", text: "." },
    ]);
  });

  it("does not mistake the author's own words for a citation", () => {
    const pieces = wordDiff("qcite is a word qciteabcqcite", "qcite is a word qciteabcqcite [[q:abc]]");
    expect(pieces.filter((p) => "quoteId" in p)).toEqual([{ kind: "inserted", quoteId: "abc" }]);
    expect(pieces.map((p) => ("text" in p ? p.text : "")).join("")).toContain("qciteabcqcite");
  });
});
