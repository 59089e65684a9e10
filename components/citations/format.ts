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
