import { describe, expect, it } from "vitest";
import { renderWithCitations } from "@/components/citations/argument-body";
import { citedQuoteIds, stripCitationMarkers } from "@/lib/validation/citation";
import type { CitationView } from "@/server/citations/load-citations";

const citation = (over: Partial<CitationView> = {}): CitationView => ({
  argumentId: "a1",
  number: 1,
  quoteId: "q1",
  exact: "Plain quoted words.",
  quoteHidden: false,
  sourceChanged: false,
  sourceId: "s1",
  sourceTitle: "A source",
  publisher: "Publisher",
  publishedAt: new Date("2025-03-14T00:00:00Z"),
  captureMethod: "FETCHED",
  ...over,
});

describe("citation markers", () => {
  it("number quotes by first appearance and strip cleanly", () => {
    expect(citedQuoteIds("a [[q:b2]] b [[q:a1]] c [[q:b2]] [[q:BAD!]]")).toEqual(["b2", "a1"]);
    expect(stripCitationMarkers("Claim [[q:x1]]. More [[q:y2]]")).toBe("Claim. More");
  });

  it("render as footnote references with a preview, after the Markdown sanitizer", () => {
    const html = renderWithCitations("a1", "**Bold** claim [[q:q1]] and <script>alert(1)</script>", [citation()]);
    expect(html).toContain("<strong>Bold</strong>");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toMatch(/<a href="#fn-a1-1"[^>]*><sup>\[1\]<\/sup>/);
    expect(html).toContain('role="tooltip"');
    expect(html).toContain("Plain quoted words.");
    expect(html).toContain("14 Mar 2025");
    expect(html).toContain('href="/sources/s1#q-q1"');
    expect(html).not.toContain("[[q:");
  });

  it("escape quote and source text placed in the preview", () => {
    const html = renderWithCitations("a1", "Claim [[q:q1]]", [
      citation({ exact: `<img src=x onerror="alert(1)">`, sourceTitle: `"><script>x</script>`, publisher: "<b>P</b>" }),
    ]);
    expect(html).not.toMatch(/<img|<script|<b>/);
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it("cannot be forged by typing a placeholder, and show missing citations as unavailable", () => {
    const html = renderWithCitations("a1", "zcite000000000000n0z and [[q:gone]]", []);
    expect(html).toContain("zcite000000000000n0z");
    expect(html).toContain("[citation unavailable]");
  });

  it("turn a marker used as a link's address into a link to the passage, and never nest links", () => {
    const html = renderWithCitations("a1", "Look [see]([[q:q1]]), [[[q:q1]]](https://example.org) and [gone]([[q:nope]])", [citation()]);
    expect(html).toContain('<a href="/sources/s1#q-q1" rel="nofollow ugc noopener noreferrer">see</a>');
    expect(html).toContain('<a href="https://example.org" rel="nofollow ugc noopener noreferrer"><sup>[1]</sup></a>');
    expect(html).toContain('<a href="#" rel="nofollow ugc noopener noreferrer">gone</a>');
    // Well-formed: no tag inside an attribute, no link inside a link.
    expect(html).not.toMatch(/="[^"]*</);
    let depth = 0;
    for (const [tag] of html.matchAll(/<\/?a[\s>]/g)) {
      depth += tag.startsWith("</") ? -1 : 1;
      expect(depth).toBeLessThanOrEqual(1);
    }
  });
});
