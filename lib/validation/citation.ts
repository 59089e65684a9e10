/**
 * Inline citation markers in argument bodies: `[[q:<quoteId>]]`. The composer inserts them, the server turns
 * them into the revision's footnotes, and the renderer into numbered superscripts.
 */
export const CITATION_MARKER = /\[\[q:([a-z0-9]{1,64})\]\]/g;

export const MAX_CITATIONS_PER_ARGUMENT = 20;

export function citationMarker(quoteId: string): string {
  return `[[q:${quoteId}]]`;
}

/** Quote ids in order of first appearance: the footnote numbers, from 1. */
export function citedQuoteIds(body: string): string[] {
  const ids: string[] = [];
  for (const match of body.matchAll(CITATION_MARKER)) {
    const id = match[1]!;
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** The body without markers, for plain-text excerpts. */
export function stripCitationMarkers(body: string): string {
  return body
    .replace(CITATION_MARKER, "")
    .replace(/[ \t]+([.,;:!?])/g, "$1")
    .replace(/[ \t]+$/gm, "");
}
