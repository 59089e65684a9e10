import { apiRoute } from "@/server/api/route-handler";
import { moderationActionSchema } from "@/lib/validation/moderation";
import { performModerationAction } from "@/server/moderation/perform-moderation-action";
import { revalidateArgumentMap } from "@/server/arguments/get-argument-map";

/** Every moderation act, one JSON shape per `action` (see lib/validation/moderation.ts). */
export const POST = apiRoute(async ({ json, requireUser }) => {
  const input = await json(moderationActionSchema);
  const result = await performModerationAction({ actor: await requireUser(), input });
  if (result.thesisSlug) revalidateArgumentMap(result.thesisSlug);
  return { result };
});
