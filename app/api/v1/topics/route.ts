import { apiRoute } from "@/server/api/route-handler";
import { InvalidInputError } from "@/server/errors";
import { topicSlugSchema } from "@/lib/validation/topic";
import { listTopics } from "@/server/topics/list-topics";

/** GET /api/v1/topics?after=<slug>: topics with theses, by slug, 50 a page; `nextCursor` goes back as `after`. */
export const GET = apiRoute(async ({ request }) => {
  const after = new URL(request.url).searchParams.get("after");
  if (after !== null && !topicSlugSchema.safeParse(after).success) {
    throw new InvalidInputError("That page cursor is not valid.", { after: ["That page cursor is not valid."] });
  }
  return listTopics({ after });
});
