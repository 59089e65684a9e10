import { apiRoute } from "@/server/api/route-handler";
import { getSourcePage } from "@/server/sources/get-source-page";

/** A source with its snapshot text, its quotes (W3C TextQuote + TextPosition) and the arguments citing them. */
export const GET = apiRoute<{ id: string }>(async ({ params, viewer }) => {
  const { source, quotes, citedBy } = await getSourcePage(params.id, viewer);
  const hidden = source.visibility === "HIDDEN";
  return {
    source: { ...source, text: hidden ? null : source.text },
    quotes: hidden
      ? []
      : quotes.map((q) => ({
          ...q,
          citedBy: (citedBy.get(q.id) ?? []).map((c) => ({ argumentId: c.argumentId, thesisSlug: c.thesisSlug, footnote: c.number })),
        })),
  };
});
