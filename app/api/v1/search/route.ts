import { apiRoute } from "@/server/api/route-handler";
import { searchContent } from "@/server/search/search-content";
import { searchParamsFromUrl, searchParamsSchema } from "@/lib/validation/search";
import { snippetHtml, type SnippetPart } from "@/lib/search/snippet";

const plain = (parts: SnippetPart[]) => parts.map((p) => p.text).join("");

export const GET = apiRoute(async ({ request, viewer }) => {
  const params = searchParamsSchema.parse(searchParamsFromUrl(new URL(request.url).searchParams));
  const { hits, nextCursor } = await searchContent({ params, viewer });
  return {
    query: params.q,
    sort: params.sort,
    results: hits.map((hit) => ({
      kind: hit.kind,
      id: hit.id,
      url: hit.url,
      title: plain(hit.title),
      // HTML with every character escaped: <mark> around matches is the only markup.
      titleHtml: snippetHtml(hit.title),
      snippet: snippetHtml(hit.snippet),
      thesis: hit.thesis,
      source: hit.source,
      hidden: hit.hidden,
      createdAt: hit.createdAt,
    })),
    nextCursor,
  };
});
