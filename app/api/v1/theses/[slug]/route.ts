import { apiRoute } from "@/server/api/route-handler";
import { apiCursor, apiSide, apiSort } from "@/server/api/debate-query";
import { getThesisFirstScreen } from "@/server/theses/get-thesis-first-screen";

/**
 * GET /api/v1/theses/:slug?sort=&pro=&con=: the thesis (with its stored strength) and one page of top-level
 * arguments per side; `nextCursor` goes back as `pro=` or `con=` for the next page.
 */
export const GET = apiRoute<{ slug: string }>(async ({ request, params, viewer }) => {
  const url = new URL(request.url);
  const sort = apiSort(url);
  const cursors = { PRO: apiCursor(url, "pro"), CON: apiCursor(url, "con") };
  const { thesis, sides } = await getThesisFirstScreen(params.slug, viewer, { sort, cursors });
  const { supportProduct: _sp, attackProduct: _ap, ...shown } = thesis;
  return { thesis: shown, sort, arguments: { PRO: apiSide(sides.PRO), CON: apiSide(sides.CON) } };
});
