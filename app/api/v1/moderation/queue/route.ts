import { apiRoute } from "@/server/api/route-handler";
import { reviewQueueQuerySchema } from "@/lib/validation/moderation";
import { listReviewQueue } from "@/server/moderation/list-review-queue";

/** One page of the review queue: `{ items, total, itemsBefore, nextCursor, prevCursor }`; pass a cursor back as `?cursor=`. */
export const GET = apiRoute(async ({ request, requireUser }) => {
  const viewer = await requireUser();
  const { cursor, ...filter } = reviewQueueQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return listReviewQueue({ viewer, filter, cursor });
});
