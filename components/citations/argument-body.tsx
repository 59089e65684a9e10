import { randomBytes } from "node:crypto";
import { renderMarkdown } from "@/lib/markdown";
import { CITATION_MARKER } from "@/lib/validation/citation";
import type { CitationView } from "@/server/citations/load-citations";
import { escapeHtml, formatSourceDate, quoteHref } from "./format";
import { Footnotes } from "./footnotes";

/**
 * An argument's Markdown with its `[[q:…]]` markers as numbered footnote references (a preview of the quote
 * on hover and on keyboard focus) and the footnote list below. User text goes through the sanitizer in
 * lib/markdown.ts first; only then are placeholder tokens swapped for markup built here from escaped values,
 * so no unsanitised user text is ever injected.
 */
export function ArgumentBody({
  argumentId,
  body,
  citations = [],
  className = "",
  footnotes = true,
  footnoteBase,
}: {
  argumentId: string;
  body: string;
  citations?: CitationView[];
  className?: string;
  /** Compact cards leave the list out; their references then point at the footnotes on the argument's own page. */
  footnotes?: boolean;
  footnoteBase?: string;
}) {
  const html = renderWithCitations(argumentId, body, citations, footnoteBase);
  return (
    <>
      <div className={`prose-argument ${className}`} dangerouslySetInnerHTML={{ __html: html }} />
      {footnotes && <Footnotes argumentId={argumentId} citations={citations} />}
    </>
  );
}

export function renderWithCitations(argumentId: string, body: string, citations: CitationView[], footnoteBase = ""): string {
  if (!body.includes("[[q:")) return renderMarkdown(body);
  const byQuote = new Map(citations.map((c) => [c.quoteId, c]));
  // A fresh token per render: a member cannot type one in advance to forge a reference.
  const token = `zcite${randomBytes(6).toString("hex")}n`;
  const ids: string[] = [];
  const withTokens = body.replace(CITATION_MARKER, (_, id: string) => `${token}${ids.push(id) - 1}z`);
  const html = renderMarkdown(withTokens);
  const citationAt = (index: string) => byQuote.get(ids[Number(index)] ?? "");
  const tokenPattern = new RegExp(`${token}(\\d+)z`, "g");
  // The sanitizer's output is well-formed, so a scan of its tags tells where each marker landed: inside a tag
  // (a link's address, `[see]([[q:…]])`), inside a link's text, or in plain text. Each gets markup valid there.
  let linkDepth = 0;
  return html.replace(new RegExp(`<[^>]*>|${tokenPattern.source}`, "g"), (match: string, index?: string) => {
    if (match.startsWith("<")) {
      if (/^<a[\s>]/.test(match)) linkDepth++;
      else if (match === "</a>") linkDepth = Math.max(0, linkDepth - 1);
      // A marker used as a link's address points the link at the quoted passage.
      return match.replace(tokenPattern, (_, i: string) => {
        const citation = citationAt(i);
        return citation ? escapeHtml(quoteHref(citation.sourceId, citation.quoteId)) : "#";
      });
    }
    const citation = citationAt(index!);
    if (!citation) return `<span class="text-slate-500">[citation unavailable]</span>`;
    // A link cannot hold another link (nor the preview's): inside one, the reference is its number only.
    return linkDepth > 0 ? `<sup>[${citation.number}]</sup>` : referenceHtml(argumentId, citation, footnoteBase);
  });
}

function referenceHtml(argumentId: string, c: CitationView, footnoteBase: string): string {
  const tipId = `tip-${argumentId}-${c.number}`;
  const meta = [c.publisher, formatSourceDate(c.publishedAt)].filter(Boolean).map((v) => escapeHtml(v!)).join(", ");
  const quote = c.quoteHidden ? "<em>This quote was hidden by moderators.</em>" : `<q class="block italic">${escapeHtml(c.exact)}</q>`;
  return (
    `<span class="cite group relative inline-block">` +
    `<a href="${escapeHtml(footnoteBase)}#fn-${argumentId}-${c.number}" class="cite-ref rounded px-0.5 text-xs font-semibold text-blue-700 no-underline focus-visible:outline-2 focus-visible:outline-blue-600" ` +
    `aria-describedby="${tipId}" data-testid="citation-ref"><sup>[${c.number}]</sup><span class="sr-only"> footnote ${c.number}</span></a>` +
    `<span role="tooltip" id="${tipId}" class="cite-preview absolute left-0 top-full z-30 hidden w-72 max-w-[calc(100vw-2rem)] pt-1 group-hover:block group-focus-within:block">` +
    `<span class="block rounded-md border border-slate-200 bg-white p-3 text-left text-sm font-normal not-italic text-slate-800 shadow-lg">` +
    quote +
    `<span class="mt-2 block text-xs text-slate-600"><span class="font-semibold">${escapeHtml(c.sourceTitle)}</span>${meta ? `, ${meta}` : ""}</span>` +
    `<a href="${escapeHtml(quoteHref(c.sourceId, c.quoteId))}" class="mt-1 inline-block text-xs text-blue-700 underline">See the passage in the source</a>` +
    `</span></span></span>`
  );
}
