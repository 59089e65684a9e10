import "server-only";
import { z } from "zod";
import { THESIS_SORTS, type ThesisSort } from "@/lib/validation/thesis-list";

/**
 * Keyset cursor of a thesis list: the sort it belongs to, the last row's sort key (a time in ms, a count or the
 * contest score) and its id. Opaque to readers (base64url JSON) but not secret.
 */
export interface ThesisCursor {
  sort: ThesisSort;
  key: number;
  id: string;
}

const cursorSchema = z.object({
  s: z.enum(THESIS_SORTS),
  k: z.number().finite(),
  i: z.string().regex(/^[a-z0-9]{1,40}$/),
});

export function encodeThesisCursor(cursor: ThesisCursor): string {
  return Buffer.from(JSON.stringify({ s: cursor.sort, k: cursor.key, i: cursor.id }), "utf8").toString("base64url");
}

/** The cursor, or null when `value` is not one this app made for `sort` (damaged, hand-edited, or another order's). */
export function decodeThesisCursor(value: string, sort: ThesisSort): ThesisCursor | null {
  if (value.length > 200 || !/^[A-Za-z0-9_-]+$/.test(value)) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    if (!parsed.success || parsed.data.s !== sort) return null;
    return { sort, key: parsed.data.k, id: parsed.data.i };
  } catch {
    return null;
  }
}
