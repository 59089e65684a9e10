/**
 * Quote anchoring against real articles, with generated cases: misquotes a hostile reader could try (cut words,
 * cut contractions and negations, meaning-changing Unicode folds, changed/dropped/inserted words) must all be
 * refused; typographic variants of true quotes must all be accepted at their exact original offsets; hints
 * must choose among repeated passages only on real evidence. The generator is seeded: every run tries the same
 * cases, and a failure names the case.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { anchorQuote, CONTEXT_LENGTH, MIN_HINT_EVIDENCE, prepareText, type AnchorResult, type PreparedText } from "@/lib/anchoring";
import { seededRandom, type Random } from "@/lib/seeded-random";

const SEED = 0x5eed_2026;

interface Excerpt {
  name: string;
  text: string;
}

/** The fixtures are attributed excerpts: a header (title, publisher, what was kept), "---", then the text. */
function loadExcerpt(name: string): Excerpt {
  const raw = readFileSync(path.join(__dirname, "../fixtures/anchoring/corpus", name), "utf8");
  const split = raw.indexOf("\n---\n");
  if (split < 0 || !raw.startsWith("Title: ")) throw new Error(`${name}: missing attribution header`);
  return { name, text: raw.slice(split + 5) };
}

const excerpts = ["putin-cannot-accept-statehood-deal.txt", "putins-terms-for-peace.txt", "negotiations-of-attrition.txt"].map(loadExcerpt);

/**
 * Typography folded by hand, independently of the library: used only to make sure a generated misquote is
 * not, after all, somewhere in the text, and that a generated passage occurs once.
 */
function crudeFold(s: string): string {
  return s
    .normalize("NFC")
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, "")
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s*[—–-]\s*/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

interface Token {
  /** Offsets of the whitespace-delimited token. */
  start: number;
  end: number;
  /** The token without opening and closing punctuation: where a whole-word quote may start and end. */
  wordStart: number;
  wordEnd: number;
}

const LEADING_PUNCTUATION = /^[“‘"'(\[]+/;
const TRAILING_PUNCTUATION = /[.,;:!?”’"')\]]+$/;

function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    const raw = m[0];
    const lead = raw.match(LEADING_PUNCTUATION)?.[0].length ?? 0;
    const trail = raw.slice(lead).match(TRAILING_PUNCTUATION)?.[0].length ?? 0;
    const core = raw.slice(lead, raw.length - trail);
    // Only tokens that begin and end with a letter or digit can bound a passage ("—" alone cannot).
    if (!/^[\p{L}\p{N}]/u.test(core) || !/[\p{L}\p{N}]$/u.test(core)) continue;
    tokens.push({ start: m.index, end: m.index + raw.length, wordStart: m.index + lead, wordEnd: m.index + raw.length - trail });
  }
  return tokens;
}

/** A passage of whole words, `count` tokens long, occurring once in the text (typography aside). */
function uniquePassage(rng: Random, text: string, tokens: Token[], minCount: number, maxCount: number): { start: number; end: number } | null {
  const count = rng.int(minCount, maxCount);
  if (tokens.length < count) return null;
  const first = rng.int(0, tokens.length - count);
  const start = tokens[first]!.wordStart;
  const end = tokens[first + count - 1]!.wordEnd;
  const passage = text.slice(start, end);
  // Stay within one paragraph: a quote spanning a paragraph break is legal, but keeps cases readable.
  if (passage.includes("\n\n")) return null;
  const folded = crudeFold(text);
  const needle = crudeFold(passage);
  return folded.indexOf(needle) === folded.lastIndexOf(needle) ? { start, end } : null;
}

/** True when `quote`, typography aside, is nowhere in `text`: a generated misquote really is one. */
function absent(text: string, quote: string): boolean {
  return !crudeFold(text).includes(crudeFold(quote));
}

function describeResult(result: AnchorResult): string {
  if (result.status === "found") return `found ${JSON.stringify(result.selector.exact)} at ${result.selector.start}`;
  if (result.status === "not_found") return `not_found/${result.reason} (suggestion ${JSON.stringify(result.suggestion?.exact ?? null)})`;
  if (result.status === "ambiguous") return `ambiguous (${result.candidates.length})`;
  return `invalid: ${result.reason}`;
}

// ── Misquotes ───────────────────────────────────────────────────────────────────────────────────────────────

interface Misquote {
  kind: string;
  source: string;
  quote: string;
  /** The reason the refusal must give. */
  reason: "cuts_word" | "not_in_text";
  /** For a cut word: the whole-word passage the suggestion must be. */
  wholeWords?: { start: number; end: number };
}

type MisquoteGenerator = (rng: Random, text: string, tokens: Token[]) => Misquote | null;

/**
 * Words of the excerpts that are negations of another word, and the negating prefix: quoting the rest
 * ("likely" of "unlikely") says the opposite of the source.
 */
const NEGATED = /^(?:(un)(?=thinkable|surprising|resolved|likely|cooperative|able)|(non-)(?=nuclear|negotiable)|(in)(?=sufficient|stability|definite|evitab)|(dis)(?=content))/;

/** A quote starting `cut` characters into its first word. */
const cutStart: MisquoteGenerator = (rng, text, tokens) => {
  const p = uniquePassage(rng, text, tokens, 3, 9);
  if (!p) return null;
  const firstWord = text.slice(p.start).match(/^[\p{L}\p{N}]+/u)![0];
  if (firstWord.length < 2) return null;
  const quote = text.slice(p.start + rng.int(1, firstWord.length - 1), p.end);
  return text.indexOf(quote) === text.lastIndexOf(quote) ? { kind: "cut at the start of a word", source: text, quote, reason: "cuts_word", wholeWords: p } : null;
};

/** A quote ending `cut` characters before the end of its last word. */
const cutEnd: MisquoteGenerator = (rng, text, tokens) => {
  const p = uniquePassage(rng, text, tokens, 3, 9);
  if (!p) return null;
  const lastWord = text.slice(0, p.end).match(/[\p{L}\p{N}]+$/u)![0];
  if (lastWord.length < 2) return null;
  const quote = text.slice(p.start, p.end - rng.int(1, lastWord.length - 1));
  return text.indexOf(quote) === text.lastIndexOf(quote) ? { kind: "cut at the end of a word", source: text, quote, reason: "cuts_word", wholeWords: p } : null;
};

/** "Putin can" from "Putin can’t", "s demands" from "Putin’s demands": the apostrophe is inside the word. */
const cutContraction: MisquoteGenerator = (rng, text, tokens) => {
  const withApostrophe = tokens.filter((t) => /[\p{L}][’'][\p{L}]/u.test(text.slice(t.wordStart, t.wordEnd)));
  const token = rng.pick(withApostrophe);
  const index = tokens.indexOf(token);
  const word = text.slice(token.wordStart, token.wordEnd);
  const apostrophe = token.wordStart + word.search(/[’']/);
  const atEnd = rng.chance(0.5);
  let start: number;
  let end: number;
  let quote: string;
  if (atEnd) {
    start = tokens[Math.max(0, index - rng.int(2, 6))]!.wordStart;
    end = token.wordEnd;
    // Stop just before the apostrophe ("isn"), or just after it ("isn’").
    quote = text.slice(start, apostrophe + (rng.chance(0.5) ? 1 : 0));
  } else {
    start = token.wordStart;
    end = tokens[Math.min(tokens.length - 1, index + rng.int(2, 6))]!.wordEnd;
    quote = text.slice(apostrophe + (rng.chance(0.5) ? 1 : 0), end);
  }
  if (text.slice(start, end).includes("\n\n") || text.indexOf(quote) !== text.lastIndexOf(quote)) return null;
  return { kind: "contraction or possessive cut", source: text, quote, reason: "cuts_word", wholeWords: { start, end } };
};

/** The negation dropped at an edge: "likely to end" from "unlikely to end", "nuclear status" from "non-nuclear". */
const dropNegation: MisquoteGenerator = (rng, text, tokens) => {
  const negated = tokens.filter((t) => NEGATED.test(text.slice(t.wordStart, t.wordEnd)));
  const contracted = tokens.filter((t) => /n[’']t$/.test(text.slice(t.wordStart, t.wordEnd)));
  if (contracted.length > 0 && rng.chance(0.25)) {
    // "this isn’t just" quoted as "this is": the "n’t" dropped at the end.
    const token = rng.pick(contracted);
    const index = tokens.indexOf(token);
    const start = tokens[Math.max(0, index - rng.int(1, 5))]!.wordStart;
    const quote = text.slice(start, token.wordEnd - 3);
    if (text.indexOf(quote) !== text.lastIndexOf(quote)) return null;
    return { kind: "negation dropped", source: text, quote, reason: "cuts_word", wholeWords: { start, end: token.wordEnd } };
  }
  const token = rng.pick(negated);
  const index = tokens.indexOf(token);
  const prefix = text.slice(token.wordStart, token.wordEnd).match(NEGATED)![0];
  const end = tokens[Math.min(tokens.length - 1, index + rng.int(1, 6))]!.wordEnd;
  const quote = text.slice(token.wordStart + prefix.length, end);
  if (text.slice(token.wordStart, end).includes("\n\n") || text.indexOf(quote) !== text.lastIndexOf(quote)) return null;
  return { kind: "negation dropped", source: text, quote, reason: "cuts_word", wholeWords: { start: token.wordStart, end } };
};

/**
 * Compatibility characters in the source and what Unicode NFKC folds them to: every pair differs in meaning
 * (10² is not 102, 1¼ is not 11⁄4), so neither may stand for the other.
 */
const MEANINGFUL_FORMS: [string, string][] = [
  ["²", "2"],
  ["³", "3"],
  ["¹", "1"],
  ["⁴", "4"],
  ["₂", "2"],
  ["₃", "3"],
  ["¼", "1⁄4"],
  ["½", "1⁄2"],
  ["¾", "3⁄4"],
  ["⅓", "1⁄3"],
  ["①", "1"],
  ["⑫", "12"],
  ["Ⅻ", "XII"],
  ["㎞", "km"],
  ["ⁿ", "n"],
  ["™", "TM"],
];

/** Superscripts, subscripts and fractions: written against a number, they are part of it. */
const ATTACHED_FORMS = ["²", "³", "¹", "⁴", "₂", "₃", "¼", "½", "¾", "⅓"];

/**
 * A number form glued to a word of the passage in the source ("losses²"), the quote giving its NFKC fold
 * ("losses2") — or the other way round; or the quote stopping right before the number form ("10" of "10²").
 */
const meaningfulFold: MisquoteGenerator = (rng, text, tokens) => {
  const p = uniquePassage(rng, text, tokens, 3, 8);
  if (!p) return null;
  const [special, folded] = rng.pick(MEANINGFUL_FORMS);
  const inPassage = tokens.filter((t) => t.wordEnd > p.start && t.wordEnd <= p.end);
  const at = rng.pick(inPassage).wordEnd;
  const mode = rng.int(0, 2);
  if (mode === 2) {
    // Source "… 10² …" at the passage's end; the quote leaves the superscript, subscript or fraction out.
    const attached = rng.pick(ATTACHED_FORMS);
    const source = text.slice(0, p.end) + attached + text.slice(p.end);
    const quote = text.slice(p.start, p.end);
    return { kind: "number form left out at the edge", source, quote, reason: "cuts_word", wholeWords: { start: p.start, end: p.end + attached.length } };
  }
  const [inSource, inQuote] = mode === 0 ? [special, folded] : [folded, special];
  const source = text.slice(0, at) + inSource + text.slice(at);
  const quote = text.slice(p.start, at) + inQuote + text.slice(at, p.end);
  return absent(source, quote) ? { kind: "meaning-changing fold", source, quote, reason: "not_in_text" } : null;
};

function middleTokenIndex(rng: Random, tokens: Token[], p: { start: number; end: number }): number[] {
  const inside: number[] = [];
  tokens.forEach((t, i) => {
    if (t.start > p.start && t.end < p.end) inside.push(i);
  });
  return inside.length > 0 ? [rng.pick(inside)] : [];
}

const changeWord: MisquoteGenerator = (rng, text, tokens) => {
  const p = uniquePassage(rng, text, tokens, 4, 12);
  if (!p) return null;
  const [i] = middleTokenIndex(rng, tokens, p);
  if (i === undefined) return null;
  const replaced = tokens[i]!;
  const other = rng.pick(tokens);
  const word = text.slice(other.wordStart, other.wordEnd);
  if (word.toLowerCase() === text.slice(replaced.wordStart, replaced.wordEnd).toLowerCase()) return null;
  const quote = text.slice(p.start, replaced.wordStart) + word + text.slice(replaced.wordEnd, p.end);
  return absent(text, quote) ? { kind: "word changed", source: text, quote, reason: "not_in_text" } : null;
};

const dropWord: MisquoteGenerator = (rng, text, tokens) => {
  const p = uniquePassage(rng, text, tokens, 4, 12);
  if (!p) return null;
  const [i] = middleTokenIndex(rng, tokens, p);
  if (i === undefined) return null;
  const quote = text.slice(p.start, tokens[i]!.start) + text.slice(tokens[i + 1]!.start, p.end);
  return absent(text, quote) ? { kind: "word dropped", source: text, quote, reason: "not_in_text" } : null;
};

const insertWord: MisquoteGenerator = (rng, text, tokens) => {
  const p = uniquePassage(rng, text, tokens, 4, 12);
  if (!p) return null;
  const [i] = middleTokenIndex(rng, tokens, p);
  if (i === undefined) return null;
  const extra = rng.pick(["not", "never", "no longer", "hardly", "only", "all", "also"]);
  const quote = `${text.slice(p.start, tokens[i]!.start)}${extra} ${text.slice(tokens[i]!.start, p.end)}`;
  return absent(text, quote) ? { kind: "word inserted", source: text, quote, reason: "not_in_text" } : null;
};

const swapWords: MisquoteGenerator = (rng, text, tokens) => {
  const p = uniquePassage(rng, text, tokens, 4, 12);
  if (!p) return null;
  const [i] = middleTokenIndex(rng, tokens, p);
  if (i === undefined || tokens[i + 1]!.end > p.end) return null;
  const a = tokens[i]!;
  const b = tokens[i + 1]!;
  const quote = text.slice(p.start, a.start) + text.slice(b.start, b.end) + " " + text.slice(a.start, a.end) + text.slice(b.end, p.end);
  return absent(text, quote) ? { kind: "words swapped", source: text, quote, reason: "not_in_text" } : null;
};

const misquoteGenerators = [cutStart, cutEnd, cutContraction, dropNegation, meaningfulFold, changeWord, dropWord, insertWord, swapWords];

function generateMisquotes(perExcerpt: number): Misquote[] {
  const rng = seededRandom(SEED);
  const cases: Misquote[] = [];
  for (const { text } of excerpts) {
    const tokens = tokensOf(text);
    let made = 0;
    for (let attempt = 0; made < perExcerpt && attempt < perExcerpt * 20; attempt++) {
      const generated = misquoteGenerators[attempt % misquoteGenerators.length]!(rng, text, tokens);
      if (generated) {
        cases.push(generated);
        made++;
      }
    }
  }
  return cases;
}

describe("generated misquotes from the corpus excerpts", () => {
  const cases = generateMisquotes(120);
  const prepared = new Map<string, PreparedText>();
  const prepare = (text: string) => {
    let p = prepared.get(text);
    if (!p) prepared.set(text, (p = prepareText(text)));
    return p;
  };

  it("generates at least 300 misquotes, with every kind well represented", () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
    const byKind = new Map<string, number>();
    for (const c of cases) byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + 1);
    expect([...byKind.keys()].sort()).toEqual(
      [
        "contraction or possessive cut",
        "cut at the end of a word",
        "cut at the start of a word",
        "meaning-changing fold",
        "negation dropped",
        "number form left out at the edge",
        "word changed",
        "word dropped",
        "word inserted",
        "words swapped",
      ].sort(),
    );
    for (const [kind, count] of byKind) expect(count, kind).toBeGreaterThanOrEqual(kind === "number form left out at the edge" ? 8 : 15);
  });

  it("refuses every one, for the right reason", () => {
    const wrong: string[] = [];
    for (const c of cases) {
      const result = anchorQuote(prepare(c.source), c.quote);
      if (result.status !== "not_found" || result.reason !== c.reason) {
        wrong.push(`${c.kind}: ${JSON.stringify(c.quote)} → ${describeResult(result)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("offers the whole-word passage for a quote that cuts a word", () => {
    const wrong: string[] = [];
    for (const c of cases.filter((c) => c.wholeWords)) {
      const result = anchorQuote(prepare(c.source), c.quote);
      const want = c.source.slice(c.wholeWords!.start, c.wholeWords!.end);
      const got = result.status === "not_found" ? result.suggestion : null;
      if (!got || got.start !== c.wholeWords!.start || got.end !== c.wholeWords!.end || got.exact !== want) {
        wrong.push(`${c.kind}: ${JSON.stringify(c.quote)} → ${describeResult(result)}; expected ${JSON.stringify(want)}`);
      }
    }
    expect(cases.filter((c) => c.wholeWords).length).toBeGreaterThan(100);
    expect(wrong).toEqual([]);
  });

  it("offers only suggestions that are themselves accepted, at the same offsets", () => {
    let offered = 0;
    const wrong: string[] = [];
    for (const c of cases) {
      const result = anchorQuote(prepare(c.source), c.quote);
      if (result.status !== "not_found" || !result.suggestion) continue;
      offered++;
      const { exact, start, end } = result.suggestion;
      const again = anchorQuote(prepare(c.source), exact, { start });
      if (again.status !== "found" || again.selector.start !== start || again.selector.end !== end) {
        wrong.push(`${JSON.stringify(exact)} (for ${JSON.stringify(c.quote)}) → ${describeResult(again)}`);
      }
    }
    expect(offered).toBeGreaterThan(200);
    expect(wrong).toEqual([]);
  });
});

// ── Typographic variants ────────────────────────────────────────────────────────────────────────────────────

interface Variant {
  changes: string[];
  source: string;
  quote: string;
  /** Where the quoted passage is in `source`. */
  start: number;
  end: number;
}

const INVISIBLES = ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"];
const SPACES = ["  ", "\n", "\r\n", "\t", "\u00a0", "\u2009", " \n   ", "\u202f", "\u3000"];
const LIGATURES: [string, string][] = [
  ["ffi", "ﬃ"],
  ["ffl", "ﬄ"],
  ["ff", "ﬀ"],
  ["fi", "ﬁ"],
  ["fl", "ﬂ"],
  ["st", "ﬆ"],
];
const ACCENTS: Record<string, string> = { a: "á", e: "é", i: "í", o: "ó", u: "ü", n: "ñ", c: "ç" };

/** Full-width form of printable ASCII (U+FF01…U+FF5E). */
function fullWidth(s: string): string {
  return s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/** Inserts `count` characters from `pool` at random places strictly inside `s`, never before a combining mark. */
function sprinkle(rng: Random, s: string, pool: string[], count: number): string {
  let out = s;
  for (let k = 0; k < count; k++) {
    const at = rng.int(1, out.length - 1);
    if (/^\p{M}/u.test(out.slice(at))) continue;
    out = out.slice(0, at) + rng.pick(pool) + out.slice(at);
  }
  return out;
}

/** Changes to the typed quote: each one is typography only. */
const quoteChanges: Record<string, (rng: Random, q: string) => string> = {
  "straight quotes": (_, q) => q.replace(/[‘’]/g, "'").replace(/[“”]/g, '"'),
  "dashes as hyphens": (rng, q) => q.replace(/\s*[—–]\s*/g, () => rng.pick([" - ", "-", " – ", "—"])),
  "whitespace runs and line breaks": (rng, q) => q.replace(/ /g, (space) => (rng.chance(0.4) ? rng.pick(SPACES) : space)),
  "invisible characters": (rng, q) => sprinkle(rng, q, INVISIBLES, rng.int(1, 4)),
  ligatures: (_, q) => LIGATURES.reduce((s, [plain, lig]) => s.replaceAll(plain, lig), q),
  "full-width word": (rng, q) => {
    const words = q.split(" ");
    const i = rng.int(0, words.length - 1);
    words[i] = fullWidth(words[i]!);
    return words.join(" ");
  },
  "padding around": (rng, q) => `${rng.pick([" ", "\n", "\u200b", "\t "])}${q}${rng.pick([" ", "\n\n", "\ufeff", " \u00ad"])}`,
};

/** Changes to the source's text inside the passage (the quote stays plain): typography only. */
const sourceChanges: Record<string, (rng: Random, passage: string) => string> = {
  "invisible characters in the source": (rng, p) => sprinkle(rng, p, INVISIBLES, rng.int(1, 5)),
  "ligatures in the source": (_, p) => LIGATURES.reduce((s, [plain, lig]) => s.replaceAll(plain, lig), p),
  "line breaks in the source": (rng, p) => p.replace(/ /g, (space) => (rng.chance(0.3) ? rng.pick(["\n", "  ", "\u00a0"]) : space)),
  "full-width in the source": (_, p) => p.replace(/[A-Za-z0-9]+/, fullWidth),
};

function accented(rng: Random, p: string): string {
  return p.replace(/[aeiounc]/g, (c) => (rng.chance(0.35) ? ACCENTS[c]! : c));
}

function generateVariants(perExcerpt: number): Variant[] {
  const rng = seededRandom(SEED + 1);
  const variants: Variant[] = [];
  const quoteNames = Object.keys(quoteChanges);
  const sourceNames = Object.keys(sourceChanges);
  for (const { text } of excerpts) {
    const tokens = tokensOf(text);
    let made = 0;
    for (let attempt = 0; made < perExcerpt && attempt < perExcerpt * 20; attempt++) {
      const p = uniquePassage(rng, text, tokens, 3, 14);
      if (!p) continue;
      const original = text.slice(p.start, p.end);
      // What the source will hold at [p.start, …), and what the member types.
      let passage = original;
      let quote = original;
      const changes: string[] = [];
      // Accents exist in the source only when we put them there: composed on one side, decomposed on the other.
      const accentMode = attempt % 5 === 0 ? rng.int(1, 2) : 0;
      if (accentMode) {
        const withAccents = accented(rng, original);
        if (withAccents === original) continue;
        passage = withAccents.normalize(accentMode === 1 ? "NFC" : "NFD");
        quote = withAccents.normalize(accentMode === 1 ? "NFD" : "NFC");
        changes.push(accentMode === 1 ? "composed accents in the source, decomposed in the quote" : "decomposed accents in the source, composed in the quote");
      }
      if (rng.chance(0.4)) {
        const name = rng.pick(sourceNames);
        const changed = sourceChanges[name]!(rng, passage);
        if (changed !== passage) {
          passage = changed;
          changes.push(name);
        }
      }
      for (const name of [rng.pick(quoteNames), rng.pick(quoteNames), rng.pick(quoteNames)].slice(0, rng.int(1, 3))) {
        const changed = quoteChanges[name]!(rng, quote);
        if (changed !== quote && !changes.includes(name)) {
          quote = changed;
          changes.push(name);
        }
      }
      if (changes.length === 0 || quote === passage) continue;
      const source = text.slice(0, p.start) + passage + text.slice(p.end);
      variants.push({ changes, source, quote, start: p.start, end: p.start + passage.length });
      made++;
    }
  }
  return variants;
}

describe("generated typographic variants from the corpus excerpts", () => {
  const variants = generateVariants(60);

  it("generates at least 150 variants, covering every kind of change", () => {
    expect(variants.length).toBeGreaterThanOrEqual(150);
    const seen = new Set(variants.flatMap((v) => v.changes));
    for (const name of [...Object.keys(quoteChanges), ...Object.keys(sourceChanges)]) expect(seen, name).toContain(name);
    expect(seen).toContain("composed accents in the source, decomposed in the quote");
    expect(seen).toContain("decomposed accents in the source, composed in the quote");
  });

  it("accepts every one, at the exact original offsets of the intended passage", () => {
    const wrong: string[] = [];
    for (const v of variants) {
      const result = anchorQuote(v.source, v.quote);
      const ok =
        result.status === "found" &&
        result.selector.start === v.start &&
        result.selector.end === v.end &&
        v.source.slice(result.selector.start, result.selector.end) === v.source.slice(v.start, v.end) &&
        result.selector.exact === v.source.slice(v.start, v.end);
      if (!ok) wrong.push(`${v.changes.join(" + ")}: ${JSON.stringify(v.quote)} → ${describeResult(result)}; expected [${v.start}, ${v.end})`);
    }
    expect(wrong).toEqual([]);
  });
});

// ── Repeated passages ───────────────────────────────────────────────────────────────────────────────────────

/** The last `n` non-space characters of `s`, with the spaces between them. */
function lastNonSpace(s: string, n: number): string {
  let count = 0;
  let i = s.length;
  while (i > 0 && count < n) if (!/\s/.test(s[--i]!)) count++;
  return s.slice(i);
}

function firstNonSpace(s: string, n: number): string {
  let count = 0;
  let i = 0;
  while (i < s.length && count < n) if (!/\s/.test(s[i++]!)) count++;
  return s.slice(0, i);
}

const REPEATED = "Nothing was agreed at that meeting.";

/** An excerpt with REPEATED inserted after three different sentences; the contexts of the three differ. */
function withRepeats(rng: Random, text: string): { source: string; starts: number[] } | null {
  const ends = [...text.matchAll(/[a-z][.”] (?=[A-Z“])/g)].map((m) => m.index + m[0].length);
  const chosen = new Set<number>();
  while (chosen.size < 3) chosen.add(rng.pick(ends));
  const at = [...chosen].sort((a, b) => a - b);
  let source = text;
  for (const position of [...at].reverse()) source = `${source.slice(0, position)}${REPEATED} ${source.slice(position)}`;
  const starts = [...source.matchAll(new RegExp(REPEATED.replace(/\./g, "\\."), "g"))].map((m) => m.index);
  const prefixes = starts.map((s) => crudeFold(lastNonSpace(source.slice(0, s), MIN_HINT_EVIDENCE)));
  const suffixes = starts.map((s) => crudeFold(firstNonSpace(source.slice(s + REPEATED.length), MIN_HINT_EVIDENCE + 1)));
  return new Set(prefixes).size === 3 && new Set(suffixes).size === 3 ? { source, starts } : null;
}

describe("repeated passages: hints choose only on evidence", () => {
  const rng = seededRandom(SEED + 2);
  const setups = excerpts.flatMap(({ name, text }) => {
    const made: { name: string; source: string; starts: number[] }[] = [];
    for (let attempt = 0; made.length < 4 && attempt < 40; attempt++) {
      const setup = withRepeats(rng, text);
      if (setup) made.push({ name, ...setup });
    }
    return made;
  });

  it("builds twelve texts with a passage repeated three times", () => {
    expect(setups).toHaveLength(12);
    for (const { source, starts } of setups) expect(starts.map((s) => source.slice(s, s + REPEATED.length))).toEqual([REPEATED, REPEATED, REPEATED]);
  });

  it("asks which occurrence when there are no hints", () => {
    for (const { source, starts } of setups) {
      const result = anchorQuote(source, REPEATED);
      expect(result.status).toBe("ambiguous");
      if (result.status === "ambiguous") expect(result.candidates.map((c) => c.start)).toEqual(starts);
    }
  });

  it("picks the occurrence whose stored prefix or suffix is given, typed with other typography", () => {
    for (const { source, starts } of setups) {
      for (const start of starts) {
        const prefix = source.slice(Math.max(0, start - CONTEXT_LENGTH), start);
        const suffix = source.slice(start + REPEATED.length, start + REPEATED.length + CONTEXT_LENGTH);
        const straight = (s: string) => s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\u00a0/g, " ");
        for (const hints of [{ prefix }, { suffix }, { prefix: straight(prefix) }, { suffix: straight(suffix) }]) {
          const result = anchorQuote(source, REPEATED, hints);
          expect(result.status === "found" && result.selector.start, JSON.stringify(hints)).toBe(start);
        }
      }
    }
  });

  it(`decides on ${MIN_HINT_EVIDENCE} matching non-space characters of context, never on fewer`, () => {
    // The README states the figure; a change must be a decision, not an accident.
    expect(MIN_HINT_EVIDENCE).toBe(8);
    for (const { source, starts } of setups) {
      for (const start of starts) {
        const before = source.slice(0, start);
        const after = source.slice(start + REPEATED.length);
        const enough = anchorQuote(source, REPEATED, { prefix: lastNonSpace(before, MIN_HINT_EVIDENCE) });
        expect(enough.status === "found" && enough.selector.start).toBe(start);
        const enoughAfter = anchorQuote(source, REPEATED, { suffix: firstNonSpace(after, MIN_HINT_EVIDENCE) });
        expect(enoughAfter.status === "found" && enoughAfter.selector.start).toBe(start);
        // From one shared letter up: too little to tell a real context from a coincidence.
        for (let n = 1; n < MIN_HINT_EVIDENCE; n++) {
          const prefix = lastNonSpace(before, n);
          const suffix = firstNonSpace(after, n);
          expect(anchorQuote(source, REPEATED, { prefix }).status, JSON.stringify(prefix)).toBe("ambiguous");
          expect(anchorQuote(source, REPEATED, { suffix }).status, JSON.stringify(suffix)).toBe("ambiguous");
          expect(anchorQuote(source, REPEATED, { prefix: `zzzz ${prefix}` }).status, JSON.stringify(prefix)).toBe("ambiguous");
        }
      }
    }
  });

  it("does not decide on punctuation or whitespace, even when only one occurrence has it", () => {
    // Each occurrence follows different punctuation, and one follows a line break.
    const source = `They said “no.” ${REPEATED} Others said yes — ${REPEATED} The rest left:\n${REPEATED} Done.`;
    expect(anchorQuote(source, REPEATED).status).toBe("ambiguous");
    for (const hint of ["”", "\u201d ", "—", " — ", ":", ":\n", "\n", "  ", "s:", "."]) {
      expect(anchorQuote(source, REPEATED, { prefix: hint }).status, JSON.stringify(hint)).toBe("ambiguous");
    }
    for (const hint of [" D", " T", " O"]) {
      expect(anchorQuote(source, REPEATED, { suffix: hint }).status, JSON.stringify(hint)).toBe("ambiguous");
    }
  });

  it("stays ambiguous when the prefix points at one occurrence and the suffix equally at another", () => {
    for (const { source, starts } of setups) {
      const [a, b] = starts as [number, number];
      const prefix = lastNonSpace(source.slice(0, a), 10);
      const suffix = firstNonSpace(source.slice(b + REPEATED.length), 10);
      expect(anchorQuote(source, REPEATED, { prefix, suffix }).status).toBe("ambiguous");
      // The same hints with one more character of evidence for b decide for b.
      const more = firstNonSpace(source.slice(b + REPEATED.length), 11);
      const decided = anchorQuote(source, REPEATED, { prefix, suffix: more });
      expect(decided.status === "found" && decided.selector.start).toBe(b);
    }
  });

  it("counts all of a short context at the very start or end of the text", () => {
    const source = `${REPEATED} Then: ${REPEATED} Later on, ${REPEATED} End.`;
    const starts = [...source.matchAll(/Nothing/g)].map((m) => m.index);
    const last = anchorQuote(source, REPEATED, { suffix: " End." });
    expect(last.status === "found" && last.selector.start).toBe(starts[2]);
    // The same few characters of context in the middle of the text are not enough.
    expect(anchorQuote(source, REPEATED, { suffix: " Then" }).status).toBe("ambiguous");
    expect(anchorQuote(source, REPEATED, { suffix: " En" }).status).toBe("ambiguous");
    expect(anchorQuote(source, REPEATED, { prefix: "Then:" }).status).toBe("ambiguous");
  });

  it("still lets the member pick an occurrence by its offset", () => {
    for (const { source, starts } of setups) {
      for (const start of starts) {
        const result = anchorQuote(source, REPEATED, { start, prefix: "unrelated words entirely" });
        expect(result.status === "found" && result.selector.start).toBe(start);
      }
    }
  });
});
