import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createSourceFromUrl } from "@/server/sources/create-source-from-url";
import { createPastedSource } from "@/server/sources/create-pasted-source";
import { listSources } from "@/server/sources/list-sources";
import { searchSources } from "@/server/sources/search-sources";
import { recheckLiveSource } from "@/server/sources/recheck-live-source";
import { createQuote } from "@/server/quotes/create-quote";
import { loadCitations } from "@/server/citations/load-citations";
import { ConflictError, ForbiddenError } from "@/server/errors";
import { makeArgument, makeThesis, makeUser } from "../support/factories";

const original = readFileSync(path.join(__dirname, "../fixtures/sources/article.html"), "utf8");
/** What the live page serves now, per path: tests edit it between checks. */
const pages = new Map<string, string>();
let server: Server;
let base: string;
const allow = { allowLoopback: true };

beforeAll(async () => {
  server = createServer((req, res) => {
    const html = pages.get(new URL(req.url ?? "/", "http://x").pathname);
    res.writeHead(html ? 200 : 404, { "Content-Type": "text/html; charset=utf-8" });
    res.end(html ?? "<p>not found</p>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

let counter = 0;
/** A page of its own per test (the fixture's canonical link is relative, so each path is its own source). */
async function liveSource() {
  const pathname = `/story-${Date.now()}-${counter++}`;
  pages.set(pathname, original.replace('href="/news/harbour-ferries?utm_source=feed"', `href="${pathname}"`));
  const actor = await makeUser();
  const { source } = await createSourceFromUrl({ actor, input: { url: base + pathname }, fetchOptions: allow });
  const quote = async (exact: string) => (await createQuote({ actor, input: { sourceId: source.id, exact } })).quote;
  const quotes = {
    unchanged: await quote("The first ferry is due to enter service next spring."),
    moved: await quote("Other towns are watching closely."),
    reworded: await quote("a cost the councils have not yet budgeted for"),
  };
  return { pathname, actor, source, quotes };
}

describe("Check the live page", () => {
  it("records the check and finds every quote in place when the live text is the same", async () => {
    const { actor, source, quotes } = await liveSource();
    const before = await db.source.count();
    const report = await recheckLiveSource({ actor, sourceId: source.id, fetchOptions: allow });
    expect(report.changed).toBe(false);
    expect(report.newSourceId).toBeNull();
    expect(report.quotes.map((q) => [q.quoteId, q.status])).toEqual([
      [quotes.unchanged.id, "present"],
      [quotes.reworded.id, "present"],
      [quotes.moved.id, "present"],
    ]);
    expect(await db.source.count()).toBe(before);
    const stored = await db.source.findUniqueOrThrow({ where: { id: source.id } });
    expect(stored.checkedAt?.getTime()).toBe(report.checkedAt.getTime());
  });

  it("stores a changed page as a new snapshot, keeps the old one intact and reports present, moved and gone quotes", async () => {
    const { pathname, actor, source, quotes } = await liveSource();
    const old = await db.source.findUniqueOrThrow({ where: { id: source.id } });
    pages.set(
      pathname,
      pages
        .get(pathname)!
        .replace("not yet\n        budgeted for", "now budgeted for")
        .replace("<p>Other towns", "<p>An update: the second ferry has been ordered as well.</p>\n      <p>Other towns"),
    );

    const report = await recheckLiveSource({ actor, sourceId: source.id, fetchOptions: allow });
    expect(report.changed).toBe(true);
    const byId = new Map(report.quotes.map((q) => [q.quoteId, q]));
    expect(byId.get(quotes.unchanged.id)).toMatchObject({ status: "present", start: quotes.unchanged.start });
    expect(byId.get(quotes.moved.id)).toMatchObject({ status: "moved", previousStart: quotes.moved.start });
    expect((byId.get(quotes.moved.id) as { start: number }).start).toBeGreaterThan(quotes.moved.start);
    expect(byId.get(quotes.reworded.id)?.status).toBe("gone");

    const [checked, fresh] = await Promise.all([
      db.source.findUniqueOrThrow({ where: { id: source.id } }),
      db.source.findUniqueOrThrow({ where: { id: report.newSourceId! } }),
    ]);
    // The old snapshot still says what it said, with its hash and its quotes, and points at its successor.
    expect(checked.text).toBe(old.text);
    expect(checked.sha256).toBe(old.sha256);
    expect(checked.supersededById).toBe(fresh.id);
    expect(checked.canonicalUrl).toBeNull();
    expect(await db.quote.count({ where: { sourceId: source.id } })).toBe(3);
    // The new one holds the canonical URL, so adding the page again leads to it.
    expect(fresh.canonicalUrl).toBe(old.canonicalUrl);
    expect(fresh.text).toContain("now budgeted for");
    expect(fresh.text).not.toBe(old.text);
    const again = await createSourceFromUrl({ actor, input: { url: base + pathname }, fetchOptions: allow });
    expect(again).toMatchObject({ created: false, source: { id: fresh.id } });

    // Listings and the cite picker offer the newest snapshot only.
    expect((await listSources({ query: pathname })).items.map((s) => s.id)).toEqual([fresh.id]);
    expect((await searchSources(base.replace("http://", "") + pathname)).map((s) => s.id)).toEqual([fresh.id]);

    // Checking the old snapshot again is pointless: the member is sent to the newest.
    await expect(recheckLiveSource({ actor, sourceId: source.id, fetchOptions: allow })).rejects.toBeInstanceOf(ConflictError);
  });

  it("tells a citation of the old snapshot that the source has changed since", async () => {
    const { pathname, actor, source, quotes } = await liveSource();
    const thesis = await makeThesis(actor);
    const argument = await makeArgument(actor, { thesisId: thesis.id, body: `Ferries come next spring [[q:${quotes.unchanged.id}]]` });
    expect((await loadCitations([argument.id])).get(argument.id)?.[0]?.sourceChanged).toBe(false);
    pages.set(pathname, pages.get(pathname)!.replace("Other towns are watching closely.", "Other towns are not watching."));
    await recheckLiveSource({ actor, sourceId: source.id, fetchOptions: allow });
    const [footnote] = (await loadCitations([argument.id])).get(argument.id)!;
    expect(footnote).toMatchObject({ quoteId: quotes.unchanged.id, sourceId: source.id, sourceChanged: true });
  });

  it("stores one new snapshot when two members check a changed page at once", async () => {
    const { pathname, source } = await liveSource();
    pages.set(pathname, pages.get(pathname)!.replace("next spring", "next summer"));
    const [a, b] = await Promise.all([makeUser(), makeUser()]);
    const results = await Promise.allSettled([
      recheckLiveSource({ actor: a, sourceId: source.id, fetchOptions: allow }),
      recheckLiveSource({ actor: b, sourceId: source.id, fetchOptions: allow }),
    ]);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    expect(fulfilled).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConflictError);
    const stored = await db.source.findUniqueOrThrow({ where: { id: source.id } });
    expect(await db.source.count({ where: { canonicalUrl: base + pathname } })).toBe(1);
    expect(stored.supersededById).not.toBeNull();
  });

  it("refuses pasted and hidden sources, and pages it may not fetch, changing nothing", async () => {
    const actor = await makeUser();
    const pasted = await createPastedSource({
      actor,
      input: { title: "Pasted", url: null, publisher: null, byline: null, publishedAt: null, text: "A pasted text that is long enough to be a source of its own for this test." },
    });
    await expect(recheckLiveSource({ actor, sourceId: pasted.id })).rejects.toBeInstanceOf(ConflictError);

    const { source } = await liveSource();
    await db.source.update({ where: { id: source.id }, data: { visibility: "HIDDEN" } });
    await expect(recheckLiveSource({ actor, sourceId: source.id, fetchOptions: allow })).rejects.toBeInstanceOf(ForbiddenError);

    const { source: another } = await liveSource();
    // Without the loopback allowance the fetcher refuses 127.0.0.1, as it would any private address.
    await expect(recheckLiveSource({ actor, sourceId: another.id, fetchOptions: { allowLoopback: false } })).rejects.toThrow(/loopback/);
    const unchanged = await db.source.findUniqueOrThrow({ where: { id: another.id } });
    expect(unchanged.checkedAt).toBeNull();
    expect(unchanged.supersededById).toBeNull();
  });
});
