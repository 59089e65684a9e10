import { apiRoute } from "@/server/api/route-handler";
import { similarArgumentsQuerySchema } from "@/lib/validation/similar";
import { findSimilarArguments } from "@/server/arguments/find-similar-arguments";
import { getThesisBySlug } from "@/server/theses/get-thesis-page";

/**
 * GET /api/v1/theses/:slug/similar-arguments?q=&exclude=: the visible arguments of the thesis most like `q`
 * (20–2,000 characters), for the composer's "Has this been said already?" and the duplicate picker.
 */
export const GET = apiRoute<{ slug: string }>(async ({ request, params }) => {
  const url = new URL(request.url);
  const query = similarArgumentsQuerySchema.parse({ q: url.searchParams.get("q") ?? undefined, exclude: url.searchParams.get("exclude") ?? undefined });
  const thesis = await getThesisBySlug(params.slug);
  return { arguments: await findSimilarArguments({ thesisId: thesis.id, text: query.q, excludeId: query.exclude }) };
});
