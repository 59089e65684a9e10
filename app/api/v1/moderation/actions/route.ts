import { apiRoute } from "@/server/api/route-handler";
import { moderationActionSchema } from "@/lib/validation/moderation";
import { performModerationAction } from "@/server/moderation/perform-moderation-action";

/** Every moderation act, one JSON shape per `action` (see lib/validation/moderation.ts). */
export const POST = apiRoute(async ({ json, requireUser }) => {
  const input = await json(moderationActionSchema);
  return { result: await performModerationAction({ actor: await requireUser(), input }) };
});
