import "server-only";
import { InvalidInputError } from "../errors";
import { decodeCursor, type PageCursor } from "../arguments/page-cursor";
import { SIBLING_SORTS, type SiblingSort } from "@/lib/scoring/sort";
import type { CardRow } from "@/components/arguments/argument-card";

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

/** One argument as the API sends it: what a card shows, without internal fields. */
export function apiArgument(row: CardRow) {
  const { path: _path, currentRevisionId: _revision, disputeScore: _dispute, bodyRedacted, ...rest } = row;
  return { ...rest, bodyRedacted: bodyRedacted ?? false };
}

export function apiSide(side: { rows: CardRow[]; nextCursor: string | null; count: number }) {
  return { count: side.count, items: side.rows.map(apiArgument), nextCursor: side.nextCursor };
}
