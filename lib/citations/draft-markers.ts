import { CITATION_MARKER } from "@/lib/validation/citation";

/** One `[[q:…]]` marker as typed in a draft: the composer lists each so it can be read and removed. */
export interface MarkerOccurrence {
  quoteId: string;
  start: number;
  end: number;
}

export function markerOccurrences(body: string): MarkerOccurrence[] {
  return [...body.matchAll(CITATION_MARKER)].map((m) => ({ quoteId: m[1]!, start: m.index, end: m.index + m[0].length }));
}

/**
 * The draft without its `index`-th marker, and the space the cite picker put before it (" [[q:…]]"), so removing
 * a citation leaves the sentence as it was before citing.
 */
export function removeMarkerOccurrence(body: string, index: number): string {
  const marker = markerOccurrences(body)[index];
  if (!marker) return body;
  const start = marker.start > 0 && body[marker.start - 1] === " " ? marker.start - 1 : marker.start;
  return body.slice(0, start) + body.slice(marker.end);
}

/** The first words of a quote, enough to recognise it beside the text box. */
export function openingWords(text: string, words = 8): string {
  const all = text.trim().split(/\s+/);
  return all.length <= words ? all.join(" ") : `${all.slice(0, words).join(" ")}…`;
}
