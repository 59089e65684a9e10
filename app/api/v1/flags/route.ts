import { apiRoute } from "@/server/api/route-handler";
import { createFlagSchema } from "@/lib/validation/moderation";
import { createFlag } from "@/server/flags/create-flag";

export const POST = apiRoute(
  async ({ json, requireUser }) => {
    const input = await json(createFlagSchema);
    return { flag: await createFlag({ actor: await requireUser(), input }) };
  },
  { status: 201 },
);
