import { apiRoute } from "@/server/api/route-handler";
import { answerThesisView } from "@/server/api/debate-view-endpoints";

/** GET /api/v1/theses/:slug?sort=&pro=&con=: the thesis and one page of top-level arguments per side. */
export const GET = apiRoute<{ slug: string }>(async ({ request, params, viewer }) =>
  answerThesisView({ slug: params.slug, url: new URL(request.url), viewer }),
);
