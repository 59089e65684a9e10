import { apiRoute } from "@/server/api/route-handler";
import { createThesisSchema } from "@/lib/validation/thesis";
import { thesisListQuerySchema } from "@/lib/validation/thesis-list";
import { browseTheses } from "@/server/theses/browse-theses";
import { createThesis } from "@/server/theses/create-thesis";

export const GET = apiRoute(async ({ request }) => {
  const params = new URL(request.url).searchParams;
  const query = thesisListQuerySchema.parse({
    sort: params.get("sort") ?? undefined,
    topic: params.get("topic") ?? undefined,
    cursor: params.get("cursor") ?? undefined,
  });
  const { sort, topic, theses, nextCursor } = await browseTheses(query);
  return { sort, topic: topic && { slug: topic.slug, name: topic.name, thesisCount: topic.thesisCount }, theses, nextCursor };
});

export const POST = apiRoute(
  async ({ json, requireUser }) => {
    const input = await json(createThesisSchema);
    return { thesis: await createThesis({ actor: await requireUser(), input }) };
  },
  { status: 201 },
);
