import "server-only";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { stripDisallowedControls } from "@/lib/validation/primitives";

export interface ExtractedArticle {
  title: string;
  byline: string | null;
  publisher: string | null;
  publishedAt: Date | null;
  /** Main text: paragraphs separated by a blank line, whitespace inside a paragraph collapsed. */
  text: string;
  /** <link rel="canonical">, absolute, when the page declares one. */
  canonicalHref: string | null;
}

/** Fewer characters than this is navigation or an error page, not an article. */
export const MIN_ARTICLE_CHARS = 200;
/** Stored snapshots stay well within what a page can render and anchor quickly. */
export const MAX_SNAPSHOT_CHARS = 500_000;

const BLOCKS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "DD", "DIV", "DL", "DT", "FIGCAPTION", "FIGURE", "FOOTER", "H1", "H2",
  "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN", "OL", "P", "PRE", "SECTION", "TABLE", "TD", "TH", "TR", "UL",
]);

/** Decodes the body with the charset the response or the page declares (UTF-8 by default). */
export function decodeHtml(body: Buffer, headerCharset: string | null): string {
  const sniff = body.subarray(0, 2048).toString("latin1");
  const metaCharset = /<meta[^>]+charset=["']?([\w.:-]+)/i.exec(sniff)?.[1] ?? null;
  for (const label of [headerCharset, metaCharset, "utf-8"]) {
    if (!label) continue;
    try {
      return new TextDecoder(label).decode(body);
    } catch {
      // Unknown label: try the next one.
    }
  }
  return body.toString("utf8");
}

/**
 * The article's main text and metadata, via Mozilla Readability (what Firefox's reader view uses) on a
 * linkedom document. Metadata comes from the page's own declarations (Open Graph, article:*, JSON-LD).
 */
export function extractArticle(html: string, pageUrl: string): ExtractedArticle | null {
  // A page may contain NUL and other control characters, which PostgreSQL cannot store (and no reader sees).
  const { document } = parseHTML(stripDisallowedControls(html));
  const meta = readMeta(document, pageUrl);
  // Readability mutates the document: metadata is read first.
  const article = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
  if (!article?.content) return null;
  const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  const text = blockText(content.body as unknown as Element);
  if (text.length < MIN_ARTICLE_CHARS) return null;
  return {
    title: clean(article.title) || meta.title || new URL(pageUrl).hostname,
    byline: clean(article.byline) || meta.author,
    publisher: clean(article.siteName) || meta.siteName,
    publishedAt: parseDate(article.publishedTime) ?? meta.publishedAt,
    text: text.length > MAX_SNAPSHOT_CHARS ? text.slice(0, MAX_SNAPSHOT_CHARS) : text,
    canonicalHref: meta.canonical,
  };
}

function clean(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, " ").trim();
  return text ? text.slice(0, 300) : null;
}

/** Paragraph structure survives as blank lines, so the source page can show the text as the author laid it out. */
function blockText(root: Element): string {
  const paragraphs: string[] = [];
  let current = "";
  const flush = () => {
    const paragraph = current.replace(/[ \t\r\n\f]+/g, " ").trim();
    if (paragraph) paragraphs.push(paragraph);
    current = "";
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      current += node.textContent ?? "";
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const tag = element.tagName.toUpperCase();
    if (tag === "SCRIPT" || tag === "STYLE" || tag === "NOSCRIPT" || tag === "TEMPLATE") return;
    if (tag === "BR") {
      current += "\n";
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) flush();
    for (const child of Array.from(element.childNodes)) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs.join("\n\n");
}

function parseDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value.trim());
  const year = date.getUTCFullYear();
  return Number.isNaN(date.getTime()) || year < 1800 || year > 2200 ? null : date;
}

interface PageMeta {
  title: string | null;
  author: string | null;
  siteName: string | null;
  publishedAt: Date | null;
  canonical: string | null;
}

function readMeta(document: ReturnType<typeof parseHTML>["document"], pageUrl: string): PageMeta {
  const metaContent = (...selectors: string[]) => {
    for (const selector of selectors) {
      const value = document.querySelector(selector)?.getAttribute("content");
      if (value?.trim()) return value.trim();
    }
    return null;
  };
  const jsonLd = readJsonLd(document);
  let canonical: string | null = null;
  const href = document.querySelector('link[rel="canonical"]')?.getAttribute("href");
  if (href) {
    try {
      canonical = new URL(href, pageUrl).toString();
    } catch {
      canonical = null;
    }
  }
  return {
    title: clean(metaContent('meta[property="og:title"]', 'meta[name="twitter:title"]') ?? document.querySelector("title")?.textContent),
    author: clean(metaContent('meta[name="author"]', 'meta[property="article:author"]') ?? jsonLd.author),
    siteName: clean(metaContent('meta[property="og:site_name"]', 'meta[name="application-name"]') ?? jsonLd.publisher),
    publishedAt:
      parseDate(
        metaContent(
          'meta[property="article:published_time"]',
          'meta[name="article:published_time"]',
          'meta[itemprop="datePublished"]',
          'meta[name="date"]',
          'meta[name="pubdate"]',
          'meta[name="publish-date"]',
          'meta[name="dc.date"]',
          'meta[name="DC.date.issued"]',
        ),
      ) ??
      parseDate(jsonLd.datePublished) ??
      parseDate(document.querySelector("time[datetime]")?.getAttribute("datetime")),
    canonical,
  };
}

/** datePublished, author and publisher from JSON-LD, wherever they sit (top level, arrays, @graph). */
function readJsonLd(document: ReturnType<typeof parseHTML>["document"]) {
  const found: { datePublished: string | null; author: string | null; publisher: string | null } = {
    datePublished: null,
    author: null,
    publisher: null,
  };
  const name = (value: unknown): string | null => {
    if (typeof value === "string") return value;
    if (Array.isArray(value)) return value.map(name).filter(Boolean).join(", ") || null;
    if (value && typeof value === "object" && "name" in value && typeof value.name === "string") return value.name;
    return null;
  };
  const visit = (node: unknown, depth: number) => {
    if (!node || typeof node !== "object" || depth > 6) return;
    if (Array.isArray(node)) return node.forEach((item) => visit(item, depth + 1));
    const record = node as Record<string, unknown>;
    if (!found.datePublished && typeof record.datePublished === "string") found.datePublished = record.datePublished;
    if (!found.author && record.author) found.author = name(record.author);
    if (!found.publisher && record.publisher) found.publisher = name(record.publisher);
    if (record["@graph"]) visit(record["@graph"], depth + 1);
  };
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ""), 0);
    } catch {
      // Malformed JSON-LD is common; the other sources of metadata still apply.
    }
  }
  return found;
}
