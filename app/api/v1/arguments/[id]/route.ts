import { apiRoute } from "@/server/api/route-handler";
import { argumentBodySchema } from "@/lib/validation/argument";
import { z } from "zod";
import { editArgument } from "@/server/arguments/edit-argument";

export const PATCH = apiRoute<{ id: string }>(async ({ params, json, requireUser }) => {
  const { body } = await json(z.object({ body: argumentBodySchema }));
  const actor = await requireUser();
  return { argument: await editArgument({ actor, input: { argumentId: params.id, body } }) };
});
