/** Dates of sources are calendar dates: shown in UTC so a server in another zone does not shift them. */
export function formatSourceDate(date: Date | string | null): string | null {
  if (!date) return null;
  return new Date(date).toLocaleDateString("en-GB", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Where a quote is highlighted in its source. */
export function quoteHref(sourceId: string, quoteId: string): string {
  return `/sources/${encodeURIComponent(sourceId)}#q-${encodeURIComponent(quoteId)}`;
}

/**
 * A short plain-text excerpt of an argument's Markdown, without rendering it: lists of citing arguments
 * show hundreds of these, and a full Markdown render each would dominate the page's cost.
 */
export function plainExcerpt(markdown: string, max: number): string {
  const text = markdown
    .replace(/\[\[q:[a-z0-9]+\]\]/g, "")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`~>#]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
