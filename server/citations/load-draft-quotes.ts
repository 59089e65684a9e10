import "server-only";
import { db } from "../db";
import { listedQuoteWhere } from "../access/visibility";
import type { CitationView } from "./load-citations";

/** A quote a draft cites, as a footnote shows it (number aside: that depends on the draft). */
export type DraftQuote = Omit<CitationView, "argumentId" | "number">;

/**
 * The quotes a draft's markers name, in one query, keyed by id. Only quotes that saving would accept
 * (attachCitations: the quote and its source visible): a hidden or unknown id is absent, so the composer shows
 * it as unavailable before the save refuses it.
 */
export async function loadDraftQuotes(quoteIds: string[]): Promise<Map<string, DraftQuote>> {
  if (quoteIds.length === 0) return new Map();
  const quotes = await db.quote.findMany({
    where: { id: { in: quoteIds }, ...listedQuoteWhere },
    select: {
      id: true,
      exact: true,
      source: { select: { id: true, title: true, publisher: true, publishedAt: true, captureMethod: true, supersededById: true } },
    },
  });
  return new Map(
    quotes.map((q) => [
      q.id,
      {
        quoteId: q.id,
        exact: q.exact,
        quoteHidden: false,
        sourceId: q.source.id,
        sourceTitle: q.source.title,
        publisher: q.source.publisher,
        publishedAt: q.source.publishedAt,
        captureMethod: q.source.captureMethod,
        sourceChanged: q.source.supersededById !== null,
      },
    ]),
  );
}
