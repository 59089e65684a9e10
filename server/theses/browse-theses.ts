import "server-only";
import { InvalidInputError } from "../errors";
import { getTopicBySlug } from "../topics/get-topic";
import { thesisListQuerySchema, type ThesisListQuery } from "@/lib/validation/thesis-list";
import { decodeThesisCursor } from "./thesis-cursor";
import { listTheses } from "./list-theses";

/**
 * A page of a thesis list as the home page, the topic pages and the API ask for it (sort, topic slug, cursor):
 * an unknown topic is a 404, a cursor this app did not make for this sort a 422.
 */
export async function browseTheses(query: ThesisListQuery) {
  const topic = query.topic ? await getTopicBySlug(query.topic) : null;
  const cursor = query.cursor ? decodeThesisCursor(query.cursor, query.sort) : null;
  if (query.cursor && !cursor) {
    throw new InvalidInputError("That page cursor is not valid.", { cursor: ["That page cursor is not valid for this sort."] });
  }
  const page = await listTheses({ sort: query.sort, topicId: topic?.id, cursor });
  return { sort: query.sort, topic, ...page };
}

type PageParam = string | string[] | undefined;

/**
 * The same for a page's query string, forgiving what a damaged link breaks: an unknown sort or a bad cursor shows
 * the first page with a notice instead of an error. An unknown topic still throws NotFoundError (a 404 page).
 */
export async function browseThesesForPage(params: { sort?: PageParam; topic?: PageParam; cursor?: PageParam }) {
  const first = (value: PageParam) => (Array.isArray(value) ? value[0] : value);
  const parsedSort = thesisListQuerySchema.shape.sort.safeParse(first(params.sort));
  const sort = parsedSort.success ? parsedSort.data : "active";
  const rawCursor = parsedSort.success ? first(params.cursor) : undefined;
  const cursor = rawCursor ? decodeThesisCursor(rawCursor, sort) : null;
  const notice = !parsedSort.success
    ? "That sort order does not exist, so the most active theses are shown."
    : rawCursor && !cursor
      ? "That page link was damaged, so the first page is shown."
      : null;
  const page = await browseTheses({ sort, topic: first(params.topic) || undefined, cursor: cursor ? rawCursor : undefined });
  return { ...page, paged: cursor !== null, notice };
}
