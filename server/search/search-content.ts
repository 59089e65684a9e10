import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { InvalidInputError } from "../errors";
import { listedSql, viewerModeratesThesis, visibilitySql, type Viewer } from "../access/visibility";
import { SEARCH_LIMITS, type SearchKind, type SearchParams } from "@/lib/validation/search";
import { MATCH_END, MATCH_START, snippetParts, type SnippetPart } from "@/lib/search/snippet";
import { debateHref } from "@/lib/debate-url";

export interface SearchHit {
  kind: SearchKind;
  id: string;
  /** Where the hit lives: the thesis, the argument's focus, the source, or the quote on its source page. */
  url: string;
  /** The thesis's or source's title with its matches; for arguments and quotes, the title of what holds them. */
  title: SnippetPart[];
  snippet: SnippetPart[];
  thesis: { slug: string; title: string } | null;
  source: { id: string; title: string } | null;
  /** Hidden by moderators: only reaches viewers allowed to see it (its author, its thesis's or the site's moderators). */
  hidden: boolean;
  createdAt: Date;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Offset cursor of the next page, or null on the last page (or the last page search shows). */
  nextCursor: string | null;
}

interface HitRow {
  kind: SearchKind;
  id: string;
  position: bigint | number;
  createdAt: Date;
  title: string;
  snippet: string;
  hidden: boolean;
  thesisSlug: string | null;
  thesisTitle: string | null;
  sourceId: string | null;
  sourceTitle: string | null;
}

const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=35, MinWords=15, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`;
// Titles are short (≤ 200 characters): mark every match in them instead of cutting fragments.
const TITLE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, HighlightAll=true`;

/**
 * Full-text search over theses, arguments, sources and quotes (the generated, weighted `search` columns and their
 * GIN indexes, see the full_text_search migration), best match or newest first, one page at a time.
 *
 * Visibility follows server/access/visibility.ts: hidden theses and arguments reach only their author, the
 * thesis's owner and appointed moderators, and site moderators; arguments of a thesis the viewer may not see are
 * left out entirely; hidden sources and quotes (and quotes of hidden sources) reach only site moderators.
 */
export async function searchContent({ params, viewer }: { params: SearchParams; viewer: Viewer }): Promise<SearchResult> {
  const [check, thesisId, topicId, authorId] = await Promise.all([
    db.$queryRaw<{ nodes: number; tree: string }[]>`
      SELECT numnode(query) AS nodes, querytree(query) AS tree FROM websearch_to_tsquery('english', ${params.q}) AS query`,
    params.thesis ? resolveThesisFilter(params.thesis, viewer) : Promise.resolve(null),
    params.topic ? resolveTopicFilter(params.topic) : Promise.resolve(null),
    params.author ? resolveAuthorFilter(params.author) : Promise.resolve(null),
  ]);
  const { nodes, tree } = check[0]!;
  if (Number(nodes) === 0) {
    throw new InvalidInputError("That query has no words to search for: only operators, punctuation or very common words such as “the”.", {
      q: ["Search for at least one meaningful word."],
    });
  }
  // querytree is "T" when nothing in the query can use the index, i.e. it only excludes words ("-sanctions"):
  // that would list almost everything, slowly.
  if (tree === "T") {
    throw new InvalidInputError("Add a word to look for: a query cannot only exclude words.", { q: ["Search for at least one word, not only “-word”."] });
  }

  const rows = await db.$queryRaw<HitRow[]>(searchStatement(params, viewer, { thesisId, topicId, authorId }));
  rows.sort((a, b) => Number(a.position) - Number(b.position));
  const pageSize = SEARCH_LIMITS.pageSize;
  const next = params.cursor + pageSize;
  const hasMore = rows.length > pageSize && next < pageSize * SEARCH_LIMITS.maxPages;
  return { hits: rows.slice(0, pageSize).map(toHit), nextCursor: hasMore ? String(next) : null };
}

/**
 * The one statement a search runs, for resolved filters (thesis, topic and author ids): exported so that the
 * benchmark (scripts/bench-search.ts) runs exactly the SQL the app issues.
 */
export function searchStatement(
  params: SearchParams,
  viewer: Viewer,
  { thesisId, topicId, authorId }: { thesisId: string | null; topicId: string | null; authorId: string | null },
): Prisma.Sql {
  const pageSize = SEARCH_LIMITS.pageSize;
  const filter = visibilitySql(viewer, { t: "t", a: "a", s: "s", q: "qu" });
  const wanted = (kind: SearchKind) => !params.kind || params.kind === kind;
  // Every branch names its columns: with a kind filter, any of them may be the first, which names the union's.
  // Filters other than kind, as SQL on a branch's columns (each empty when not asked for).
  const and = (condition: Prisma.Sql | false) => (condition ? Prisma.sql`AND ${condition}` : Prisma.empty);
  const inScope = (thesisColumn: Prisma.Sql) =>
    Prisma.sql`${and(thesisId !== null && Prisma.sql`${thesisColumn} = ${thesisId}`)}
      ${and(topicId !== null && Prisma.sql`EXISTS (SELECT 1 FROM "ThesisTopic" tt WHERE tt."thesisId" = ${thesisColumn} AND tt."topicId" = ${topicId})`)}`;
  const since = params.from ? new Date(`${params.from}T00:00:00.000Z`) : null;
  const until = params.to ? new Date(Date.parse(`${params.to}T00:00:00.000Z`) + 86_400_000) : null;
  const madeBy = (createdAt: Prisma.Sql, authorColumn: Prisma.Sql) =>
    Prisma.sql`${and(since !== null && Prisma.sql`${createdAt} >= ${since}`)} ${and(until !== null && Prisma.sql`${createdAt} < ${until}`)}
      ${and(authorId !== null && Prisma.sql`${authorColumn} = ${authorId}`)}`;

  // Each kind's newest matches, SEARCH_LIMITS.rankedMatches at most: ts_rank reads the whole document of every row
  // it ranks, and ranking all the matches of a common word (most of 100,000 arguments) took seconds. Best match is
  // the best of those (newest first never needs more than the last page's end). The "createdAt" index lets a common
  // word stop after them; a rare word still goes through the GIN index (the planner sees the tsquery, below).
  const newestMatches = (branch: Prisma.Sql, alias: Prisma.Sql) =>
    Prisma.sql`(${branch}
      ORDER BY ${alias}."createdAt" DESC, ${alias}."id" DESC LIMIT ${SEARCH_LIMITS.rankedMatches})`;
  const branches: Prisma.Sql[] = [];
  if (wanted("thesis")) {
    branches.push(newestMatches(Prisma.sql`
      SELECT 'thesis' AS kind, t."id", ts_rank(t."search", q.query) AS rank, t."createdAt"
      FROM "Thesis" t, q
      WHERE t."search" @@ q.query AND ${filter.thesis} ${inScope(Prisma.sql`t."id"`)} ${madeBy(Prisma.sql`t."createdAt"`, Prisma.sql`t."authorId"`)}`, Prisma.sql`t`));
  }
  if (wanted("argument")) {
    branches.push(newestMatches(Prisma.sql`
      SELECT 'argument' AS kind, a."id", ts_rank(a."search", q.query) AS rank, a."createdAt"
      FROM "Argument" a JOIN "Thesis" t ON t."id" = a."thesisId", q
      WHERE a."search" @@ q.query AND ${filter.thesis} AND ${filter.argument}
        ${inScope(Prisma.sql`a."thesisId"`)} ${madeBy(Prisma.sql`a."createdAt"`, Prisma.sql`a."authorId"`)}`, Prisma.sql`a`));
  }
  // Within a thesis (or a topic's theses), sources and quotes are those their visible arguments cite now (current
  // revisions).
  const scoped = thesisId !== null || topicId !== null;
  const citedIn = (quoteColumn: Prisma.Sql) =>
    scoped
      ? Prisma.sql`AND EXISTS (SELECT 1 FROM "Citation" c JOIN "Argument" ca ON ca."currentRevisionId" = c."revisionId"
                               WHERE c."quoteId" = ${quoteColumn} AND ${listedSql.argument("ca")} ${inScope(Prisma.sql`ca."thesisId"`)})`
      : Prisma.empty;
  if (wanted("source")) {
    branches.push(newestMatches(Prisma.sql`
      SELECT 'source' AS kind, s."id", ts_rank(s."search", q.query) AS rank, s."createdAt"
      FROM "Source" s, q
      WHERE s."search" @@ q.query AND ${filter.source} ${madeBy(Prisma.sql`s."createdAt"`, Prisma.sql`s."addedById"`)}
        ${scoped ? Prisma.sql`AND EXISTS (SELECT 1 FROM "Quote" sq WHERE sq."sourceId" = s."id" ${citedIn(Prisma.sql`sq."id"`)})` : Prisma.empty}`, Prisma.sql`s`));
  }
  if (wanted("quote")) {
    branches.push(newestMatches(Prisma.sql`
      SELECT 'quote' AS kind, qu."id", ts_rank(qu."search", q.query) AS rank, qu."createdAt"
      FROM "Quote" qu JOIN "Source" s ON s."id" = qu."sourceId", q
      WHERE qu."search" @@ q.query AND ${filter.source} AND ${filter.quote} ${citedIn(Prisma.sql`qu."id"`)}
        ${madeBy(Prisma.sql`qu."createdAt"`, Prisma.sql`qu."createdById"`)}`, Prisma.sql`qu`));
  }
  const order = params.sort === "newest" ? Prisma.sql`"createdAt" DESC, id DESC` : Prisma.sql`rank DESC, "createdAt" DESC, id DESC`;

  // One statement: rank the matches, keep one page, and only then build headlines (ts_headline re-parses the whole
  // text, so it runs for the page's rows, not for every match). `q` is not materialized, so that every use of it
  // is the tsquery itself, which the planner can estimate (a common word scans "createdAt" newest first, a rare
  // one the GIN index); the page's positions are numbered after its LIMIT, so that the sort keeps only the page.
  return Prisma.sql`
    WITH q AS NOT MATERIALIZED (SELECT websearch_to_tsquery('english', ${params.q}) AS query),
    hits AS (${Prisma.join(branches, " UNION ALL ")}),
    page AS (
      SELECT kind, id, "createdAt", row_number() OVER (ORDER BY ${order}) AS position
      FROM (SELECT * FROM hits ORDER BY ${order} LIMIT ${pageSize + 1} OFFSET ${params.cursor}) AS shown
    )
    SELECT p.kind, p.id, p.position, p."createdAt",
           ts_headline('english', t."title", q.query, ${TITLE_OPTIONS}) AS title,
           ts_headline('english', t."body", q.query, ${HEADLINE_OPTIONS}) AS snippet,
           t."visibility" = 'HIDDEN' AS hidden, t."slug" AS "thesisSlug", t."title" AS "thesisTitle",
           NULL AS "sourceId", NULL AS "sourceTitle"
    FROM page p JOIN "Thesis" t ON p.kind = 'thesis' AND t."id" = p.id, q
    UNION ALL
    SELECT p.kind, p.id, p.position, p."createdAt", t."title",
           ts_headline('english', a."body", q.query, ${HEADLINE_OPTIONS}),
           a."status" = 'HIDDEN', t."slug", t."title", NULL, NULL
    FROM page p JOIN "Argument" a ON p.kind = 'argument' AND a."id" = p.id JOIN "Thesis" t ON t."id" = a."thesisId", q
    UNION ALL
    SELECT p.kind, p.id, p.position, p."createdAt",
           ts_headline('english', s."title", q.query, ${TITLE_OPTIONS}),
           ts_headline('english', left(s."text", 100000), q.query, ${HEADLINE_OPTIONS}),
           s."visibility" = 'HIDDEN', NULL, NULL, s."id", s."title"
    FROM page p JOIN "Source" s ON p.kind = 'source' AND s."id" = p.id, q
    UNION ALL
    SELECT p.kind, p.id, p.position, p."createdAt", s."title",
           ts_headline('english', qu."exact", q.query, ${HEADLINE_OPTIONS}),
           qu."visibility" = 'HIDDEN' OR s."visibility" = 'HIDDEN', NULL, NULL, s."id", s."title"
    FROM page p JOIN "Quote" qu ON p.kind = 'quote' AND qu."id" = p.id JOIN "Source" s ON s."id" = qu."sourceId", q`;
}


function toHit(row: HitRow): SearchHit {
  const thesis = row.thesisSlug && row.thesisTitle ? { slug: row.thesisSlug, title: row.thesisTitle } : null;
  const source = row.sourceId && row.sourceTitle ? { id: row.sourceId, title: row.sourceTitle } : null;
  const url =
    row.kind === "thesis"
      ? debateHref(thesis!.slug)
      : row.kind === "argument"
        ? debateHref(thesis!.slug, { argumentId: row.id })
        : row.kind === "source"
          ? `/sources/${row.id}`
          : `/sources/${source!.id}#quote-${row.id}`;
  return {
    kind: row.kind,
    id: row.id,
    url,
    title: snippetParts(row.title),
    snippet: snippetParts(row.snippet),
    thesis,
    source,
    hidden: row.hidden,
    createdAt: row.createdAt,
  };
}

/** The thesis a `thesis=` filter names; unknown and invisible theses are refused alike, so the filter leaks nothing. */
async function resolveThesisFilter(slug: string, viewer: Viewer): Promise<string> {
  const thesis = await db.thesis.findUnique({ where: { slug }, select: { id: true, authorId: true, visibility: true } });
  const visible = thesis && (thesis.visibility === "VISIBLE" || (await viewerModeratesThesis(viewer, thesis)));
  if (!thesis || !visible) throw new InvalidInputError("No thesis has that address.", { thesis: ["No thesis has that address."] });
  return thesis.id;
}

/** The topic a `topic=` filter names. */
async function resolveTopicFilter(slug: string): Promise<string> {
  const topic = await db.topic.findUnique({ where: { slug }, select: { id: true } });
  if (!topic) throw new InvalidInputError("No topic has that address.", { topic: ["No topic has that address."] });
  return topic.id;
}

/** The member an `author=` filter names, by handle. */
async function resolveAuthorFilter(handle: string): Promise<string> {
  const user = await db.user.findUnique({ where: { handle: handle.toLowerCase() }, select: { id: true } });
  if (!user) throw new InvalidInputError("No member has that handle.", { author: ["No member has that handle."] });
  return user.id;
}
