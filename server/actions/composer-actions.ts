"use server";

import { randomBytes } from "node:crypto";
import { citedQuoteIds, MAX_CITATIONS_PER_ARGUMENT } from "@/lib/validation/citation";
import { citedQuoteIdsSchema, previewDraftSchema } from "@/lib/validation/composer";
import { renderWithCitations } from "@/components/citations/argument-body";
import type { CitationView } from "../citations/load-citations";
import { loadDraftQuotes, type DraftQuote } from "../citations/load-draft-quotes";
import { getCurrentUser, requireUser } from "../auth/current-user";
import { similarToDraftSchema } from "@/lib/validation/similar";
import { findSimilarArguments, type SimilarArgument } from "../arguments/find-similar-arguments";

export type PreviewResult =
  | { ok: true; html: string; footnoteKey: string; citations: CitationView[]; problems: string[] }
  | { ok: false; message: string };

/**
 * The draft rendered by the renderer arguments are published with (lib/markdown.ts through
 * renderWithCitations), its markers numbered as saving would number them. The HTML is sanitised on the
 * server, as for a published argument; the footnote list is the same <Footnotes> component, rendered by the
 * composer from `citations`.
 */
export async function previewArgumentAction(input: unknown): Promise<PreviewResult> {
  const parsed = previewDraftSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "This draft cannot be previewed." };
  await requireUser();
  const body = parsed.data.body.trim();
  const ids = citedQuoteIds(body);
  const quotes = await loadDraftQuotes(ids.slice(0, MAX_CITATIONS_PER_ARGUMENT));
  // Footnote ids must not collide with a published argument's, nor with another open composer's.
  const footnoteKey = `draft-${randomBytes(6).toString("hex")}`;
  const citations = ids.flatMap((quoteId, index) => {
    const quote = quotes.get(quoteId);
    return quote ? [{ ...quote, argumentId: footnoteKey, number: index + 1 }] : [];
  });
  const problems: string[] = [];
  if (ids.length > MAX_CITATIONS_PER_ARGUMENT) problems.push(`An argument can cite at most ${MAX_CITATIONS_PER_ARGUMENT} quotes: saving will be refused.`);
  const missing = ids.filter((id) => !quotes.has(id)).length;
  if (missing > 0 && ids.length <= MAX_CITATIONS_PER_ARGUMENT)
    problems.push(
      `${missing === 1 ? "A citation points" : `${missing} citations point`} to a quote that does not exist or was hidden by moderators: saving will be refused until you remove ${missing === 1 ? "it" : "them"}.`,
    );
  return { ok: true, html: renderWithCitations(footnoteKey, body, citations), footnoteKey, citations, problems };
}

/** What the composer lists beside the text box for each `[[q:…]]` marker: the quote and its source. */
export async function citedQuotesAction(input: unknown): Promise<{ quotes: DraftQuote[] } | { quotes: null; message: string }> {
  const parsed = citedQuoteIdsSchema.safeParse(input);
  if (!parsed.success) return { quotes: null, message: "Malformed citation ids." };
  // A refusal, not a throw: an exception from an action reaches its caller as a 500.
  if (!(await getCurrentUser())) return { quotes: null, message: "Sign in to cite quotes." };
  return { quotes: [...(await loadDraftQuotes([...new Set(parsed.data)])).values()] };
}

/**
 * "Has this been said already?": the thesis's visible arguments most like the draft. A draft too short to compare
 * (or otherwise unusable) simply has no suggestions: the composer asks only from 20 characters on.
 */
export async function similarArgumentsAction(input: unknown): Promise<SimilarArgument[]> {
  const parsed = similarToDraftSchema.safeParse(input);
  if (!parsed.success) return [];
  return findSimilarArguments({ thesisId: parsed.data.thesisId, text: parsed.data.q, excludeId: parsed.data.exclude });
}
