import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";
import { stripCitationMarkers } from "./validation/citation";

// A safe subset: no raw HTML, images, headings or tables in arguments. markdown-it escapes HTML, and the
// sanitizer below is a second wall in case a rule ever lets something through.
const md = new MarkdownIt("zero", { html: false, linkify: true, breaks: true, typographer: false }).enable([
  "paragraph",
  "newline",
  "emphasis",
  "strikethrough",
  "backticks",
  "code",
  "fence",
  "blockquote",
  "list",
  "link",
  "linkify",
  "autolink",
  "escape",
  "entity",
]);

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "em", "strong", "s", "code", "pre", "blockquote", "ul", "ol", "li", "a"],
  allowedAttributes: { a: ["href", "rel"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  transformTags: {
    a: sanitizeHtml.simpleTransform("a", { rel: "nofollow ugc noopener noreferrer" }),
  },
};

export function renderMarkdown(source: string): string {
  return sanitizeHtml(md.render(source), SANITIZE);
}

/**
 * Plain-text excerpt for cards, previews, titles and meta tags, read from markdown-it's tokens: the words a reader
 * sees, without rendering and sanitizing HTML only to strip it again (a page labels dozens of cards). Text only:
 * React escapes it where it is shown.
 */
export function markdownToText(source: string, max = 160): string {
  const words: string[] = [];
  for (const block of md.parse(stripCitationMarkers(source), {})) {
    if (block.type === "code_block" || block.type === "fence") words.push(block.content);
    for (const token of block.children ?? []) {
      if (token.type === "text" || token.type === "code_inline") words.push(token.content);
      else if (token.type === "softbreak" || token.type === "hardbreak") words.push(" ");
    }
    words.push(" ");
  }
  return truncateText(words.join("").replace(/\s+/g, " ").trim(), max);
}

/** At most `max` characters, an ellipsis marking a cut; a shorter excerpt of an excerpt is the excerpt's own. */
export function truncateText(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
