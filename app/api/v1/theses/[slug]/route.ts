import { apiRoute } from "@/server/api/route-handler";
import { getThesisPage } from "@/server/theses/get-thesis-page";

export const GET = apiRoute<{ slug: string }>(async ({ params }) => {
  const { thesis, argumentRows } = await getThesisPage(params.slug);
  return { thesis, arguments: argumentRows.map(({ path: _path, ...row }) => row) };
});
