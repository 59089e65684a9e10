import "server-only";
import { InvalidInputError } from "../errors";
import { decodeCursor, type PageCursor } from "../arguments/page-cursor";
import { SIBLING_SORTS, type SiblingSort } from "@/lib/scoring/sort";
import type { CardRow } from "@/components/arguments/argument-card";
import type { CitationMap } from "../citations/load-citations";
import type { ViewerVote } from "../votes/get-viewer-votes";

/** Query parameters of the API's debate views: unlike pages, which fall back to page 1, a bad value is a 422. */
export function apiSort(url: URL): SiblingSort {
  const value = url.searchParams.get("sort");
  if (value === null) return "best";
  if (!(SIBLING_SORTS as readonly string[]).includes(value)) {
    throw new InvalidInputError("Unknown sort.", { sort: [`Use one of: ${SIBLING_SORTS.join(", ")}.`] });
  }
  return value as SiblingSort;
}

export function apiCursor(url: URL, name: string): PageCursor | null {
  const value = url.searchParams.get(name);
  if (value === null || value === "") return null;
  const cursor = decodeCursor(value);
  if (!cursor) throw new InvalidInputError("That cursor is damaged: use a nextCursor value as given.", { [name]: ["Malformed cursor."] });
  return cursor;
}

/** What a card shows beside the argument's row: the viewer's votes and the footnotes (loadCardExtras). */
export interface CardExtras {
  votes: Record<string, ViewerVote>;
  citations: CitationMap;
}

/**
 * One argument as the API sends it: what a card shows, without internal fields: the caller's vote (`myVote`) and
 * the footnotes its text's `[[q:…]]` markers stand for, in number order (none while the argument is hidden from the
 * caller; a hidden quote's text is empty and `quoteHidden` says why).
 */
export function apiArgument(row: CardRow, extras: CardExtras) {
  const { path: _path, currentRevisionId: _revision, disputeScore: _dispute, bodyRedacted, ...rest } = row;
  const citations = bodyRedacted ? [] : (extras.citations.get(row.id) ?? []).map(({ argumentId: _argument, ...footnote }) => footnote);
  return { ...rest, bodyRedacted: bodyRedacted ?? false, myVote: extras.votes[row.id]?.value ?? null, citations };
}

export function apiSide(side: { rows: CardRow[]; nextCursor: string | null; count: number }, extras: CardExtras) {
  return { count: side.count, items: side.rows.map((row) => apiArgument(row, extras)), nextCursor: side.nextCursor };
}
