"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import {
  addPastedSourceSchema,
  addSourceByUrlSchema,
  createQuoteSchema,
  recheckSourceSchema,
  type LiveCheckState,
  searchQuery,
  type CitableQuote,
  type CitableSource,
  type QuoteFormState,
} from "@/lib/validation/source";
import type { FormState } from "@/lib/form-state";
import { requireUser } from "../auth/current-user";
import { createSourceFromUrl } from "../sources/create-source-from-url";
import { createPastedSource } from "../sources/create-pasted-source";
import { createQuote } from "../quotes/create-quote";
import { QuoteAmbiguousError, QuoteNotFoundError } from "../quotes/quote-errors";
import { searchQuotes } from "../quotes/search-quotes";
import { searchSources } from "../sources/search-sources";
import { recheckLiveSource } from "../sources/recheck-live-source";
import { AppError } from "../errors";
import { invalidInput, refusal } from "./form-result";

export async function addSourceByUrlAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = addSourceByUrlSchema.safeParse({ url: formData.get("url") });
  if (!parsed.success) return invalidInput(parsed.error);
  let sourceId: string;
  try {
    const actor = await requireUser();
    sourceId = (await createSourceFromUrl({ actor, input: parsed.data })).source.id;
  } catch (error) {
    return refusal(error);
  }
  revalidatePath(`/sources/${sourceId}`);
  redirect(`/sources/${sourceId}`);
}

export async function addPastedSourceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = addPastedSourceSchema.safeParse({
    title: formData.get("title"),
    url: formData.get("url") ?? undefined,
    publisher: formData.get("publisher") ?? undefined,
    byline: formData.get("byline") ?? undefined,
    publishedAt: formData.get("publishedAt") ?? undefined,
    text: formData.get("text"),
  });
  if (!parsed.success) return invalidInput(parsed.error);
  let sourceId: string;
  try {
    const actor = await requireUser();
    sourceId = (await createPastedSource({ actor, input: parsed.data })).id;
  } catch (error) {
    return refusal(error);
  }
  redirect(`/sources/${sourceId}`);
}

/** Saves a quote; a misquote comes back with the closest passage, a repeat with the occurrences to choose. */
export async function createQuoteAction(_prev: QuoteFormState, formData: FormData): Promise<QuoteFormState> {
  const parsed = createQuoteSchema.safeParse({
    sourceId: formData.get("sourceId"),
    exact: formData.get("exact"),
    prefix: formData.get("prefix") || undefined,
    suffix: formData.get("suffix") || undefined,
    start: formData.get("start") || undefined,
  });
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const actor = await requireUser();
    const { quote, created } = await createQuote({ actor, input: parsed.data });
    revalidatePath(`/sources/${quote.sourceId}`);
    return {
      ok: true,
      successAt: Date.now(),
      message: created ? "Quote saved: it is verified against the snapshot." : "This passage was already quoted: the existing quote is used.",
      quote: { id: quote.id, exact: quote.exact, sourceId: quote.sourceId },
    };
  } catch (error) {
    if (error instanceof QuoteNotFoundError) {
      const s = error.suggestion;
      return {
        ok: false,
        message: error.message,
        fieldErrors: error.fieldErrors,
        refusal: error.reason,
        suggestion: s && { exact: s.exact, start: s.start, end: s.end },
      };
    }
    if (error instanceof QuoteAmbiguousError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors, candidates: error.candidates };
    return refusal(error);
  }
}

/** The cite picker's search: existing quotes, and sources to quote a new passage from. */
export async function searchCitableAction(query: string): Promise<{ quotes: CitableQuote[]; sources: CitableSource[] }> {
  await requireUser();
  const q = searchQuery.catch("").parse(typeof query === "string" ? query : "");
  const [quotes, sources] = await Promise.all([searchQuotes(q), searchSources(q)]);
  return {
    quotes: quotes.map((quote) => ({ ...quote, source: { ...quote.source, publishedAt: quote.source.publishedAt?.toISOString() ?? null } })),
    sources,
  };
}

/** "Check the live page": fetches a URL source again and reports where each of its quotes stands. */
export async function recheckLiveSourceAction(_prev: LiveCheckState, formData: FormData): Promise<LiveCheckState> {
  const parsed = recheckSourceSchema.safeParse({ sourceId: formData.get("sourceId") });
  if (!parsed.success) return { ok: false, message: "That source does not exist." };
  try {
    const actor = await requireUser();
    const report = await recheckLiveSource({ actor, sourceId: parsed.data.sourceId });
    revalidatePath(`/sources/${report.sourceId}`);
    const gone = report.quotes.filter((q) => q.status === "gone").length;
    return {
      ok: true,
      message: report.changed
        ? `The live page has changed since this snapshot: a new snapshot was stored${gone ? `, and ${gone === 1 ? "1 quote is" : `${gone} quotes are`} no longer on the page` : ""}.`
        : "The live page still has the same text as this snapshot.",
      report: {
        changed: report.changed,
        newSourceId: report.newSourceId,
        quotes: report.quotes.map(({ quoteId, exact, status }) => ({ quoteId, exact, status })),
      },
    };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message };
    throw error;
  }
}
