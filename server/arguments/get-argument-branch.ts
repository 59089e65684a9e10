import "server-only";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { getThesisBySlug } from "../theses/get-thesis-page";
import { argumentNodeSelect, INLINE_DEPTH } from "./argument-select";

/**
 * One argument of a thesis with its ancestors (for context) and its replies down to INLINE_DEPTH levels
 * below it: how a permalink and a deep branch load, in a fixed number of queries.
 */
export async function getArgumentBranch(slug: string, argumentId: string) {
  const thesis = await getThesisBySlug(slug);
  const focus = await db.argument.findFirst({ where: { id: argumentId, thesisId: thesis.id }, select: argumentNodeSelect });
  if (!focus) throw new NotFoundError("That argument is not part of this thesis.");
  const ancestorIds = focus.path.split("/").slice(0, -1);
  const [ancestors, descendants] = await Promise.all([
    db.argument.findMany({ where: { id: { in: ancestorIds } }, select: argumentNodeSelect, orderBy: { depth: "asc" } }),
    db.argument.findMany({
      where: { thesisId: thesis.id, path: { startsWith: `${focus.path}/` }, depth: { lte: focus.depth + INLINE_DEPTH } },
      select: argumentNodeSelect,
    }),
  ]);
  return { thesis, focus, ancestors, argumentRows: [focus, ...descendants] };
}
