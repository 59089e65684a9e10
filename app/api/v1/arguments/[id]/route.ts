import { apiRoute } from "@/server/api/route-handler";
import { answerArgumentFocus } from "@/server/api/debate-view-endpoints";
import { editArgumentBodySchema } from "@/lib/validation/argument";
import { editArgument } from "@/server/arguments/edit-argument";
import { revalidateArgumentMap } from "@/server/arguments/get-argument-map";

/** GET /api/v1/arguments/:id?sort=&pro=&con=: an argument as a focus, with a page of its replies per side. */
export const GET = apiRoute<{ id: string }>(async ({ request, params, viewer }) =>
  answerArgumentFocus({ id: params.id, url: new URL(request.url), viewer }),
);

export const PATCH = apiRoute<{ id: string }>(async ({ params, json, requireUser }) => {
  const { body } = await json(editArgumentBodySchema);
  const actor = await requireUser();
  const argument = await editArgument({ actor, input: { argumentId: params.id, body } });
  revalidateArgumentMap(argument.thesisSlug);
  return { argument };
});
