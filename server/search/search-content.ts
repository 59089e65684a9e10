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
  const [check, thesisId] = await Promise.all([
    db.$queryRaw<{ nodes: number; tree: string }[]>`
      SELECT numnode(query) AS nodes, querytree(query) AS tree FROM websearch_to_tsquery('english', ${params.q}) AS query`,
    params.thesis ? resolveThesisFilter(params.thesis, viewer) : Promise.resolve(null),
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

  const pageSize = SEARCH_LIMITS.pageSize;
  const filter = visibilitySql(viewer, { t: "t", a: "a", s: "s", q: "qu" });
  const wanted = (kind: SearchKind) => !params.kind || params.kind === kind;
  // Every branch names its columns: with a kind filter, any of them may be the first, which names the union's.
  const branches: Prisma.Sql[] = [];
  if (wanted("thesis")) {
    branches.push(Prisma.sql`
      SELECT 'thesis' AS kind, t."id", ts_rank(t."search", q.query) AS rank, t."createdAt"
      FROM "Thesis" t, q
      WHERE t."search" @@ q.query AND ${filter.thesis} ${thesisId ? Prisma.sql`AND t."id" = ${thesisId}` : Prisma.empty}`);
  }
  if (wanted("argument")) {
    branches.push(Prisma.sql`
      SELECT 'argument' AS kind, a."id", ts_rank(a."search", q.query) AS rank, a."createdAt"
      FROM "Argument" a JOIN "Thesis" t ON t."id" = a."thesisId", q
      WHERE a."search" @@ q.query AND ${filter.thesis} AND ${filter.argument}
        ${thesisId ? Prisma.sql`AND a."thesisId" = ${thesisId}` : Prisma.empty}`);
  }
  // Within a thesis, sources and quotes are those its visible arguments cite now (current revisions).
  const citedIn = (quoteColumn: Prisma.Sql) =>
    thesisId
      ? Prisma.sql`AND EXISTS (SELECT 1 FROM "Citation" c JOIN "Argument" ca ON ca."currentRevisionId" = c."revisionId"
                               WHERE c."quoteId" = ${quoteColumn} AND ca."thesisId" = ${thesisId} AND ${listedSql.argument("ca")})`
      : Prisma.empty;
  if (wanted("source")) {
    branches.push(Prisma.sql`
      SELECT 'source' AS kind, s."id", ts_rank(s."search", q.query) AS rank, s."createdAt"
      FROM "Source" s, q
      WHERE s."search" @@ q.query AND ${filter.source}
        ${thesisId ? Prisma.sql`AND EXISTS (SELECT 1 FROM "Quote" sq WHERE sq."sourceId" = s."id" ${citedIn(Prisma.sql`sq."id"`)})` : Prisma.empty}`);
  }
  if (wanted("quote")) {
    branches.push(Prisma.sql`
      SELECT 'quote' AS kind, qu."id", ts_rank(qu."search", q.query) AS rank, qu."createdAt"
      FROM "Quote" qu JOIN "Source" s ON s."id" = qu."sourceId", q
      WHERE qu."search" @@ q.query AND ${filter.source} AND ${filter.quote} ${citedIn(Prisma.sql`qu."id"`)}`);
  }
  const order = params.sort === "newest" ? Prisma.sql`"createdAt" DESC, id DESC` : Prisma.sql`rank DESC, "createdAt" DESC, id DESC`;

  // One statement: rank every match, keep one page, and only then build headlines (ts_headline re-parses the whole
  // text, so it runs for the page's rows, not for every match).
  const rows = await db.$queryRaw<HitRow[]>`
    WITH q AS (SELECT websearch_to_tsquery('english', ${params.q}) AS query),
    hits AS (${Prisma.join(branches, " UNION ALL ")}),
    page AS (
      SELECT kind, id, "createdAt", row_number() OVER (ORDER BY ${order}) AS position
      FROM hits ORDER BY ${order} LIMIT ${pageSize + 1} OFFSET ${params.cursor}
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

  rows.sort((a, b) => Number(a.position) - Number(b.position));
  const next = params.cursor + pageSize;
  const hasMore = rows.length > pageSize && next < pageSize * SEARCH_LIMITS.maxPages;
  return { hits: rows.slice(0, pageSize).map(toHit), nextCursor: hasMore ? String(next) : null };
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
