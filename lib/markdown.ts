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

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };

/** Plain-text excerpt for previews, titles and meta tags. */
export function markdownToText(source: string, max = 160): string {
  // Citation markers ([[q:…]]) are footnote references, not words.
  const text = sanitizeHtml(md.render(stripCitationMarkers(source)), { allowedTags: [], allowedAttributes: {} })
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, entity: string) => ENTITIES[entity] ?? "")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/**
 * The same plain text as markdownToText, read from markdown-it's tokens without rendering or sanitizing HTML:
 * for pages that label hundreds of items at once (the argument map). Text only, so nothing needs escaping here.
 */
export function markdownToTextFast(source: string, max = 160): string {
  const words: string[] = [];
  for (const block of md.parse(stripCitationMarkers(source), {})) {
    if (block.type === "code_block" || block.type === "fence") words.push(block.content);
    for (const token of block.children ?? []) {
      if (token.type === "text" || token.type === "code_inline") words.push(token.content);
      else if (token.type === "softbreak" || token.type === "hardbreak") words.push(" ");
    }
    words.push(" ");
  }
  const text = words.join("").replace(/\s+/g, " ").trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
