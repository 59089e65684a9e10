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
  /**
   * Refused. `cuts_word`: the text is there, but only starting or ending inside a word ("likely" in
   * "unlikely"), and `suggestion` is the same passage with whole words. `not_in_text`: `suggestion` is the
   * closest passage, when one is close enough to offer. A suggestion is always itself a quote that anchors.
   */
  | { status: "not_found"; reason: NotFoundReason; suggestion: QuoteSelector | null }
  | { status: "invalid"; reason: string };

export type NotFoundReason = "cuts_word" | "not_in_text";

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
 * Finds `quote` in `text` ignoring typographic differences only (see normalize.ts). Both ends must fall on
 * word edges of the text (see isWordEdge). Exactly one such occurrence → found; several → disambiguated by the
 * hints, else reported as candidates; none → refused, with the whole-word or the closest passage offered.
 * A changed, added, dropped or cut word is never accepted.
 */
export function anchorQuote(text: string | PreparedText, quote: string, hints: AnchorHints = {}): AnchorResult {
  const invalid = validateQuoteText(quote);
  if (invalid) return { status: "invalid", reason: invalid };
  const prepared = typeof text === "string" ? prepareText(text) : text;
  const { original, normalized } = prepared;
  const needle = normalizeText(quote);

  const matches: QuoteSelector[] = [];
  const cuts: number[] = [];
  for (let at = normalized.text.indexOf(needle); at !== -1; at = normalized.text.indexOf(needle, at + 1)) {
    if (isWordEdge(prepared, at) && isWordEdge(prepared, at + needle.length)) {
      matches.push(selectorAt(original, normalized.starts[at]!, normalized.ends[at + needle.length - 1]!));
    } else if (cuts.length < MAX_CUT_CANDIDATES) {
      cuts.push(at);
    }
  }
  if (matches.length === 1) return { status: "found", selector: matches[0]! };
  if (matches.length > 1) {
    const chosen = disambiguate(matches, hints);
    return chosen ? { status: "found", selector: chosen } : { status: "ambiguous", candidates: matches };
  }
  if (cuts.length > 0) {
    const at = nearestToStart(cuts, prepared, hints.start);
    return { status: "not_found", reason: "cuts_word", suggestion: wholeWordPassage(prepared, at, at + needle.length) };
  }
  return { status: "not_found", reason: "not_in_text", suggestion: closestPassage(prepared, needle) };
}

/** Occurrences that cut a word are only used for a suggestion; a handful is plenty to pick one from. */
const MAX_CUT_CANDIDATES = 64;

/** The occurrence the member pointed at (hints.start), else the first. */
function nearestToStart(cuts: number[], prepared: PreparedText, start: number | undefined): number {
  if (start === undefined) return cuts[0]!;
  let best = cuts[0]!;
  for (const at of cuts) {
    if (Math.abs(prepared.normalized.starts[at]! - start) < Math.abs(prepared.normalized.starts[best]! - start)) best = at;
  }
  return best;
}

// ── Word edges ────────────────────────────────────────────────────────────────────────────────────────────

let segmenter: Intl.Segmenter | null = null;
/** One segmenter for the process: constructing one costs far more than segmenting a few dozen characters. */
function wordSegmenter(): Intl.Segmenter {
  // The root locale, so the rule cannot change with the machine's language settings.
  segmenter ??= new Intl.Segmenter("und", { granularity: "word" });
  return segmenter;
}

/**
 * Characters of context either side of an edge handed to the segmenter. Word-break decisions in alphabetic
 * scripts look at one or two characters either side, so a short window decides exactly as the whole text
 * would, at a cost independent of the snapshot's size.
 */
const EDGE_WINDOW = 40;

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
}

/** ASCII characters that Unicode word segmentation can keep inside a word: letters, digits, _ ' . , : ; */
function asciiMayJoin(c: number): boolean {
  return isAsciiAlnum(c) || c === 0x5f || c === 0x27 || c === 0x2e || c === 0x2c || c === 0x3a || c === 0x3b;
}

/** Unicode word segmentation (UAX #29, as Intl.Segmenter implements it) has a boundary at `p` of `text`. */
function segmentBoundary(text: string, p: number): boolean {
  const before = text.charCodeAt(p - 1);
  const after = text.charCodeAt(p);
  // The normalised text has single spaces only, and a space is a word boundary on both of its sides.
  if (before === 0x20 || after === 0x20) return true;
  if (before < 0x80 && after < 0x80) {
    if (isAsciiAlnum(before) && isAsciiAlnum(after)) return false;
    if (!asciiMayJoin(before) || !asciiMayJoin(after)) return true;
  }
  const from = Math.max(0, p - EDGE_WINDOW);
  const segment = wordSegmenter().segment(text.slice(from, p + EDGE_WINDOW)).containing(p - from);
  return segment === undefined || segment.index === p - from;
}

function isWordCharAt(text: string, at: number): boolean {
  if (at < 0 || at >= text.length) return false;
  return isWordChar(text.charCodeAt(at), text, at);
}

// Superscripts, subscripts, vulgar fractions and the fraction slash: segmentation splits "10²" into "10" and
// "²", but quoting "10" from "10²" (or "1" from "1¼") changes the number, so they stay with what they touch.
const NUMBER_FORM = /[\u00b2\u00b3\u00b9\u00bc-\u00be\u2044\u2070-\u209f\u2150-\u218b]/;

/**
 * A hyphen written between two words with no space ("non-nuclear", "one-third"). Segmentation treats its
 * parts as words, but "nuclear status" quoted from "non-nuclear status" reverses the source, so a compound
 * is quoted whole. Dashes (— –) and spaced hyphens separate words; the original character tells them apart,
 * as both are "-" once normalised.
 */
function isJoiningHyphen(prepared: PreparedText, q: number): boolean {
  const { text, starts, ends } = prepared.normalized;
  if (text.charCodeAt(q) !== 0x2d || !isWordCharAt(text, q - 1) || !isWordCharAt(text, q + 1)) return false;
  const at = starts[q]!;
  const c = prepared.original.charCodeAt(at);
  return (c === 0x2d || c === 0x2010 || c === 0x2011) && ends[q - 1] === at && starts[q + 1] === ends[q];
}

/**
 * Whether a quote may start or end at normalised offset `p`: on a Unicode word boundary, not inside a
 * hyphenated compound, and not between a number and its superscript, subscript or fraction. Punctuation may
 * be quoted or left out, as it sits on word boundaries itself.
 */
function isWordEdge(prepared: PreparedText, p: number): boolean {
  const text = prepared.normalized.text;
  if (p <= 0 || p >= text.length) return true;
  if (!segmentBoundary(text, p)) return false;
  if (isJoiningHyphen(prepared, p) || isJoiningHyphen(prepared, p - 1)) return false;
  const before = text[p - 1]!;
  const after = text[p]!;
  if (NUMBER_FORM.test(before) ? isWordCharAt(text, p) : NUMBER_FORM.test(after) && isWordCharAt(text, p - 1)) return false;
  return true;
}

/** Longest stretch searched for a word edge before a suggestion is given up (a quote's own maximum). */
const MAX_WORD_SEARCH = QUOTE_MAX_LENGTH;

/**
 * The normalised span [from, to) widened to whole words, with a closing punctuation mark carried along as a
 * reader would quote it; null when no word edge is near enough.
 */
function wholeWordSpan(prepared: PreparedText, from: number, to: number, carryPunctuation: boolean): [number, number] | null {
  const text = prepared.normalized.text;
  let a = from;
  while (!isWordEdge(prepared, a)) if (--a < from - MAX_WORD_SEARCH) return null;
  let b = to;
  while (!isWordEdge(prepared, b)) if (++b > to + MAX_WORD_SEARCH) return null;
  if (carryPunctuation && /[.!?;:,'")]/.test(text[b] ?? "") && isWordEdge(prepared, b + 1)) b++;
  return [a, b];
}

function wholeWordPassage(prepared: PreparedText, from: number, to: number): QuoteSelector | null {
  const span = wholeWordSpan(prepared, from, to, false);
  if (!span) return null;
  const { starts, ends } = prepared.normalized;
  return selectorAt(prepared.original, starts[span[0]]!, ends[span[1] - 1]!);
}

// ── Repeated passages ─────────────────────────────────────────────────────────────────────────────────────

/**
 * How much context a hint must share with an occurrence to choose it: this many folded non-space characters
 * next to the occurrence (about two short words), or all of the context there is when the occurrence sits
 * closer than that to the start or end of the text. One shared letter or a lone "the" is a coincidence, not
 * evidence.
 */
export const MIN_HINT_EVIDENCE = 8;

function nonSpaceCount(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) !== 0x20) count++;
  return count;
}

/**
 * Evidence a hint gives for one occurrence: the non-space characters of the hint that match the context on
 * the occurrence's side (`atEnd`: the context's end, for a prefix), or 0 when that is too little to count.
 */
function hintEvidence(context: string, hint: string, atEnd: boolean, contextIsWhole: boolean): number {
  if (!hint) return 0;
  const shared = atEnd ? commonSuffixLength(context, hint) : commonPrefixLength(context, hint);
  const matched = atEnd ? nonSpaceCount(context, context.length - shared, context.length) : nonSpaceCount(context, 0, shared);
  if (matched >= MIN_HINT_EVIDENCE) return matched;
  // Near the start or end of the text the context itself is short: matching all of it (a word at least) counts.
  const wholeContext = contextIsWhole && shared === context.length && /[\p{L}\p{N}]/u.test(context);
  return wholeContext ? matched : 0;
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
    score:
      hintEvidence(normalizeText(m.prefix), prefix, true, m.prefix.length < CONTEXT_LENGTH) +
      hintEvidence(normalizeText(m.suffix), suffix, false, m.suffix.length < CONTEXT_LENGTH),
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
  // This scan's words are not quite Unicode's ("600,000" is two here): widen to word edges so that the
  // suggestion, quoted as offered, is accepted.
  const span = wholeWordSpan(prepared, spans.starts[best.from]!, spans.ends[best.to]!, true);
  if (!span) return null;
  const { starts, ends } = prepared.normalized;
  return selectorAt(prepared.original, starts[span[0]]!, ends[span[1] - 1]!);
}
