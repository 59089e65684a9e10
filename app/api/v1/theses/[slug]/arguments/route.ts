import { apiRoute } from "@/server/api/route-handler";
import { postArgumentBodySchema } from "@/lib/validation/argument";
import { getThesisBySlug } from "@/server/theses/get-thesis-page";
import { createArgument } from "@/server/arguments/create-argument";
import { revalidateArgumentMap } from "@/server/arguments/get-argument-map";

export const POST = apiRoute<{ slug: string }>(
  async ({ params, json, requireUser }) => {
    const input = await json(postArgumentBodySchema);
    const actor = await requireUser();
    const thesis = await getThesisBySlug(params.slug);
    const argument = await createArgument({ actor, input: { ...input, thesisId: thesis.id } });
    revalidateArgumentMap(thesis.slug);
    return { argument };
  },
  { status: 201 },
);

