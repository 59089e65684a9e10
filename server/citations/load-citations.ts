import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";

export interface CitationView {
  argumentId: string;
  number: number;
  quoteId: string;
  exact: string;
  quoteHidden: boolean;
  sourceId: string;
  sourceTitle: string;
  publisher: string | null;
  publishedAt: Date | null;
  captureMethod: "FETCHED" | "PASTED";
  /** A re-check found the live page changed after this snapshot was taken (the quote still stands in it). */
  sourceChanged: boolean;
}

/** argumentId → its current revision's footnotes, in number order. */
export type CitationMap = Map<string, CitationView[]>;

// What a footnote shows, for both loaders below: the quote and its source, whether either is hidden. A hidden
// quote's text is left in the database (server/access/visibility.ts): footnotes only say it was hidden.
const FOOTNOTE_COLUMNS = Prisma.sql`c."number", q."id" AS "quoteId",
           CASE WHEN q."visibility" = 'HIDDEN' OR s."visibility" = 'HIDDEN' THEN '' ELSE q."exact" END AS "exact",
           (q."visibility" = 'HIDDEN' OR s."visibility" = 'HIDDEN') AS "quoteHidden",
           s."id" AS "sourceId", s."title" AS "sourceTitle", s."publisher", s."publishedAt",
           s."captureMethod"::text AS "captureMethod",
           (s."supersededById" IS NOT NULL) AS "sourceChanged"`;

function groupBy<T extends CitationView>(rows: T[], key: (row: T) => string): CitationMap {
  const map: CitationMap = new Map();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}

/**
 * The footnotes of the current revision of every given argument, in ONE query whatever their number (a
 * join Prisma's nested selects would split into one query per relation).
 */
export async function loadCitations(argumentIds: string[]): Promise<CitationMap> {
  if (argumentIds.length === 0) return new Map();
  const rows = await db.$queryRaw<CitationView[]>`
    SELECT a."id" AS "argumentId", ${FOOTNOTE_COLUMNS}
    FROM "Argument" a
    JOIN "Citation" c ON c."revisionId" = a."currentRevisionId"
    JOIN "Quote" q ON q."id" = c."quoteId"
    JOIN "Source" s ON s."id" = q."sourceId"
    WHERE a."id" = ANY(${argumentIds})
    ORDER BY a."id", c."number"`;
  return groupBy(rows, (row) => row.argumentId);
}

/** revisionId → that revision's footnotes: the edit history shows each version with the citations it made. */
export async function loadRevisionCitations(revisionIds: string[]): Promise<CitationMap> {
  if (revisionIds.length === 0) return new Map();
  const rows = await db.$queryRaw<(CitationView & { revisionId: string })[]>`
    SELECT c."revisionId", r."argumentId", ${FOOTNOTE_COLUMNS}
    FROM "Citation" c
    JOIN "ArgumentRevision" r ON r."id" = c."revisionId"
    JOIN "Quote" q ON q."id" = c."quoteId"
    JOIN "Source" s ON s."id" = q."sourceId"
    WHERE c."revisionId" = ANY(${revisionIds})
    ORDER BY c."revisionId", c."number"`;
  return groupBy(rows, (row) => row.revisionId);
}
