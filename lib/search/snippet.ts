/**
 * Snippets come from PostgreSQL's ts_headline with these control characters around each match instead of HTML, so
 * that user text can never smuggle markup in: everything is escaped, and only these markers become <mark>.
 */
export const MATCH_START = "\u0002";
export const MATCH_END = "\u0003";

export interface SnippetPart {
  text: string;
  match: boolean;
}

/** Splits a marked headline into plain and matched runs; stray or unbalanced markers are dropped. */
export function snippetParts(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (text: string, match: boolean) => {
    const clean = text.replaceAll(MATCH_START, "").replaceAll(MATCH_END, "");
    if (!clean) return;
    const last = parts.at(-1);
    if (last && last.match === match) last.text += clean;
    else parts.push({ text: clean, match });
  };
  let rest = headline;
  while (rest) {
    const start = rest.indexOf(MATCH_START);
    const end = start === -1 ? -1 : rest.indexOf(MATCH_END, start + 1);
    if (start === -1 || end === -1) {
      push(rest, false);
      break;
    }
    push(rest.slice(0, start), false);
    push(rest.slice(start + 1, end), true);
    rest = rest.slice(end + 1);
  }
  return parts;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** HTML for API clients: every character escaped, matches wrapped in <mark> and nothing else. */
export function snippetHtml(parts: SnippetPart[]): string {
  return parts
    .map(({ text, match }) => {
      const escaped = text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
      return match ? `<mark>${escaped}</mark>` : escaped;
    })
    .join("");
}
