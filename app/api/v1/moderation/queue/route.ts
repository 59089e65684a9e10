import { apiRoute } from "@/server/api/route-handler";
import { reviewQueueFilterSchema } from "@/lib/validation/moderation";
import { listReviewQueue } from "@/server/moderation/list-review-queue";

export const GET = apiRoute(async ({ request, requireUser }) => {
  const viewer = await requireUser();
  const filter = reviewQueueFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { items: await listReviewQueue({ viewer, filter }) };
});
