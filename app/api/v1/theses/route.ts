import { apiRoute } from "@/server/api/route-handler";
import { createThesisSchema } from "@/lib/validation/thesis";
import { listTheses } from "@/server/theses/list-theses";
import { createThesis } from "@/server/theses/create-thesis";

export const GET = apiRoute(async ({ request }) => {
  const sort = new URL(request.url).searchParams.get("sort") === "active" ? "active" : "newest";
  return { theses: await listTheses({ sort }) };
});

export const POST = apiRoute(
  async ({ json, requireUser }) => {
    const input = await json(createThesisSchema);
    return { thesis: await createThesis({ actor: await requireUser(), input }) };
  },
  { status: 201 },
);
