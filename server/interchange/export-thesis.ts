import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { ForbiddenError } from "../errors";
import { getThesisBySlug } from "../theses/get-thesis-page";
import { isGlobalModerator } from "../access/permissions";
import { viewerModeratesThesis, type Viewer } from "../access/visibility";
import { getStanceSummary } from "../stances/get-stance-summary";
import { CITATION_MARKER } from "@/lib/validation/citation";
import {
  THESIS_EXPORT_FORMAT,
  THESIS_EXPORT_VERSION,
  type ExportArgument,
  type ExportLogEntry,
  type ExportSource,
  type ThesisExport,
} from "@/lib/interchange/export-schema";

/** Arguments read per query: a 10,000-argument thesis is ten round trips, and memory stays two batches deep. */
export const EXPORT_BATCH = 1_000;

const person = { select: { handle: true, name: true } } as const;

/** Everything of the document except its arguments, which are read batch by batch while it is written. */
export interface ThesisExportParts {
  head: Omit<ThesisExport, "arguments" | "moderationLog">;
  /** Batches of arguments, each as its JSON text. */
  arguments: () => AsyncGenerator<string[]>;
  moderationLog: () => Promise<ExportLogEntry[]>;
}

/**
 * Opens the export of one thesis as `viewer` sees it: the thesis page's rules decide what goes in. Hidden
 * arguments (with the branches under them, so that the document stays a tree) go only to those who moderate the
 * thesis, hidden sources and quotes only to site moderators; anything left out makes the scope "public".
 */
export async function openThesisExport(slug: string, viewer: Viewer): Promise<ThesisExportParts> {
  const page = await getThesisBySlug(slug, viewer);
  if (page.textRedacted) throw new ForbiddenError("This thesis is hidden by moderators: only its owner and moderators can export it.");
  const moderates = await viewerModeratesThesis(viewer, { id: page.id, authorId: page.author.id });
  const seesHiddenEvidence = isGlobalModerator(viewer);

  const [thesis, stances, hiddenArguments, quotes] = await Promise.all([
    db.thesis.findUniqueOrThrow({
      where: { id: page.id },
      select: { id: true, slug: true, title: true, body: true, author: person, createdAt: true, status: true, visibility: true, moderationNote: true, strength: true },
    }),
    getStanceSummary(page.id, null),
    db.argument.count({ where: { thesisId: page.id, status: "HIDDEN" } }),
    citedQuotes(page.id),
  ]);
  const shownQuotes = seesHiddenEvidence ? quotes : quotes.filter((q) => q.visibility === "VISIBLE");
  const sourceRows = await db.source.findMany({
    where: { id: { in: [...new Set(shownQuotes.map((q) => q.sourceId))] }, ...(seesHiddenEvidence ? {} : { visibility: "VISIBLE" }) },
    orderBy: { id: "asc" },
    select: {
      id: true, url: true, canonicalUrl: true, finalUrl: true, title: true, publisher: true, byline: true, publishedAt: true,
      captureMethod: true, capturedAt: true, contentType: true, text: true, sha256: true, addedBy: person, createdAt: true,
      visibility: true, moderationNote: true,
    },
  });
  const sources: ExportSource[] = sourceRows.map(({ publishedAt, capturedAt, createdAt, ...source }) => ({
    ...source,
    publishedAt: publishedAt?.toISOString() ?? null,
    capturedAt: capturedAt.toISOString(),
    createdAt: createdAt.toISOString(),
    quotes: shownQuotes
      .filter((q) => q.sourceId === source.id)
      .map(({ sourceId: _s, createdAt: quoted, ...quote }) => ({ ...quote, createdAt: quoted.toISOString() })),
  }));
  const exportedQuoteIds = new Set(sources.flatMap((s) => s.quotes.map((q) => q.id)));
  const includeHidden = moderates;
  const complete = (includeHidden || hiddenArguments === 0) && exportedQuoteIds.size === quotes.length;

  return {
    head: {
      format: THESIS_EXPORT_FORMAT,
      version: THESIS_EXPORT_VERSION,
      exportedAt: new Date().toISOString(),
      scope: complete ? "complete" : "public",
      thesis: { ...thesis, createdAt: thesis.createdAt.toISOString(), stances: stanceCounts(stances.counts) },
      sources,
    },
    arguments: () => argumentBatches(thesis.id, { includeHidden, exportedQuoteIds, allQuotes: exportedQuoteIds.size === quotes.length }),
    moderationLog: () => thesisLog(thesis.id),
  };
}

/**
 * Every quote the thesis's revisions cite: written before the arguments that cite them. Found from the thesis's
 * side (its arguments' revisions' citations), so the cost follows the thesis, not the site's number of quotes.
 */
async function citedQuotes(thesisId: string) {
  const cited = await db.$queryRaw<{ quoteId: string }[]>`
    SELECT DISTINCT c."quoteId" FROM "Citation" c
      JOIN "ArgumentRevision" r ON r.id = c."revisionId"
      JOIN "Argument" a ON a.id = r."argumentId"
     WHERE a."thesisId" = ${thesisId}`;
  return db.quote.findMany({
    where: { id: { in: cited.map((c) => c.quoteId) } },
    orderBy: [{ sourceId: "asc" }, { start: "asc" }, { end: "asc" }],
    select: {
      id: true, exact: true, prefix: true, suffix: true, start: true, end: true, createdBy: person, createdAt: true,
      visibility: true, moderationNote: true, sourceId: true,
    },
  });
}

function stanceCounts(counts: Record<number, number>): ThesisExport["thesis"]["stances"] {
  return { "-2": counts[-2] ?? 0, "-1": counts[-1] ?? 0, "0": counts[0] ?? 0, "1": counts[1] ?? 0, "2": counts[2] ?? 0 };
}

/** Batches read at once: PostgreSQL builds two batches' JSON on two cores while the stream writes the one before. */
const BATCHES_IN_FLIGHT = 2;

/**
 * Arguments in order of their materialised path, in ranges of the path: a parent's path is a prefix of its
 * replies', so parents always come first (what an import needs), and the document reads depth-first like the
 * debate. The ranges' bounds (every EXPORT_BATCH-th path) come from one index-only read, so the next batches are
 * read while one is written, BATCHES_IN_FLIGHT at a time, in order. Each argument arrives as its JSON text, built
 * by PostgreSQL in one query per batch; only an export that leaves something out parses an argument to take it out.
 */
async function* argumentBatches(
  thesisId: string,
  { includeHidden, exportedQuoteIds, allQuotes }: { includeHidden: boolean; exportedQuoteIds: Set<string>; allQuotes: boolean },
): AsyncGenerator<string[]> {
  const [leftOut, bounds] = await Promise.all([includeHidden ? new Set<string>() : hiddenBranchIds(thesisId), batchBounds(thesisId)]);
  // Range i is (bounds[i - 1], bounds[i]]; the last one is open-ended, so arguments posted meanwhile are not lost.
  const ranges = [...bounds, null].map((upTo, i) => ({ after: i === 0 ? "" : bounds[i - 1]!, upTo }));
  const reading: Promise<BatchRow[]>[] = [];
  let next = 0;
  const readAhead = () => {
    while (next < ranges.length && reading.length < BATCHES_IN_FLIGHT) {
      const read = readArgumentBatch(thesisId, ranges[next++]!);
      read.catch(() => {}); // awaited in turn below; an early return must not leave it unhandled
      reading.push(read);
    }
  };
  readAhead();
  while (reading.length > 0) {
    const rows = await reading.shift()!;
    readAhead();
    const batch: string[] = [];
    for (const row of rows) {
      if (leftOut.has(row.id)) continue;
      if (allQuotes && (row.duplicateOfId === null || !leftOut.has(row.duplicateOfId))) {
        batch.push(row.json);
        continue;
      }
      const argument = JSON.parse(row.json) as ExportArgument;
      if (argument.duplicateOfId !== null && leftOut.has(argument.duplicateOfId)) argument.duplicateOfId = null;
      argument.revisions = argument.revisions.map((revision) => withoutHiddenCitations(revision, exportedQuoteIds));
      batch.push(JSON.stringify(argument));
    }
    if (batch.length > 0) yield batch;
  }
}

/** Every EXPORT_BATCH-th path of the thesis's arguments, in order: the upper bounds of the batches. */
async function batchBounds(thesisId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ path: string }[]>`
    SELECT path FROM (SELECT path, row_number() OVER (ORDER BY path) AS n FROM "Argument" WHERE "thesisId" = ${thesisId}) AS numbered
     WHERE n % ${EXPORT_BATCH} = 0 ORDER BY path`;
  return rows.map((row) => row.path);
}

/** Hidden arguments and everything under them (their paths extend the hidden one's). */
async function hiddenBranchIds(thesisId: string): Promise<Set<string>> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT a.id FROM "Argument" a
     WHERE a."thesisId" = ${thesisId}
       AND EXISTS (SELECT 1 FROM "Argument" h
                    WHERE h."thesisId" = ${thesisId} AND h.status = 'HIDDEN'
                      AND (a.path = h.path OR starts_with(a.path, h.path || '/')))`;
  return new Set(rows.map((row) => row.id));
}

/**
 * One batch, each argument as the JSON of exportArgumentSchema (keys in the schema's order; times as
 * JavaScript's toISOString writes them, since timestamps are stored to the millisecond in UTC).
 */
type BatchRow = { id: string; path: string; duplicateOfId: string | null; json: string };

async function readArgumentBatch(thesisId: string, range: { after: string; upTo: string | null }) {
  // PostgreSQL would JIT-compile this expression-heavy query whenever its estimate is high (fresh statistics after
  // a bulk load are enough): measured here, 2.5 s of compiling for a 0.2 s batch. No batch runs long enough to repay it.
  const [, rows] = await db.$transaction([db.$executeRaw`SET LOCAL jit = off`, batchQuery(thesisId, range)]);
  return rows;
}

function batchQuery(thesisId: string, { after, upTo }: { after: string; upTo: string | null }) {
  return db.$queryRaw<BatchRow[]>`
    SELECT a.id, a.path, a."duplicateOfId", json_build_object(
             'id', a.id, 'parentId', a."parentId", 'stance', a.stance,
             'author', json_build_object('handle', au.handle, 'name', au.name),
             'createdAt', to_char(a."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
             'editedAt', to_char(a."editedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
             'status', a.status, 'moderationNote', a."moderationNote", 'duplicateOfId', a."duplicateOfId",
             'currentRevision', coalesce(revs.current, revs.count),
             'revisions', revs.list,
             'votes', json_build_object('up', a."upCount", 'down', a."downCount", 'staleUp', a."staleUpCount", 'staleDown', a."staleDownCount"),
             'strength', a.strength
           )::text AS json
      FROM "Argument" a
      JOIN "User" au ON au.id = a."authorId"
     CROSS JOIN LATERAL (
           -- The current revision's number from the revisions read anyway: a join for it cost one more random
           -- read per argument.
           SELECT count(*)::int AS count, max(r.number) FILTER (WHERE r.id = a."currentRevisionId") AS current,
                  json_agg(json_build_object(
                    'number', r.number, 'body', r.body,
                    'editor', json_build_object('handle', e.handle, 'name', e.name),
                    'minor', r.minor,
                    'createdAt', to_char(r."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                    'citations', coalesce((SELECT json_agg(json_build_object('number', c.number, 'quoteId', c."quoteId") ORDER BY c.number)
                                             FROM "Citation" c WHERE c."revisionId" = r.id), '[]'::json)
                  ) ORDER BY r.number) AS list
             FROM "ArgumentRevision" r JOIN "User" e ON e.id = r."editorId"
            WHERE r."argumentId" = a.id) AS revs
     WHERE a."thesisId" = ${thesisId} AND a.path > ${after} ${upTo === null ? Prisma.empty : Prisma.sql`AND a.path <= ${upTo}`}
     ORDER BY a.path`;
}

/** A citation of a quote the viewer may not read leaves the document with its marker, so nothing points nowhere. */
function withoutHiddenCitations<R extends { body: string; citations: { number: number; quoteId: string }[] }>(revision: R, exported: Set<string>): R {
  if (revision.citations.every((c) => exported.has(c.quoteId))) return revision;
  const body = revision.body.replace(CITATION_MARKER, (marker, quoteId: string) => (exported.has(quoteId) ? marker : ""));
  const kept = revision.citations.filter((c) => exported.has(c.quoteId));
  return { ...revision, body, citations: kept.map((c, i) => ({ number: i + 1, quoteId: c.quoteId })) };
}

/** The thesis's public log (the same entries /t/<slug>/log shows), oldest first, with the site's hashes. */
async function thesisLog(thesisId: string): Promise<ExportLogEntry[]> {
  const rows = await db.moderationAction.findMany({
    where: { thesisId },
    orderBy: { seq: "asc" },
    select: { seq: true, action: true, actorRole: true, actor: person, targetType: true, targetId: true, reason: true, details: true, createdAt: true, prevHash: true, hash: true },
  });
  return rows.map((row) => ({ ...row, details: (row.details ?? null) as ExportLogEntry["details"], createdAt: row.createdAt.toISOString() }));
}

/** The whole document in memory: for the Argdown and AIF renderings, which are a fraction of its size. */
export async function collectThesisExport(parts: ThesisExportParts): Promise<ThesisExport> {
  const args: ExportArgument[] = [];
  for await (const batch of parts.arguments()) for (const json of batch) args.push(JSON.parse(json) as ExportArgument);
  return { ...parts.head, arguments: args, moderationLog: await parts.moderationLog() };
}

/**
 * The document as a byte stream: the head, then each batch of arguments as it is read (the pull only asks for
 * the next batch when the client has taken the last), then the log. Never one giant string.
 */
export function streamThesisExport(parts: ThesisExportParts): ReadableStream<Uint8Array> {
  const chunks = jsonChunks(parts)[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

async function* jsonChunks(parts: ThesisExportParts): AsyncGenerator<string> {
  const head = JSON.stringify(parts.head);
  yield `${head.slice(0, -1)},"arguments":[`;
  let first = true;
  for await (const batch of parts.arguments()) {
    const text = batch.join(",\n");
    yield first ? `\n${text}` : `,\n${text}`;
    first = false;
  }
  yield `],"moderationLog":${JSON.stringify(await parts.moderationLog())}}\n`;
}
