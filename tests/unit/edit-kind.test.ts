import { describe, expect, it } from "vitest";
import { classifyEdit, type MajorReason } from "@/lib/arguments/edit-kind";

const BASE =
  "Nuclear power is among the safest sources of energy per unit of electricity generated, and its waste is " +
  "small in volume and kept under watch [[q:abc123]]. Closing plants early raised emissions in Germany.";

function reason(before: string, after: string): MajorReason | "minor" {
  const kind = classifyEdit(before, after);
  return kind.minor ? "minor" : kind.reason;
}

describe("classifyEdit: minor edits keep the votes", () => {
  it.each([
    ["a misspelling", "Nuclear power is amnog the safest", "Nuclear power is among the safest"],
    ["two swapped letters", "its waste is smal in volume", "its waste is small in volume"],
    ["a doubled word", "kept under the the watch", "kept under the watch"],
    ["a missing article", "raised emissions in the Germany", "raised emissions in Germany"],
    ["a word split in two", "Germany raised alot of emissions", "Germany raised a lot of emissions"],
    ["an apostrophe in a contraction", "it dont add up", "it don't add up"],
    ["punctuation", "Closing plants early raised emissions", "Closing plants early raised emissions."],
    ["emphasis", "Nuclear power is among the safest", "Nuclear power is among the *safest*"],
    ["the spacing of a percentage", "Nuclear power (40 %) is among the safest", "Nuclear power (40%) is among the safest"],
  ])("%s", (_, from, to) => {
    expect(reason(BASE.replace("Nuclear power is among the safest", from), BASE.replace("Nuclear power is among the safest", to))).toBe("minor");
  });

  it("counts what changed", () => {
    const kind = classifyEdit(BASE, BASE.replace("safest", "safets").replace("Germany", "Germnay"));
    // A swap of two letters is one character out and one in, in each word.
    expect(kind).toEqual({ minor: true, wordsChanged: 2, charsChanged: 2 });
  });

  it("fixes a one-letter slip even in a one-line argument", () => {
    expect(reason("Taxs are too high.", "Taxes are too high.")).toBe("minor");
  });
});

describe("classifyEdit: major edits send the votes back to the voters", () => {
  const LINKED = `${BASE} See https://example.org/a`;
  it.each<[string, string, string, MajorReason]>([
    ["a changed number", BASE, BASE.replace("Germany", "Germany by 5%"), "numbers"],
    ["a changed decimal", "Emissions fell 3.4% that year.", "Emissions fell 3.5% that year.", "numbers"],
    ["a citation added", BASE, `${BASE} [[q:def456]]`, "citations"],
    ["a citation removed", BASE, BASE.replace(" [[q:abc123]]", ""), "citations"],
    ["a citation swapped", BASE, BASE.replace("abc123", "def456"), "citations"],
    ["a link changed", LINKED, LINKED.replace("/a", "/b"), "links"],
    ['"not" added', BASE, BASE.replace("is among", "is not among"), "negation"],
    ["n't added", BASE, BASE.replace("raised", "didn't raise"), "negation"],
    ['"never" removed', BASE.replace("Closing", "Never closing"), BASE, "negation"],
    ["an antonym", BASE, BASE.replace("safest", "riskiest"), "replaced-word"],
    ["a short word replaced", BASE, BASE.replace("raised", "cut"), "replaced-word"],
    ["four inserted words", BASE, BASE.replace("in Germany", "in Germany and in France too"), "too-many-words"],
    [
      "a long rewrite",
      BASE,
      "Renewables are cheaper to build than nuclear power [[q:abc123]] and take far less time to connect to the grid.",
      "too-many-words",
    ],
  ])("%s", (_, before, after, expected) => {
    expect(reason(before, after)).toBe(expected);
  });

  it("treats a moved negation as removed and added", () => {
    expect(reason("The plan is not cheap but it is safe.", "The plan is cheap but it is not safe.")).toBe("negation");
  });

  it("treats reordered citations as a change of evidence", () => {
    expect(reason("A [[q:one1]] and B [[q:two2]].", "A [[q:two2]] and B [[q:one1]].")).toBe("citations");
  });

  it("bounds the share of a short text that may change", () => {
    // One added word is a third of this argument: a different claim, whatever the word.
    expect(reason("Nuclear is safe.", "Nuclear is very safe.")).toBe("too-many-characters");
    expect(reason("Taxes are bad.", "Taxes are good.")).toBe("replaced-word");
  });
});

describe("classifyEdit: respellings", () => {
  it.each([
    ["teh", "the", true],
    ["recieve", "receive", true],
    ["their", "there", true],
    ["Nuclear", "nuclear", true],
    ["bad", "good", false],
    ["more", "less", false],
    ["safest", "riskiest", false],
    ["definately", "definitely", true],
    ["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", true],
  ])("%s → %s is a respelling: %s", (before, after, respelled) => {
    const text = (word: string) => `The first word here is ${word} and the rest of this sentence stays exactly the same for the test.`;
    const kind = classifyEdit(text(before), text(after));
    expect(kind.minor ? true : kind.reason === "replaced-word" ? false : kind.reason).toBe(respelled);
  });
});
