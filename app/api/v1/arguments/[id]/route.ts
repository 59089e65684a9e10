import { apiRoute } from "@/server/api/route-handler";
import { apiArgument, apiCursor, apiSide, apiSort } from "@/server/api/debate-query";
import { editArgumentBodySchema, idSchema } from "@/lib/validation/argument";
import { editArgument } from "@/server/arguments/edit-argument";
import { revalidateArgumentMap } from "@/server/arguments/get-argument-map";
import { getArgumentFocus } from "@/server/arguments/get-argument-focus";
import { db } from "@/server/db";
import { NotFoundError } from "@/server/errors";

/**
 * GET /api/v1/arguments/:id?sort=&pro=&con=: an argument as a focus: the path from the thesis (ancestors), the
 * argument, and one page of its supporting replies (PRO) and rebuttals (CON), paged by `nextCursor`.
 */
export const GET = apiRoute<{ id: string }>(async ({ request, params, viewer }) => {
  const url = new URL(request.url);
  const sort = apiSort(url);
  const cursors = { PRO: apiCursor(url, "pro"), CON: apiCursor(url, "con") };
  if (!idSchema.safeParse(params.id).success) throw new NotFoundError("That argument does not exist.");
  const owner = await db.argument.findUnique({ where: { id: params.id }, select: { thesis: { select: { slug: true } } } });
  if (!owner) throw new NotFoundError("That argument does not exist.");
  const view = await getArgumentFocus(owner.thesis.slug, params.id, viewer, { sort, cursors });
  return {
    thesis: { slug: view.thesis.slug, title: view.thesis.title, strength: view.thesis.strength },
    ancestors: view.ancestors.map(({ body, bodyRedacted, ...rest }) => ({ ...rest, body, bodyRedacted })),
    argument: apiArgument(view.focus),
    sort,
    replies: { PRO: apiSide(view.sides.PRO), CON: apiSide(view.sides.CON) },
  };
});

export const PATCH = apiRoute<{ id: string }>(async ({ params, json, requireUser }) => {
  const { body } = await json(editArgumentBodySchema);
  const actor = await requireUser();
  const argument = await editArgument({ actor, input: { argumentId: params.id, body } });
  revalidateArgumentMap(argument.thesisSlug);
  return { argument };
});
