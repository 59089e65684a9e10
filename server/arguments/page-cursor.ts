import "server-only";
import { z } from "zod";
import type { SiblingSort } from "@/lib/scoring/sort";

/**
 * Keyset cursors for a page of sibling arguments. A cursor carries the last row's sort key, creation time and id,
 * so the next page starts right after it whatever was added meanwhile, at the same cost on page 1 and page 1,000.
 * Opaque to readers (base64url JSON) but not secret: anything it says is public.
 */
export const ARGUMENTS_PER_PAGE = 10;

export interface PageCursor {
  /** The row's sort key: wilsonScore for "best", disputeScore for "disputed", unused for "newest". */
  key: number;
  createdAt: Date;
  id: string;
}

const cursorSchema = z.object({
  k: z.number().finite(),
  t: z.number().int().min(0).max(8.64e15),
  i: z.string().regex(/^[a-z0-9]{1,40}$/),
});

export function encodeCursor(cursor: PageCursor): string {
  const json = JSON.stringify({ k: cursor.key, t: cursor.createdAt.getTime(), i: cursor.id });
  return Buffer.from(json, "utf8").toString("base64url");
}

/** The cursor, or null when `value` is not one this app made (a damaged or hand-edited link). */
export function decodeCursor(value: string): PageCursor | null {
  if (value.length > 200 || !/^[A-Za-z0-9_-]+$/.test(value)) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? { key: parsed.data.k, createdAt: new Date(parsed.data.t), id: parsed.data.i } : null;
  } catch {
    return null;
  }
}

/** The sort key a cursor carries for `sort`. */
export function cursorKey(sort: SiblingSort, row: { wilsonScore: number; disputeScore: number }): number {
  return sort === "best" ? row.wilsonScore : sort === "disputed" ? row.disputeScore : 0;
}

/**
 * A query parameter read as a cursor: absent → first page; present but unreadable → first page and a notice.
 * `raw` is the parameter as given when it is a valid cursor, for links that keep this page.
 */
export function readCursorParam(value: string | string[] | undefined): { cursor: PageCursor | null; raw: string | null; invalid: boolean } {
  if (value === undefined || value === "") return { cursor: null, raw: null, invalid: false };
  const cursor = typeof value === "string" ? decodeCursor(value) : null;
  return { cursor, raw: cursor ? (value as string) : null, invalid: cursor === null };
}
