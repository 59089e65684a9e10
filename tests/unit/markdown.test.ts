import { describe, expect, it } from "vitest";
import sanitizeHtml from "sanitize-html";
import { markdownToText, renderMarkdown, truncateText } from "@/lib/markdown";
import { stripCitationMarkers } from "@/lib/validation/citation";

describe("renderMarkdown", () => {
  it("renders the safe subset", () => {
    const html = renderMarkdown("Some *emphasis*, **strength** and a [link](https://example.org).\n\n- one\n- two");
    expect(html).toContain("<em>emphasis</em>");
    expect(html).toContain("<strong>strength</strong>");
    expect(html).toContain('<a href="https://example.org" rel="nofollow ugc noopener noreferrer">link</a>');
    expect(html).toContain("<li>two</li>");
  });

  it("never lets raw HTML or script through", () => {
    const html = renderMarkdown('<script>alert(1)</script><img src=x onerror="alert(2)"> <b onclick="x()">b</b>');
    expect(html).not.toMatch(/<script|<img|<b[ >]|<[^>]+\son\w+=/);
    expect(html).toContain("&lt;script&gt;");
  });

  it("drops javascript: and data: links but keeps their text", () => {
    const html = renderMarkdown("[click](javascript:alert(1)) and [data](data:text/html;base64,PHNjcmlwdD4=)");
    expect(html).not.toMatch(/href="(javascript|data):/);
    expect(html).toContain("click");
  });

  it("does not render headings or images from user text", () => {
    const html = renderMarkdown("# Big\n\n![pic](https://example.org/a.png)");
    expect(html).not.toMatch(/<h1|<img/);
  });
});

describe("markdownToText", () => {
  it("strips markup, decodes entities and truncates", () => {
    expect(markdownToText("**Tom & Jerry** <tag>")).toBe("Tom & Jerry <tag>");
    expect(markdownToText("word ".repeat(100), 20)).toHaveLength(20);
  });

  it("gives the words of the rendered HTML, read from tokens instead of rendering and stripping", () => {
    // The reference: what a reader sees of the rendered argument, its tags stripped and its entities decoded.
    const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };
    const rendered = (source: string, max: number) => {
      const text = sanitizeHtml(renderMarkdown(stripCitationMarkers(source)), { allowedTags: [], allowedAttributes: {} })
        .replace(/&(amp|lt|gt|quot|#39);/g, (_, entity: string) => entities[entity] ?? "")
        .replace(/\s+/g, " ")
        .trim();
      return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
    };
    const samples = [
      "**Tom & Jerry** <tag> and `a < b`",
      "First paragraph with a [link](https://example.org).\n\nSecond, *emphasis*, ~~struck~~.\nSoft break.",
      "- one\n- two\n\n> quoted [[q:clx0000000000000000000000]] text",
      "```\ncode block\n```\nafter https://example.org/x",
      "1. first\n2. second  \nhard break &copy; &quot;quoted&quot;",
      "word ".repeat(100),
    ];
    for (const sample of samples) {
      expect(markdownToText(sample, 80)).toBe(rendered(sample, 80));
    }
  });
});

describe("truncateText", () => {
  it("cuts an excerpt to the excerpt markdownToText gives for that length", () => {
    const body = "**Bold** opening words, then a [link](https://example.org) and a long tail of text ".repeat(6);
    for (const max of [10, 48, 80, 200]) expect(truncateText(markdownToText(body, 321), max)).toBe(markdownToText(body, max));
    expect(truncateText("short", 48)).toBe("short");
  });
});
