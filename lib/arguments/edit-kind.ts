import { diffArrays, diffChars } from "diff";
import { CITATION_MARKER } from "@/lib/validation/citation";

/**
 * Minor or major: decides whether the votes on an argument survive an edit (docs/thesis-strength.md, "Edits and
 * votes"). A vote judged a text; a typo fix leaves that judgment standing, a change of meaning must not carry
 * it. No rule reads meaning, so this one is deliberately narrow: it lets through what a proof-reading pass does
 * (misspellings, a doubled or missing small word, punctuation, formatting) and sends everything else to the
 * voters again. A wrong "major" costs a voter one click to reconfirm; a wrong "minor" lets old votes back a
 * claim their voters never saw, so every doubtful case is major.
 */

/** At most this many words may change (a replaced, inserted or removed word each count as one). */
export const MINOR_EDIT_MAX_WORDS = 3;
/** At most this share of the characters may change… */
export const MINOR_EDIT_MAX_SHARE = 0.1;
/** …except that a couple of characters are always allowed, so a one-letter slip in a one-line argument can be fixed. */
export const MINOR_EDIT_MIN_CHARS = 2;

export type EditKind =
  | { minor: true; wordsChanged: number; charsChanged: number }
  | { minor: false; reason: MajorReason };

export type MajorReason = "citations" | "links" | "numbers" | "negation" | "replaced-word" | "too-many-words" | "too-many-characters";

/** What each reason means to the author who just saved: shown after the save, and listed in the docs. */
export const MAJOR_REASON_TEXT: Record<MajorReason, string> = {
  citations: "the citations changed",
  links: "a link changed",
  numbers: "a number changed",
  negation: "a negation (not, no, never…) was added or removed",
  "replaced-word": "a word was replaced by a different word",
  "too-many-words": `more than ${MINOR_EDIT_MAX_WORDS} words changed`,
  "too-many-characters": `more than ${MINOR_EDIT_MAX_SHARE * 100}% of the text changed`,
};

const LINK = /\bhttps?:\/\/[^\s<>()[\]]+/gi;
// Digit runs with their decimal or thousands separators and a percent sign: "3", "3.5", "1,000", "40 %", "2.5%".
const NUMBER = /\d+(?:[.,]\d+)*(?:\s?%)?/g;
// Letters or digits, with apostrophes inside a word kept ("don't", "it's") so contractions stay one word.
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const NEGATIONS = new Set([
  "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "nowhere", "cannot", "without",
  // Contractions, also as typed without their apostrophe, so that fixing "dont" into "don't" is not a negation added.
  "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "cant", "couldnt", "wont", "wouldnt",
  "shouldnt", "hasnt", "havent", "hadnt", "mustnt", "neednt", "aint",
]);

function isNegation(word: string): boolean {
  const key = word.toLowerCase().replace(/['’]/g, "");
  return NEGATIONS.has(key) || /n['’]t$/i.test(word);
}

function markers(text: string): string[] {
  return [...text.matchAll(CITATION_MARKER)].map((m) => m[1]!);
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/**
 * Whether the optimal string alignment distance (Levenshtein plus the swap of two neighbours: "teh" → "the" is
 * one edit) is at most `limit`. Only cells within `limit` of the diagonal can stay under it, so a long word costs
 * a narrow band, not a full table.
 */
function withinSpellingDistance(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  const far = limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => (j <= limit ? j : far));
  for (let i = 1; i <= a.length; i++) {
    const row = Array<number>(b.length + 1).fill(far);
    if (i <= limit) row[0] = i;
    let best = row[0]!;
    for (let j = Math.max(1, i - limit); j <= Math.min(b.length, i + limit); j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row[j] = Math.min(d, far);
      best = Math.min(best, row[j]!);
    }
    if (best > limit) return false;
    [before, previous] = [previous, row];
  }
  return previous[b.length]! <= limit;
}

/**
 * A respelling, not a different word: one slip in a short word, two in a longer one ("recieve" → "receive",
 * "their" → "there", "alot" → "a lot"). "good" → "bad" or "safest" → "riskiest" are different words.
 */
function isRespelling(before: string, after: string): boolean {
  const a = before.toLowerCase();
  const b = after.toLowerCase();
  return withinSpellingDistance(a, b, Math.max(a.length, b.length) <= 4 ? 1 : 2);
}

/**
 * Classifies an edit from `before` to `after` (both Markdown bodies with `[[q:…]]` markers). Pure: the server
 * calls it when saving (server/arguments/edit-argument.ts) and nothing else decides.
 */
export function classifyEdit(before: string, after: string): EditKind {
  // Evidence first: a footnote added, removed, swapped or reordered changes what the argument rests on.
  if (!sameList(markers(before), markers(after))) return { minor: false, reason: "citations" };
  const [oldText, newText] = [before, after].map((text) => text.replace(CITATION_MARKER, " "));
  if (!sameList(oldText!.match(LINK) ?? [], newText!.match(LINK) ?? [])) return { minor: false, reason: "links" };
  const [oldProse, newProse] = [oldText!, newText!].map((text) => text.replace(LINK, " "));
  // "40 %" and "40%" are the same number: spacing is typography.
  const numbers = (text: string) => (text.match(NUMBER) ?? []).map((n) => n.replace(/\s/g, ""));
  if (!sameList(numbers(oldProse!), numbers(newProse!))) return { minor: false, reason: "numbers" };

  let wordsChanged = 0;
  const changes = diffArrays(oldProse!.match(WORD) ?? [], newProse!.match(WORD) ?? []);
  const changed = (i: number) => i < changes.length && (changes[i]!.added || changes[i]!.removed);
  for (let i = 0; i < changes.length; ) {
    if (!changed(i)) {
      i++;
      continue;
    }
    // A replacement comes as a removal and an addition side by side: together they are one hunk.
    const removed: string[] = [];
    const added: string[] = [];
    for (; changed(i); i++) (changes[i]!.added ? added : removed).push(...changes[i]!.value);
    // Per hunk, so a "not" moved elsewhere in the sentence counts as removed here and added there.
    if (removed.filter(isNegation).length !== added.filter(isNegation).length) return { minor: false, reason: "negation" };
    // Counted before comparing spellings, so a rewrite is refused without aligning hundreds of letters.
    wordsChanged += Math.max(removed.length, added.length);
    if (wordsChanged > MINOR_EDIT_MAX_WORDS) return { minor: false, reason: "too-many-words" };
    if (removed.length > 0 && added.length > 0) {
      const respelled =
        removed.length === added.length ? removed.every((word, k) => isRespelling(word, added[k]!)) : isRespelling(removed.join(""), added.join(""));
      if (!respelled) return { minor: false, reason: "replaced-word" };
    }
  }

  // Counted only now that the word diff is known to be small, so the character diff stays cheap.
  let removedChars = 0;
  let addedChars = 0;
  for (const part of diffChars(oldProse!, newProse!)) {
    if (part.added) addedChars += part.value.length;
    else if (part.removed) removedChars += part.value.length;
  }
  const charsChanged = Math.max(removedChars, addedChars);
  const budget = Math.max(MINOR_EDIT_MIN_CHARS, Math.floor(MINOR_EDIT_MAX_SHARE * Math.max(oldProse!.length, newProse!.length)));
  if (charsChanged > budget) return { minor: false, reason: "too-many-characters" };
  return { minor: true, wordsChanged, charsChanged };
}
