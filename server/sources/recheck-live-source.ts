import "server-only";
import { anchorQuote, prepareText } from "@/lib/anchoring";
import { db } from "../db";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors";
import { limitRule, takeLimit } from "../access/limits";
import type { CurrentUser } from "../auth/current-user";
import { idSchema } from "@/lib/validation/argument";
import { FetchRefusedError, safeFetchHtml, type SafeFetchOptions } from "./safe-fetch";
import { decodeHtml, extractArticle } from "./extract-article";
import { hashSnapshot } from "./hash-text";

/** Where a quote of the checked snapshot stands on the live page. */
export type QuoteCheck =
  | { quoteId: string; exact: string; status: "present"; start: number }
  | { quoteId: string; exact: string; status: "moved"; start: number; previousStart: number }
  | { quoteId: string; exact: string; status: "gone" };

export interface LiveCheckReport {
  /** The snapshot that was checked. */
  sourceId: string;
  changed: boolean;
  /** The snapshot stored because the text changed; null when the live page still says the same thing. */
  newSourceId: string | null;
  checkedAt: Date;
  quotes: QuoteCheck[];
}

/**
 * "Check the live page": fetches a URL source again through the same safe fetcher and the same limit as adding
 * one. Unchanged text only records the check. Changed text becomes a new snapshot that takes over the canonical
 * URL, while the checked one keeps its text, hash and quotes (a quote stays anchored where it was made) and
 * points at its successor, so citations of it can say that the source has changed since.
 * Every quote is re-anchored in the live text with the rules that accepted it, hints included.
 */
export async function recheckLiveSource({
  actor,
  sourceId,
  fetchOptions,
}: {
  actor: Pick<CurrentUser, "id">;
  sourceId: string;
  fetchOptions?: SafeFetchOptions;
}): Promise<LiveCheckReport> {
  if (!idSchema.safeParse(sourceId).success) throw new NotFoundError("That source does not exist.");
  const source = await db.source.findUnique({
    where: { id: sourceId },
    select: {
      id: true,
      url: true,
      finalUrl: true,
      canonicalUrl: true,
      captureMethod: true,
      visibility: true,
      sha256: true,
      supersededById: true,
      quotes: {
        where: { visibility: "VISIBLE" },
        orderBy: { start: "asc" },
        select: { id: true, exact: true, prefix: true, suffix: true, start: true },
      },
    },
  });
  if (!source) throw new NotFoundError("That source does not exist.");
  if (source.visibility === "HIDDEN") throw new ForbiddenError("This source was hidden by moderators: it cannot be re-checked.");
  if (source.captureMethod !== "FETCHED" || !source.url) {
    throw new ConflictError("Only a page Agora fetched can be checked again; this text was pasted by a member.");
  }
  if (source.supersededById) {
    throw new ConflictError("A newer snapshot of this page exists: check that one instead.");
  }

  const rule = limitRule("sourceUrl");
  if (rule) await takeLimit(rule, `user:${actor.id}`);
  const page = await safeFetchHtml(source.finalUrl ?? source.url, fetchOptions);
  const article = extractArticle(decodeHtml(page.body, page.charset), page.finalUrl);
  if (!article) {
    throw new FetchRefusedError("No article text could be found on the live page any more; the stored snapshot is unchanged.");
  }

  const checkedAt = new Date();
  const sha256 = hashSnapshot(article.text);
  const changed = sha256 !== source.sha256;
  const live = prepareText(article.text);
  const quotes = source.quotes.map((quote): QuoteCheck => {
    const result = anchorQuote(live, quote.exact, { prefix: quote.prefix, suffix: quote.suffix });
    // Several equal passages that the stored context cannot tell apart: the quote is still there; the one at its
    // old place, if any, is the natural reading.
    const found =
      result.status === "found"
        ? result.selector.start
        : result.status === "ambiguous"
          ? (result.candidates.find((c) => c.start === quote.start) ?? result.candidates[0]!).start
          : null;
    if (found === null) return { quoteId: quote.id, exact: quote.exact, status: "gone" };
    return found === quote.start
      ? { quoteId: quote.id, exact: quote.exact, status: "present", start: found }
      : { quoteId: quote.id, exact: quote.exact, status: "moved", start: found, previousStart: quote.start };
  });

  if (!changed) {
    await db.source.update({ where: { id: source.id }, data: { checkedAt } });
    return { sourceId: source.id, changed, newSourceId: null, checkedAt, quotes };
  }

  const newSourceId = await db.$transaction(async (tx) => {
    // Releasing the canonical URL only if nobody else did first makes two parallel checks store one new snapshot.
    const released = await tx.source.updateMany({
      where: { id: source.id, supersededById: null },
      data: { canonicalUrl: null, checkedAt },
    });
    if (released.count === 0) throw new ConflictError("Someone else has just checked this page: reload to see the newer snapshot.");
    const created = await tx.source.create({
      data: {
        canonicalUrl: source.canonicalUrl,
        url: source.url,
        finalUrl: page.finalUrl,
        title: article.title,
        publisher: article.publisher,
        byline: article.byline,
        publishedAt: article.publishedAt,
        captureMethod: "FETCHED",
        capturedAt: checkedAt,
        checkedAt,
        text: article.text,
        sha256,
        contentType: page.contentType,
        addedById: actor.id,
      },
      select: { id: true },
    });
    await tx.source.update({ where: { id: source.id }, data: { supersededById: created.id } });
    return created.id;
  });
  return { sourceId: source.id, changed, newSourceId, checkedAt, quotes };
}
