import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { anchorQuote, normalizeWithMap, prepareText, QUOTE_MAX_LENGTH } from "@/lib/anchoring";

const fixture = readFileSync(path.join(__dirname, "../fixtures/anchoring/typography.txt"), "utf8");

/** Straightens quotes and dashes and reflows whitespace: what a quote pasted from another rendering looks like. */
function plainTypography(text: string): string {
  return text
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s*[—–]\s*/g, " - ")
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/\s+/g, " ");
}

describe("normalizeWithMap", () => {
  it("maps every normalised character back to its original span", () => {
    const text = "A\u00a0“quote” —\n  and ‘more’ ﬁne";
    const { text: norm, starts, ends } = normalizeWithMap(text);
    expect(norm).toBe(`A "quote"-and 'more' fine`);
    for (let i = 0; i < norm.length; i++) {
      expect(starts[i]).toBeLessThan(ends[i]!);
      expect(ends[i]).toBeLessThanOrEqual(text.length);
    }
    // The ligature ﬁ becomes two characters that both point at the one original character.
    const fi = norm.indexOf("fi");
    expect(text.slice(starts[fi]!, ends[fi + 1]!)).toBe("ﬁ");
  });
});

describe("normalizeWithMap folds typography and nothing else", () => {
  it("drops invisible characters, even inside a run of plain letters, keeping original offsets", () => {
    const text = "Ukrai\u00adnian and Ukrai\u200bnian, a\u2060b\ufeff";
    const { text: norm, starts, ends } = normalizeWithMap(text);
    expect(norm).toBe("Ukrainian and Ukrainian, ab");
    // The "n" after the soft hyphen points at itself, not at the soft hyphen.
    expect(text.slice(starts[5]!, ends[5]!)).toBe("n");
    expect(starts[5]).toBe(6);
  });

  it("composes a decomposed accent with its base, the pair spanning both original characters", () => {
    const text = "Buendi\u0301a";
    const { text: norm, starts, ends } = normalizeWithMap(text);
    expect(norm).toBe("Buendía");
    expect(normalizeWithMap("Buendía").text).toBe(norm);
    expect([starts[5], ends[5]]).toEqual([5, 7]);
    expect([starts[6], ends[6]]).toEqual([7, 8]);
  });

  it("keeps superscripts, subscripts, fractions and circled numbers as they are", () => {
    for (const kept of ["10²", "2015¹", "CO₂", "1¼", "①", "Ⅻ", "㎞", "™"]) expect(normalizeWithMap(kept).text).toBe(kept);
  });

  it("folds ligatures, full-width forms and the ellipsis", () => {
    expect(normalizeWithMap("ﬁne ﬂow ＡＢＣ１２３ ＂ｑ＂ wait…").text).toBe('fine flow ABC123 "q" wait...');
  });
});

describe("anchorQuote: the misquotes issue 10 reports", () => {
  const refusedForCut = (source: string, quote: string, whole: string) => {
    const result = anchorQuote(source, quote);
    expect(result.status, quote).toBe("not_found");
    if (result.status !== "not_found") return;
    expect(result.reason).toBe("cuts_word");
    expect(result.suggestion?.exact).toBe(whole);
  };

  it("refuses a quote that starts or ends inside a word, offering the whole words", () => {
    refusedForCut("it is improbable that Trump will accede", "probable that Trump will accede", "improbable that Trump will accede");
    refusedForCut("negotiations are unlikely to end", "likely to end", "unlikely to end");
    refusedForCut("Putin can’t", "Putin can", "Putin can’t");
    refusedForCut("Putin can’t", "Putin can'", "Putin can’t");
    refusedForCut("a neutral, non-nuclear status", "nuclear status", "non-nuclear status");
    refusedForCut("covered 10² km", "covered 10", "covered 10²");
    refusedForCut("some 600,000 personnel", "000 personnel", "600,000 personnel");
  });

  it("accepts whole words, with or without the punctuation at the edges", () => {
    for (const [source, quote, exact] of [
      ["“Putin can’t,” she said.", "Putin can't", "Putin can’t"],
      ["“Putin can’t,” she said.", "“Putin can’t,”", "“Putin can’t,”"],
      ["capitulation—not compromise", "not compromise", "not compromise"],
      ["the ‘Trump plan’ is", "Trump plan", "Trump plan"],
      ["in 2015, and again", "in 2015,", "in 2015,"],
    ] as const) {
      const result = anchorQuote(source, quote);
      expect(result.status === "found" && result.selector.exact, quote).toBe(exact);
    }
  });

  it("refuses NFKC folds that change a number", () => {
    expect(anchorQuote("They covered 10² km.", "covered 102 km").status).toBe("not_found");
    expect(anchorQuote("It began in 2015¹ and", "in 20151 and").status).toBe("not_found");
    expect(anchorQuote("It took 1¼ hours", "took 11⁄4 hours").status).toBe("not_found");
    expect(anchorQuote("It took 1¼ hours", "took 1 hours").status).toBe("not_found");
  });

  it("matches across invisible characters on either side and across accent forms", () => {
    const source = "the Ukrai\u00adnian army met Buendi\u0301a";
    const result = anchorQuote(source, "Ukrainian army met Buendía");
    expect(result.status).toBe("found");
    if (result.status === "found") expect(result.selector).toMatchObject({ start: 4, end: source.length });
    const typed = anchorQuote("the Ukrainian army", "Ukrai\u200bnian\u200d army");
    expect(typed.status === "found" && typed.selector.exact).toBe("Ukrainian army");
  });

  it("does not let a hint sharing a letter or two pick an occurrence", () => {
    const source = "We voted. The motion passed. Then we ate. The motion passed. Then we left.";
    expect(anchorQuote(source, "The motion passed.", { prefix: "xx d." }).status).toBe("ambiguous");
    const decided = anchorQuote(source, "The motion passed.", { prefix: "Then we ate." });
    expect(decided.status === "found" && decided.selector.start).toBe(source.lastIndexOf("The motion"));
  });
});

describe("anchorQuote on the project's fixture", () => {
  it("accepts typographic variants and stores the exact original span", () => {
    const original = "“We have waited long enough,” she said, “and the roof will not fix itself.”";
    const typed = plainTypography(original);
    expect(typed).not.toBe(original);
    const result = anchorQuote(fixture, typed);
    expect(result.status).toBe("found");
    if (result.status !== "found") return;
    const start = fixture.indexOf(original);
    expect(result.selector.start).toBe(start);
    expect(result.selector.end).toBe(start + original.length);
    expect(result.selector.exact).toBe(original);
    expect(fixture.slice(result.selector.start, result.selector.end)).toBe(original);
    expect(result.selector.prefix).toBe(fixture.slice(start - 32, start));
    expect(result.selector.suffix).toBe(fixture.slice(start + original.length, start + original.length + 32));
  });

  it("matches across line breaks, runs of spaces, no-break spaces and spaced dashes", () => {
    const across = "whether the work would close the reading room";
    expect(anchorQuote(fixture, across).status).toBe("found");
    const nbsp = "opened the meeting at 7 p.m.";
    const result = anchorQuote(fixture, nbsp);
    expect(result.status).toBe("found");
    if (result.status === "found") expect(result.selector.exact).toBe("opened the meeting at 7\u00a0p.m.");
    const dashed = anchorQuote(fixture, "The budget--some 1.2 million euros--was approved".replace(/--/g, "—"));
    expect(dashed.status).toBe("found");
    if (dashed.status === "found") expect(dashed.selector.exact).toBe("The budget — some 1.2\u202fmillion euros — was approved");
  });

  it("refuses one changed word, offering the real passage", () => {
    const result = anchorQuote(fixture, "Members asked whether the work would close the reading room for the whole summer");
    expect(result.status).toBe("not_found");
    if (result.status !== "not_found") return;
    expect(result.suggestion?.exact).toContain("reading room for the whole");
    expect(result.suggestion?.exact).toContain("winter");
  });

  it("refuses a dropped word", () => {
    expect(anchorQuote(fixture, "the architect answered that it would not").status).toBe("found");
    const result = anchorQuote(fixture, "the architect answered it would not");
    expect(result.status).toBe("not_found");
  });

  it("refuses two sentences spliced together", () => {
    const result = anchorQuote(
      fixture,
      "The council’s chair opened the meeting at 7 p.m. Residents were invited to comment until 30 June.",
    );
    expect(result.status).toBe("not_found");
  });

  it("reports every occurrence of a repeated passage, and picks one by context or by the user's choice", () => {
    const starts = [...fixture.matchAll(/The motion passed\./g)].map((m) => m.index);
    expect(starts).toHaveLength(3);
    const ambiguous = anchorQuote(fixture, "The motion passed.");
    expect(ambiguous.status).toBe("ambiguous");
    if (ambiguous.status !== "ambiguous") return;
    expect(ambiguous.candidates.map((c) => c.start)).toEqual(starts);

    const bySuffix = anchorQuote(fixture, "The motion passed.", { suffix: " A second vote" });
    expect(bySuffix.status === "found" && bySuffix.selector.start).toBe(starts[1]);
    const byPrefix = anchorQuote(fixture, "The motion passed.", { prefix: "“there would be no library to renovate.”\n" });
    expect(byPrefix.status === "found" && byPrefix.selector.start).toBe(starts[2]);
    const byChoice = anchorQuote(fixture, "The motion passed.", { start: starts[0] });
    expect(byChoice.status === "found" && byChoice.selector.start).toBe(starts[0]);
    // A context that fits no occurrence better than another does not decide.
    expect(anchorQuote(fixture, "The motion passed.", { suffix: "zzz" }).status).toBe("ambiguous");
  });

  it("refuses empty and over-long quotes", () => {
    expect(anchorQuote(fixture, "").status).toBe("invalid");
    expect(anchorQuote(fixture, "  \n ").status).toBe("invalid");
    const tooLong = "word ".repeat(QUOTE_MAX_LENGTH).slice(0, QUOTE_MAX_LENGTH + 1) + "x";
    const long = anchorQuote(tooLong.repeat(2), tooLong);
    expect(long.status).toBe("invalid");
    if (long.status === "invalid") expect(long.reason).toMatch(/at most 1,000 characters/);
  });

  it("offers no suggestion for a passage that is nowhere near the text", () => {
    const result = anchorQuote(fixture, "Quantum chromodynamics explains the strong interaction between quarks.");
    expect(result).toEqual({ status: "not_found", reason: "not_in_text", suggestion: null });
  });
});

const corpusDir = path.resolve(__dirname, "../../../shared/corpus");
const corpusFiles = (() => {
  try {
    return ["putin-cannot-accept-statehood-deal.txt", "putins-terms-for-peace.txt", "negotiations-of-attrition.txt"].map((name) => ({
      name,
      text: readFileSync(path.join(corpusDir, name), "utf8"),
    }));
  } catch {
    return null;
  }
})();
if (!corpusFiles) console.warn(`Skipping the corpus anchoring tests: ${corpusDir} is absent (it lives outside the repository).`);

/** Sentences of a corpus text long enough to be distinctive (≥ 8 words), as they stand in the original. */
function sentences(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((paragraph) => paragraph.split(/(?<=[.!?])\s+(?=[A-Z“"‘])/))
    .map((s) => s.trim())
    .filter((s) => s.split(/\s+/).length >= 8 && s.length <= QUOTE_MAX_LENGTH);
}

describe.skipIf(!corpusFiles)("anchorQuote on the ../shared/corpus articles", () => {
  for (const { name, text } of corpusFiles ?? []) {
    describe(name, () => {
      const prepared = prepareText(text);
      const all = sentences(text);
      const unique = all.filter((s) => text.indexOf(s) === text.lastIndexOf(s));

      it("finds every sentence, typed with plain typography, at its exact original offsets", () => {
        expect(unique.length).toBeGreaterThan(10);
        for (const sentence of unique) {
          const result = anchorQuote(prepared, plainTypography(sentence));
          expect(result.status, sentence).toBe("found");
          if (result.status !== "found") continue;
          expect(result.selector.start).toBe(text.indexOf(sentence));
          expect(result.selector.exact).toBe(sentence);
        }
      });

      it("refuses each sentence with one word changed, and suggests the real one", () => {
        for (const sentence of unique) {
          const words = sentence.split(" ");
          const at = Math.floor(words.length / 2);
          words[at] = words[at] === "banana" ? "apple" : "banana";
          const result = anchorQuote(prepared, words.join(" "));
          expect(result.status, sentence).toBe("not_found");
          if (result.status === "not_found") {
            expect(result.suggestion, sentence).not.toBeNull();
            // The suggestion overlaps the real sentence.
            const start = text.indexOf(sentence);
            expect(result.suggestion!.start).toBeLessThan(start + sentence.length);
            expect(result.suggestion!.end).toBeGreaterThan(start);
          }
        }
      });

      it("refuses each sentence with a word dropped", () => {
        for (const sentence of unique) {
          const words = sentence.split(" ");
          words.splice(Math.floor(words.length / 2), 1);
          expect(anchorQuote(prepared, words.join(" ")).status, sentence).toBe("not_found");
        }
      });

      it("refuses sentences spliced together from different places", () => {
        for (let i = 0; i + 2 < unique.length; i++) {
          const spliced = `${unique[i]} ${unique[i + 2]}`;
          expect(anchorQuote(prepared, spliced).status, spliced).not.toBe("found");
        }
      });
    });
  }
});
