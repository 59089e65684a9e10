import { apiRoute } from "@/server/api/route-handler";
import { getThesisPage } from "@/server/theses/get-thesis-page";

export const GET = apiRoute<{ slug: string }>(async ({ params, viewer }) => {
  const { thesis, argumentRows } = await getThesisPage(params.slug, viewer);
  return { thesis, arguments: argumentRows.map(({ path: _path, ...row }) => row) };
});
