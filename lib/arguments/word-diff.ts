import { diffWords } from "diff";
import { CITATION_MARKER } from "@/lib/validation/citation";

export type DiffKind = "same" | "inserted" | "deleted";

/** One stretch of a word diff: text, or a citation marker (shown by its source, not its raw id). */
export type DiffPiece = { kind: DiffKind; text: string } | { kind: DiffKind; quoteId: string };

/**
 * Word diff between two versions of an argument's Markdown (jsdiff's diffWords), for the edit history.
 * A `[[q:…]]` marker is one unit: a swapped citation shows as one citation deleted and another inserted,
 * never as a few changed characters inside an id.
 */
export function wordDiff(before: string, after: string): DiffPiece[] {
  // A stand-in made only of letters and digits, so diffWords keeps it one word; absent from both texts.
  let prefix = "qcite";
  while (before.includes(prefix) || after.includes(prefix)) prefix += "x";
  const atomic = (text: string) => text.replace(CITATION_MARKER, (_, id: string) => `${prefix}${id}${prefix}`);
  const standIn = new RegExp(`${prefix}([a-z0-9]+?)${prefix}`, "g");

  const pieces: DiffPiece[] = [];
  for (const part of diffWords(atomic(before), atomic(after))) {
    const kind: DiffKind = part.added ? "inserted" : part.removed ? "deleted" : "same";
    let last = 0;
    for (const match of part.value.matchAll(standIn)) {
      if (match.index > last) pieces.push({ kind, text: part.value.slice(last, match.index) });
      pieces.push({ kind, quoteId: match[1]! });
      last = match.index + match[0].length;
    }
    if (last < part.value.length) pieces.push({ kind, text: part.value.slice(last) });
  }
  return pieces;
}
