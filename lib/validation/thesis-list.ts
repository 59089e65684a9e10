import { z } from "zod";
import { topicSlugSchema } from "./topic";

/**
 * Orders of the thesis lists (home page, topic pages, API). Each is one keyset over stored columns kept on write
 * (see prisma/schema.prisma, model Thesis), newest id first among equals.
 * - active: latest argument or reply posted (the thesis's creation before any);
 * - newest: opened most recently;
 * - argued: most arguments and replies in all;
 * - contested: top-level arguments for and against both numerous and balanced, (pro + con) ^ (min / max): 10 for
 *   and 10 against (20) ranks above 30 for and 2 against (≈ 1.25), which ranks above a one-sided thesis (1).
 */
export const THESIS_SORTS = ["active", "newest", "argued", "contested"] as const;
export type ThesisSort = (typeof THESIS_SORTS)[number];

export const THESIS_SORT_LABELS: Record<ThesisSort, string> = {
  active: "Active",
  newest: "Newest",
  argued: "Most argued",
  contested: "Most contested",
};

export const THESES_PER_PAGE = 20;

// Links and forms send empty parameters for "no filter": read those as absent.
const optional = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

export const thesisListQuerySchema = z.object({
  sort: optional(z.enum(THESIS_SORTS, { error: "Sort must be active, newest, argued or contested." })).transform((s) => s ?? "active"),
  topic: optional(topicSlugSchema),
  /** Opaque keyset cursor (server/theses/thesis-cursor.ts checks it). */
  cursor: optional(z.string().max(200, "That page cursor is not valid.")),
});
export type ThesisListQuery = z.infer<typeof thesisListQuerySchema>;

/** The address of a thesis list: `base` ("/" or a topic page) with only the parameters that differ from the defaults. */
export function thesisListHref(base: string, { sort, topic, cursor }: { sort: ThesisSort; topic?: string | null; cursor?: string | null }): string {
  const params = new URLSearchParams();
  if (topic) params.set("topic", topic);
  if (sort !== "active") params.set("sort", sort);
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}
