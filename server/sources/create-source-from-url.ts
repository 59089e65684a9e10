import "server-only";
import { db } from "../db";
import { uniqueViolation } from "../errors";
import { limitRule, takeLimit } from "../access/limits";
import type { CurrentUser } from "../auth/current-user";
import type { AddSourceByUrlInput } from "@/lib/validation/source";
import { FetchRefusedError, parseFetchableUrl, safeFetchHtml, type SafeFetchOptions } from "./safe-fetch";
import { decodeHtml, extractArticle } from "./extract-article";
import { canonicalizeUrl, chooseCanonicalUrl } from "./canonical-url";
import { hashSnapshot } from "./hash-text";
import { sourceSummarySelect } from "./source-select";

/**
 * The source a URL stands for: an existing one when its canonical URL is known, else a fresh snapshot
 * fetched (safely) and stored. The fetch happens outside any transaction; only the insert is written.
 */
export async function createSourceFromUrl({
  actor,
  input,
  fetchOptions,
}: {
  actor: Pick<CurrentUser, "id">;
  input: AddSourceByUrlInput;
  fetchOptions?: SafeFetchOptions;
}) {
  const requested = parseFetchableUrl(input.url);
  const known = await db.source.findUnique({ where: { canonicalUrl: canonicalizeUrl(requested.toString()) }, select: sourceSummarySelect });
  if (known) return { source: known, created: false };

  const rule = limitRule("sourceUrl");
  if (rule) await takeLimit(rule, `user:${actor.id}`);
  const page = await safeFetchHtml(requested.toString(), fetchOptions);
  const article = extractArticle(decodeHtml(page.body, page.charset), page.finalUrl);
  if (!article) {
    throw new FetchRefusedError("No article text could be found on that page. If it is behind a paywall or built by scripts, paste the text instead.");
  }
  const canonicalUrl = chooseCanonicalUrl(page.finalUrl, article.canonicalHref);
  const data = {
    canonicalUrl,
    url: requested.toString(),
    finalUrl: page.finalUrl,
    title: article.title,
    publisher: article.publisher,
    byline: article.byline,
    publishedAt: article.publishedAt,
    captureMethod: "FETCHED" as const,
    capturedAt: new Date(),
    text: article.text,
    sha256: hashSnapshot(article.text),
    contentType: page.contentType,
    addedById: actor.id,
  };
  try {
    return await db.$transaction(async (tx) => {
      // A redirect or a rel=canonical can lead to a page we already hold.
      const existing = await tx.source.findUnique({ where: { canonicalUrl }, select: sourceSummarySelect });
      if (existing) return { source: existing, created: false };
      return { source: await tx.source.create({ data, select: sourceSummarySelect }), created: true };
    });
  } catch (error) {
    // Two members added the same page at once: both get the one source.
    if (uniqueViolation(error)) {
      const existing = await db.source.findUnique({ where: { canonicalUrl }, select: sourceSummarySelect });
      if (existing) return { source: existing, created: false };
    }
    throw error;
  }
}
