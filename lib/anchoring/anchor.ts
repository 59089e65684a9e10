import { normalizeText, normalizeWithMap, type NormalizedText } from "./normalize";

/** Quotes are passages, not chapters: the same limits everywhere (forms, API, seed). */
export const QUOTE_MIN_LENGTH = 1;
export const QUOTE_MAX_LENGTH = 1000;
/** Length of the W3C TextQuoteSelector prefix and suffix we store. */
export const CONTEXT_LENGTH = 32;

/** W3C Web Annotation TextQuoteSelector + TextPositionSelector, on the original snapshot text. */
export interface QuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

export type AnchorResult =
  | { status: "found"; selector: QuoteSelector }
  /** The passage occurs several times and the hints did not single one out: the user chooses. */
  | { status: "ambiguous"; candidates: QuoteSelector[] }
  /** Not in the text; `suggestion` is the closest passage, when one is close enough to offer. */
  | { status: "not_found"; suggestion: QuoteSelector | null }
  | { status: "invalid"; reason: string };

export interface AnchorHints {
  /** Text just before the passage (e.g. from the selection or a previously stored selector). */
  prefix?: string;
  /** Text just after the passage. */
  suffix?: string;
  /** Original offset where the passage starts: picks one occurrence exactly (the user's choice). */
  start?: number;
}

/** Checks the length rules on a quote as typed or selected. */
export function validateQuoteText(quote: string): string | null {
  const trimmed = quote.trim();
  if (trimmed.length < QUOTE_MIN_LENGTH || normalizeText(trimmed).length === 0) return "Select or paste the passage to quote.";
  if (trimmed.length > QUOTE_MAX_LENGTH) {
    return `Quotes can have at most ${QUOTE_MAX_LENGTH.toLocaleString("en")} characters (this one has ${trimmed.length.toLocaleString("en")}). Quote a shorter passage.`;
  }
  return null;
}

/** The selector for original span [start, end) of `text`. */
export function selectorAt(text: string, start: number, end: number): QuoteSelector {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
    start,
    end,
  };
}

/**
 * A prepared snapshot: normalising a 100 KB text is the expensive part of anchoring, so callers that anchor
 * several quotes in one source prepare it once.
 */
export interface PreparedText {
  original: string;
  normalized: NormalizedText;
}

export function prepareText(text: string): PreparedText {
  return { original: text, normalized: normalizeWithMap(text) };
}

/**
 * Finds `quote` in `text` ignoring typographic differences only. Exactly one occurrence → found; several →
 * disambiguated by the hints, else reported as candidates; none → refused, with the closest passage offered.
 * A changed, added or dropped word is never accepted.
 */
export function anchorQuote(text: string | PreparedText, quote: string, hints: AnchorHints = {}): AnchorResult {
  const invalid = validateQuoteText(quote);
  if (invalid) return { status: "invalid", reason: invalid };
  const prepared = typeof text === "string" ? prepareText(text) : text;
  const { original, normalized } = prepared;
  const needle = normalizeText(quote);

  const matches: QuoteSelector[] = [];
  for (let at = normalized.text.indexOf(needle); at !== -1; at = normalized.text.indexOf(needle, at + 1)) {
    const start = normalized.starts[at]!;
    const end = normalized.ends[at + needle.length - 1]!;
    matches.push(selectorAt(original, start, end));
  }
  if (matches.length === 1) return { status: "found", selector: matches[0]! };
  if (matches.length > 1) {
    const chosen = disambiguate(matches, hints);
    return chosen ? { status: "found", selector: chosen } : { status: "ambiguous", candidates: matches };
  }
  return { status: "not_found", suggestion: closestPassage(prepared, needle) };
}

function disambiguate(matches: QuoteSelector[], hints: AnchorHints): QuoteSelector | null {
  if (hints.start !== undefined) {
    const exact = matches.find((m) => m.start === hints.start);
    if (exact) return exact;
  }
  if (!hints.prefix && !hints.suffix) return null;
  const prefix = hints.prefix ? normalizeText(hints.prefix) : "";
  const suffix = hints.suffix ? normalizeText(hints.suffix) : "";
  const scored = matches.map((m) => ({
    match: m,
    score: commonSuffixLength(normalizeText(m.prefix), prefix) + commonPrefixLength(normalizeText(m.suffix), suffix),
  }));
  scored.sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  // Only a strictly better context decides; a tie means the hints do not tell the occurrences apart.
  return best && best.score > 0 && (!second || best.score > second.score) ? best.match : null;
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function commonSuffixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;
const wordCharCache = new Map<number, boolean>();

function isWordChar(code: number, text: string, at: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a);
  let known = wordCharCache.get(code);
  if (known === undefined) {
    known = LETTER_OR_DIGIT.test(text[at]!);
    if (wordCharCache.size < 4096) wordCharCache.set(code, known);
  }
  return known;
}

/**
 * Words of a normalised text as [start, end) offsets, with inner apostrophes and hyphens kept
 * ("one-third", "Kremlin's"). A hand-written scan: a Unicode regex over 100 KB costs more than the budget.
 */
function wordSpans(text: string): { starts: Int32Array; ends: Int32Array; count: number } {
  const starts = new Int32Array(Math.ceil(text.length / 2) + 1);
  const ends = new Int32Array(starts.length);
  let count = 0;
  const n = text.length;
  // ASCII letters and digits inline (most of any text); other characters through isWordChar.
  const word = (i: number): boolean => {
    const c = text.charCodeAt(i);
    return c < 0x80 ? (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) : isWordChar(c, text, i);
  };
  let i = 0;
  while (i < n) {
    if (!word(i)) {
      i++;
      continue;
    }
    const start = i;
    i++;
    for (;;) {
      while (i < n && word(i)) i++;
      const c = text.charCodeAt(i);
      if ((c === 0x27 || c === 0x2d) && i + 1 < n && word(i + 1)) {
        i++;
        continue;
      }
      break;
    }
    starts[count] = start;
    ends[count] = i;
    count++;
  }
  return { starts, ends, count };
}

/**
 * The window of the text sharing the most words with the quote (a sliding multiset overlap, linear in the
 * text), tried at the quote's length and one word either side so a changed, dropped or added word still
 * finds its passage. Offered only when at least half of the quote's words are there.
 */
function closestPassage(prepared: PreparedText, needle: string): QuoteSelector | null {
  const quoteSpans = wordSpans(needle);
  const m = quoteSpans.count;
  if (m === 0) return null;
  // Quote words get ids; every other word of the text is -1 and only takes room in the window.
  const ids = new Map<string, number>();
  const want: number[] = [];
  const quoteIds: number[] = [];
  for (let k = 0; k < m; k++) {
    const word = needle.slice(quoteSpans.starts[k], quoteSpans.ends[k]).toLowerCase();
    let id = ids.get(word);
    if (id === undefined) {
      id = want.length;
      ids.set(word, id);
      want.push(0);
    }
    want[id]!++;
    quoteIds.push(id);
  }
  const text = prepared.normalized.text;
  const spans = wordSpans(text);
  const count = spans.count;
  const tokenIds = new Int32Array(count);
  // Lower-case once (when that keeps offsets), and only look up words whose length a quote word has.
  const lower = text.toLowerCase();
  const sameLength = lower.length === text.length;
  const lengths = new Set([...ids.keys()].map((word) => word.length));
  for (let k = 0; k < count; k++) {
    const from = spans.starts[k]!;
    const to = spans.ends[k]!;
    tokenIds[k] = lengths.has(to - from) || !sameLength ? (ids.get(sameLength ? lower.slice(from, to) : text.slice(from, to).toLowerCase()) ?? -1) : -1;
  }

  const firstId = quoteIds[0]!;
  const lastId = quoteIds[m - 1]!;
  let best: { from: number; to: number; score: number } | null = null;
  for (const size of [m, m + 1, m - 1]) {
    if (size < 1 || size > count) continue;
    const have = new Int32Array(want.length);
    let overlap = 0;
    for (let i = 0; i < count; i++) {
      const add = tokenIds[i]!;
      if (add >= 0 && ++have[add]! <= want[add]!) overlap++;
      if (i >= size) {
        const drop = tokenIds[i - size]!;
        if (drop >= 0 && have[drop]!-- <= want[drop]!) overlap--;
      }
      if (i >= size - 1) {
        const from = i - size + 1;
        // Shared words over the larger of the two lengths: a window shorter or longer than the quote pays
        // for it. Ties go to the window that starts or ends on the quote's own first or last word.
        const edges = (tokenIds[from] === firstId ? 1 : 0) + (tokenIds[i] === lastId ? 1 : 0);
        const score = overlap / Math.max(size, m) + edges * 1e-6;
        if (!best || score > best.score) best = { from, to: i, score };
      }
    }
  }
  if (!best || best.score < 0.5) return null;
  const { starts, ends } = prepared.normalized;
  const start = starts[spans.starts[best.from]!]!;
  let end = ends[spans.ends[best.to]! - 1]!;
  // Carry the closing punctuation along, as a reader would quote it.
  if (/[.!?;:,'"’”)]/.test(prepared.original.slice(end, end + 1))) end += 1;
  return selectorAt(prepared.original, start, end);
}
