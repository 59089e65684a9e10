import "server-only";
import type { Tx } from "../db";
import { InvalidInputError } from "../errors";
import { citedQuoteIds, MAX_CITATIONS_PER_ARGUMENT } from "@/lib/validation/citation";

/**
 * Turns the `[[q:<id>]]` markers of a revision's body into its footnotes (Citation rows numbered from 1 in
 * order of first appearance). Runs inside the caller's transaction: a marker to a quote that does not exist
 * (or was hidden) aborts the whole save, so nothing is stored half-way.
 */
export async function attachCitations(tx: Tx, { revisionId, body }: { revisionId: string; body: string }): Promise<number> {
  const quoteIds = citedQuoteIds(body);
  if (quoteIds.length === 0) return 0;
  if (quoteIds.length > MAX_CITATIONS_PER_ARGUMENT) {
    const message = `An argument can cite at most ${MAX_CITATIONS_PER_ARGUMENT} quotes.`;
    throw new InvalidInputError(message, { body: [message] });
  }
  const quotes = await tx.quote.findMany({
    where: { id: { in: quoteIds }, visibility: "VISIBLE", source: { visibility: "VISIBLE" } },
    select: { id: true },
  });
  const found = new Set(quotes.map((q) => q.id));
  const missing = quoteIds.filter((id) => !found.has(id));
  if (missing.length > 0) {
    const message =
      missing.length === 1
        ? `The citation [[q:${missing[0]}]] points to a quote that does not exist (or was hidden by moderators). Remove it or pick the quote again with "Cite".`
        : `${missing.length} citations point to quotes that do not exist or were hidden (${missing.map((id) => `[[q:${id}]]`).join(", ")}). Remove them or pick the quotes again with "Cite".`;
    throw new InvalidInputError(message, { body: [message] });
  }
  await tx.citation.createMany({ data: quoteIds.map((quoteId, index) => ({ revisionId, quoteId, number: index + 1 })) });
  return quoteIds.length;
}
