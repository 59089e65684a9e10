import "server-only";
import { anchorQuote } from "@/lib/anchoring";
import type { CreateQuoteInput } from "@/lib/validation/source";
import { db } from "../db";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, uniqueViolation } from "../errors";
import type { CurrentUser } from "../auth/current-user";
import { preparedSnapshot } from "./prepared-snapshots";
import { QuoteAmbiguousError, QuoteNotFoundError } from "./quote-errors";
import { limitRule, withLimits } from "../access/limits";

export const quoteSelect = {
  id: true,
  visibility: true,
  sourceId: true,
  exact: true,
  prefix: true,
  suffix: true,
  start: true,
  end: true,
  createdAt: true,
} as const;

/**
 * Anchors a passage in the source's stored snapshot and saves it as a quote. Only a verified passage is
 * stored — typography aside, exactly as the snapshot has it; a misquote or an unresolved repeat is refused
 * with what the member needs to fix it. Quoting the same span twice returns the existing quote, unless
 * moderators hid it: one span is one quote, so a hidden one is never handed back as if new, nor duplicated.
 */
export async function createQuote({ actor, input }: { actor: Pick<CurrentUser, "id">; input: CreateQuoteInput }) {
  const source = await db.source.findUnique({
    where: { id: input.sourceId },
    select: { id: true, text: true, sha256: true, visibility: true },
  });
  if (!source) throw new NotFoundError("That source does not exist.");
  if (source.visibility === "HIDDEN") throw new ForbiddenError("This source was hidden by moderators: it cannot be quoted.");

  const result = anchorQuote(preparedSnapshot(source.sha256, source.text), input.exact, {
    prefix: input.prefix,
    suffix: input.suffix,
    start: input.start,
  });
  if (result.status === "invalid") throw new InvalidInputError(result.reason, { exact: [result.reason] });
  if (result.status === "not_found") throw new QuoteNotFoundError(result.suggestion, result.reason);
  if (result.status === "ambiguous") throw new QuoteAmbiguousError(result.candidates);

  const { selector } = result;
  const key = { sourceId_start_end: { sourceId: source.id, start: selector.start, end: selector.end } };
  const existing = await db.quote.findUnique({ where: key, select: quoteSelect });
  if (existing) return { quote: visibleOrRefused(existing), created: false };
  try {
    // A quote another request saved first (a unique violation) gives its count back.
    const quote = await withLimits([{ rule: limitRule("quote"), key: `user:${actor.id}` }], () =>
      db.quote.create({ data: { sourceId: source.id, createdById: actor.id, ...selector }, select: quoteSelect }),
    );
    return { quote, created: true };
  } catch (error) {
    if (uniqueViolation(error)) {
      const raced = await db.quote.findUnique({ where: key, select: quoteSelect });
      if (raced) return { quote: visibleOrRefused(raced), created: false };
    }
    throw error;
  }
}

function visibleOrRefused<T extends { visibility: "VISIBLE" | "HIDDEN" }>(quote: T): T {
  if (quote.visibility === "VISIBLE") return quote;
  const message = "Moderators hid this passage as a quote: it cannot be quoted again. Choose another passage, or flag the decision.";
  throw new ConflictError(message, { exact: [message] });
}
