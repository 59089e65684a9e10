import "server-only";
import { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { listedSql } from "../access/visibility";
import type { SourceSort } from "@/lib/validation/source";

export const SOURCES_PAGE_SIZE = 20;

export interface SourceListItem {
  id: string;
  title: string;
  publisher: string | null;
  url: string | null;
  canonicalUrl: string | null;
  captureMethod: "FETCHED" | "PASTED";
  publishedAt: Date | null;
  createdAt: Date;
  /** Visible arguments whose current text cites a visible quote of the source: the source page's "Cited by". */
  citedBy: number;
  quoteCount: number;
}

/** `text` as a literal inside an ILIKE pattern: %, _ and the escape character itself match only themselves. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * One page of the sources index: a page's newest snapshot only (earlier ones are linked from it). Hidden sources are left out for every viewer, as in the cite picker's search
 * (server/sources/search-sources.ts): a hidden source keeps its page, not its place in listings.
 * Paged by page number, not by cursor: "most cited" changes as arguments cite, so a cursor on it would not
 * stay stable either, and page numbers let a reader jump. Ties (and "newest") fall back to creation time, then
 * id, so the order is total and no source shows on two pages of an unchanged list.
 */
export async function listSources({
  query = "",
  sort = "cited",
  page = 1,
  pageSize = SOURCES_PAGE_SIZE,
}: {
  query?: string;
  sort?: SourceSort;
  page?: number;
  pageSize?: number;
}) {
  const q = query.trim();
  const where = q
    ? Prisma.sql`${listedSql.source()} AND s."supersededById" IS NULL AND (s."title" ILIKE ${likeContains(q)} OR s."publisher" ILIKE ${likeContains(q)}
        OR s."canonicalUrl" ILIKE ${likeContains(q)} OR s."url" ILIKE ${likeContains(q)})`
    : Prisma.sql`${listedSql.source()} AND s."supersededById" IS NULL`;
  const order =
    sort === "cited"
      ? Prisma.sql`"citedBy" DESC, s."createdAt" DESC, s."id" DESC`
      : Prisma.sql`s."createdAt" DESC, s."id" DESC`;
  const offset = (page - 1) * pageSize;
  const [items, [counted]] = await Promise.all([
    db.$queryRaw<SourceListItem[]>`
      SELECT s."id", s."title", s."publisher", s."url", s."canonicalUrl", s."captureMethod"::text AS "captureMethod",
             s."publishedAt", s."createdAt", COALESCE(cited.n, 0)::int AS "citedBy", COALESCE(quoted.n, 0)::int AS "quoteCount"
      FROM "Source" s
      LEFT JOIN LATERAL (
        SELECT count(DISTINCT a."id") AS n
        FROM "Quote" q
        JOIN "Citation" c ON c."quoteId" = q."id"
        JOIN "Argument" a ON a."currentRevisionId" = c."revisionId"
        WHERE q."sourceId" = s."id" AND ${listedSql.quote()} AND ${listedSql.argument()}
      ) cited ON true
      LEFT JOIN LATERAL (
        SELECT count(*) AS n FROM "Quote" q WHERE q."sourceId" = s."id" AND ${listedSql.quote()}
      ) quoted ON true
      WHERE ${where}
      ORDER BY ${order}
      LIMIT ${pageSize} OFFSET ${offset}`,
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "Source" s WHERE ${where}`,
  ]);
  const total = counted?.total ?? 0;
  return { items, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

export type SourceList = Awaited<ReturnType<typeof listSources>>;
