import { z } from "zod";
import { text } from "./primitives";
import { slugSchema } from "./thesis";

export const SEARCH_KINDS = ["thesis", "argument", "source", "quote"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
export const SEARCH_SORTS = ["best", "newest"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export const SEARCH_LIMITS = {
  queryMax: 200,
  pageSize: 10,
  /** Deeper than this nobody reads, and an offset scan costs more with every page. */
  maxPages: 10,
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
});
export type SearchParams = z.infer<typeof searchParamsSchema>;

/** The search parameters of a URL (page or API), each taken once; repeated parameters use the first. */
export function searchParamsFromUrl(params: URLSearchParams): Record<string, string | undefined> {
  const read = (name: string) => params.get(name) ?? undefined;
  return { q: read("q"), kind: read("kind"), thesis: read("thesis"), sort: read("sort"), cursor: read("cursor") };
}
