import "server-only";
import { idSchema } from "@/lib/validation/argument";
import { loadDraftQuotes } from "./load-draft-quotes";

/**
 * `?cite=<quoteId>` on a thesis page: the quote "Cite in an argument" brings along. Only a quote that exists and
 * is visible opens the composer with it; anything else says why instead.
 */
export async function readCiteParam(raw: string | string[] | undefined): Promise<{ quoteId: string | null; problem: string | null }> {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || value === "") return { quoteId: null, problem: null };
  const id = idSchema.safeParse(value);
  const quote = id.success ? (await loadDraftQuotes([id.data])).get(id.data) : undefined;
  return quote ? { quoteId: quote.quoteId, problem: null } : { quoteId: null, problem: "The quote in that link does not exist or was hidden, so nothing was cited." };
}
