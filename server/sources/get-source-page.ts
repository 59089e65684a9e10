import "server-only";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { idSchema } from "@/lib/validation/argument";
import { sourceSummarySelect } from "./source-select";
import { listedSql, readsHiddenEvidence, visibilitySql, type Viewer } from "../access/visibility";

export interface CitingArgument {
  argumentId: string;
  thesisSlug: string;
  thesisTitle: string;
  authorName: string;
  body: string;
  number: number;
}

/**
 * A source with its snapshot, its quotes and the arguments whose current revision cites them, in a fixed
 * number of queries whatever the number of quotes or citations.
 */
export async function getSourcePage(id: string, viewer?: Viewer) {
  // "Cited by" names each citing argument's thesis: theses the viewer may not read are left out.
  const readable = visibilitySql(viewer, { t: "t" });
  if (!idSchema.safeParse(id).success) throw new NotFoundError("That source does not exist.");
  // Three independent queries, sent together: the page costs one round trip, not three.
  const [source, quotes, citations] = await Promise.all([
    db.source.findUnique({
      where: { id },
      select: {
        ...sourceSummarySelect,
        text: true,
        moderationNote: true,
        checkedAt: true,
        // A re-check's chain of snapshots of one page: the next and the previous one, to link between them.
        supersededBy: { select: { id: true, capturedAt: true } },
        previousVersion: { select: { id: true, capturedAt: true } },
      },
    }),
    db.quote.findMany({
      where: { sourceId: id, visibility: "VISIBLE" },
      orderBy: [{ start: "asc" }, { end: "asc" }],
      select: { id: true, exact: true, start: true, end: true, createdAt: true },
    }),
    db.$queryRaw<(CitingArgument & { quoteId: string })[]>`
      SELECT c."quoteId", c."number", a."id" AS "argumentId", t."slug" AS "thesisSlug", t."title" AS "thesisTitle",
             u."name" AS "authorName", a."body"
      FROM "Quote" q
      JOIN "Citation" c ON c."quoteId" = q."id"
      JOIN "Argument" a ON a."currentRevisionId" = c."revisionId"
      JOIN "Thesis" t ON t."id" = a."thesisId"
      JOIN "User" u ON u."id" = a."authorId"
      WHERE q."sourceId" = ${id} AND ${listedSql.quote()} AND ${listedSql.argument()} AND ${readable.thesis}
      ORDER BY a."createdAt" ASC`,
  ]);
  if (!source) throw new NotFoundError("That source does not exist.");
  // A hidden source keeps its page (title and the reason); its text and passages reach only site moderators.
  if (source.visibility === "HIDDEN" && !readsHiddenEvidence(viewer)) {
    return { source: { ...source, text: "" }, quotes: [], citedBy: new Map<string, CitingArgument[]>(), citingArguments: [] };
  }
  const citedBy = new Map<string, CitingArgument[]>();
  for (const { quoteId, ...argument } of citations) {
    const list = citedBy.get(quoteId);
    if (list) list.push(argument);
    else citedBy.set(quoteId, [argument]);
  }
  // The "cited by" list: each citing argument once, whichever of the source's quotes it cites.
  const seen = new Set<string>();
  const citingArguments = citations.filter((c) => !seen.has(c.argumentId) && seen.add(c.argumentId));
  return { source, quotes, citedBy, citingArguments };
}

export type SourcePage = Awaited<ReturnType<typeof getSourcePage>>;
