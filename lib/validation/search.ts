import { z } from "zod";
import { text } from "./primitives";
import { slugSchema } from "./thesis";
import { topicSlugSchema } from "./topic";

export const SEARCH_KINDS = ["thesis", "argument", "source", "quote"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
export const SEARCH_SORTS = ["best", "newest"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export const SEARCH_LIMITS = {
  queryMax: 200,
  pageSize: 10,
  /** Deeper than this nobody reads, and an offset scan costs more with every page. */
  maxPages: 10,
  /** Best match ranks each kind's newest matches, this many at most (ranking reads every ranked document). */
  rankedMatches: 1000,
} as const;

// Links and forms send empty parameters for "no filter" (`?kind=`): read those as absent.
const optional = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

export const searchParamsSchema = z.object({
  q: text({ error: "Type something to search for." })
    .trim()
    .min(1, "Type something to search for.")
    .max(SEARCH_LIMITS.queryMax, `Search queries can have at most ${SEARCH_LIMITS.queryMax} characters.`),
  kind: optional(z.enum(SEARCH_KINDS, { error: "Kind must be thesis, argument, source or quote." })),
  thesis: optional(slugSchema),
  topic: optional(topicSlugSchema),
  /** A member's handle (/u/<handle>): what they wrote, opened or added. */
  author: optional(z.string().max(60, "That is not a member's handle.").regex(/^[a-z0-9][a-z0-9_-]*$/i, "That is not a member's handle.")),
  /** Created on or after `from` and on or before `to` (whole UTC days). */
  from: optional(z.iso.date({ error: "Give the date as YYYY-MM-DD." })),
  to: optional(z.iso.date({ error: "Give the date as YYYY-MM-DD." })),
  sort: optional(z.enum(SEARCH_SORTS, { error: "Sort must be best or newest." })).transform((s) => s ?? "best"),
  // The cursor is the offset of the page: opaque to clients, bounded so nobody pages through the whole index.
  cursor: optional(
    z
      .string()
      .regex(/^\d{1,4}$/, "That page cursor is not valid.")
      .transform(Number)
      .refine(
        (offset) => offset % SEARCH_LIMITS.pageSize === 0 && offset < SEARCH_LIMITS.pageSize * SEARCH_LIMITS.maxPages,
        `Search shows at most ${SEARCH_LIMITS.maxPages} pages of results; refine the query instead.`,
      ),
  ).transform((o) => o ?? 0),
}).refine((p) => !p.from || !p.to || p.from <= p.to, { message: "The start date is after the end date.", path: ["to"] });
export type SearchParams = z.infer<typeof searchParamsSchema>;

/** The search parameters of a URL (page or API), each taken once; repeated parameters use the first. */
export function searchParamsFromUrl(params: URLSearchParams): Record<string, string | undefined> {
  const read = (name: string) => params.get(name) ?? undefined;
  return {
    q: read("q"),
    kind: read("kind"),
    thesis: read("thesis"),
    topic: read("topic"),
    author: read("author"),
    from: read("from"),
    to: read("to"),
    sort: read("sort"),
    cursor: read("cursor"),
  };
}
