import "server-only";
import { db } from "../db";

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
}

/** argumentId → its current revision's footnotes, in number order. */
export type CitationMap = Map<string, CitationView[]>;

/**
 * The footnotes of the current revision of every given argument, in ONE query whatever their number (a
 * join Prisma's nested selects would split into one query per relation).
 */
export async function loadCitations(argumentIds: string[]): Promise<CitationMap> {
  const map: CitationMap = new Map();
  if (argumentIds.length === 0) return map;
  const rows = await db.$queryRaw<CitationView[]>`
    SELECT a."id" AS "argumentId", c."number", q."id" AS "quoteId", q."exact",
           (q."visibility" = 'HIDDEN' OR s."visibility" = 'HIDDEN') AS "quoteHidden",
           s."id" AS "sourceId", s."title" AS "sourceTitle", s."publisher", s."publishedAt",
           s."captureMethod"::text AS "captureMethod"
    FROM "Argument" a
    JOIN "Citation" c ON c."revisionId" = a."currentRevisionId"
    JOIN "Quote" q ON q."id" = c."quoteId"
    JOIN "Source" s ON s."id" = q."sourceId"
    WHERE a."id" = ANY(${argumentIds})
    ORDER BY a."id", c."number"`;
  for (const row of rows) {
    const list = map.get(row.argumentId);
    if (list) list.push(row);
    else map.set(row.argumentId, [row]);
  }
  return map;
}

/** revisionId → that revision's footnotes: the edit history shows each version with the citations it made. */
export async function loadRevisionCitations(revisionIds: string[]): Promise<CitationMap> {
  const map: CitationMap = new Map();
  if (revisionIds.length === 0) return map;
  const rows = await db.$queryRaw<(CitationView & { revisionId: string })[]>`
    SELECT c."revisionId", r."argumentId", c."number", q."id" AS "quoteId", q."exact",
           (q."visibility" = 'HIDDEN' OR s."visibility" = 'HIDDEN') AS "quoteHidden",
           s."id" AS "sourceId", s."title" AS "sourceTitle", s."publisher", s."publishedAt",
           s."captureMethod"::text AS "captureMethod"
    FROM "Citation" c
    JOIN "ArgumentRevision" r ON r."id" = c."revisionId"
    JOIN "Quote" q ON q."id" = c."quoteId"
    JOIN "Source" s ON s."id" = q."sourceId"
    WHERE c."revisionId" = ANY(${revisionIds})
    ORDER BY c."revisionId", c."number"`;
  for (const { revisionId, ...row } of rows) {
    const list = map.get(revisionId);
    if (list) list.push(row);
    else map.set(revisionId, [row]);
  }
  return map;
}
