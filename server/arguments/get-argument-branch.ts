import "server-only";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { getThesisBySlug } from "../theses/get-thesis-page";
import { argumentNodeSelect, INLINE_DEPTH } from "./argument-select";
import { redactHiddenArguments, viewerModeratesThesis, type Viewer } from "../moderation/redact";

/**
 * One argument of a thesis with its ancestors (for context) and its replies down to INLINE_DEPTH levels
 * below it: how a permalink and a deep branch load, in a fixed number of queries.
 */
export async function getArgumentBranch(slug: string, argumentId: string, viewer?: Viewer) {
  const thesis = await getThesisBySlug(slug, viewer);
  const focusRow = await db.argument.findFirst({ where: { id: argumentId, thesisId: thesis.id }, select: argumentNodeSelect });
  if (!focusRow) throw new NotFoundError("That argument is not part of this thesis.");
  const ancestorIds = focusRow.path.split("/").slice(0, -1);
  const [ancestorRows, descendantRows] = await Promise.all([
    db.argument.findMany({ where: { id: { in: ancestorIds } }, select: argumentNodeSelect, orderBy: { depth: "asc" } }),
    db.argument.findMany({
      where: { thesisId: thesis.id, path: { startsWith: `${focusRow.path}/` }, depth: { lte: focusRow.depth + INLINE_DEPTH } },
      select: argumentNodeSelect,
    }),
  ]);
  const all = [focusRow, ...ancestorRows, ...descendantRows];
  const moderates = all.some((row) => row.status === "HIDDEN") && (await viewerModeratesThesis(viewer, { id: thesis.id, authorId: thesis.author.id }));
  const [focus, ...rest] = redactHiddenArguments(all, viewer, moderates) as [(typeof all)[number] & { bodyRedacted: boolean }, ...((typeof all)[number] & { bodyRedacted: boolean })[]];
  const ancestors = rest.slice(0, ancestorRows.length);
  const descendants = rest.slice(ancestorRows.length);
  return { thesis, focus, ancestors, argumentRows: [focus, ...descendants] };
}
