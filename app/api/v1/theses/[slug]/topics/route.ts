import { apiRoute } from "@/server/api/route-handler";
import { setThesisTopicsSchema } from "@/lib/validation/topic";
import { updateThesisTopics } from "@/server/topics/update-thesis-topics";

/** PUT /api/v1/theses/:slug/topics { topics: [names] }: refile the thesis (its owner and moderators). */
export const PUT = apiRoute<{ slug: string }>(async ({ params, json, requireUser }) => {
  const input = await json(setThesisTopicsSchema);
  return updateThesisTopics({ actorId: (await requireUser()).id, slug: params.slug, input });
});
