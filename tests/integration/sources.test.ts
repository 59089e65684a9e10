import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createSourceFromUrl } from "@/server/sources/create-source-from-url";
import { createPastedSource } from "@/server/sources/create-pasted-source";
import { safeFetchHtml, FetchRefusedError } from "@/server/sources/safe-fetch";
import { refusedAddress } from "@/server/sources/address-policy";
import { canonicalizeUrl } from "@/server/sources/canonical-url";
import { addPastedSourceSchema, addSourceByUrlSchema } from "@/lib/validation/source";
import { makeUser } from "../support/factories";

const articleHtml = readFileSync(path.join(__dirname, "../fixtures/sources/article.html"), "utf8");
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const html = (body: string) => {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      res.end(body);
    };
    switch (url.pathname) {
      case "/news/harbour-ferries":
        return html(articleHtml);
      case "/redirect-to-article":
        res.writeHead(302, { Location: "/news/harbour-ferries?utm_campaign=spring" });
        return res.end();
      case "/redirect-private":
        res.writeHead(301, { Location: "http://10.0.0.1/admin" });
        return res.end();
      case "/redirect-metadata":
        res.writeHead(302, { Location: "http://169.254.169.254/latest/meta-data/" });
        return res.end();
      case "/loop":
        res.writeHead(302, { Location: `/loop?n=${Number(url.searchParams.get("n") ?? 0) + 1}` });
        return res.end();
      case "/report.pdf":
        res.writeHead(200, { "Content-Type": "application/pdf" });
        return res.end("%PDF-1.4 not html");
      case "/huge": {
        // No Content-Length: the limit must hold while streaming.
        res.writeHead(200, { "Content-Type": "text/html" });
        const chunk = `<p>${"x".repeat(64 * 1024)}</p>`;
        let sent = 0;
        const pump = () => {
          while (sent < 6 * 1024 * 1024) {
            sent += chunk.length;
            if (!res.write(chunk)) return res.once("drain", pump);
          }
          res.end();
        };
        return pump();
      }
      case "/declared-huge":
        res.writeHead(200, { "Content-Type": "text/html", "Content-Length": String(50 * 1024 * 1024) });
        return res.end("<p>short</p>");
      case "/empty":
        return html("<!doctype html><html><head><title>Nothing</title></head><body><nav><a href='/'>Home</a></nav><script>app()</script></body></html>");
      case "/slow":
        return; // never answers
      default:
        res.writeHead(404, { "Content-Type": "text/html" });
        return res.end("<p>not found</p>");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const allow = { allowLoopback: true };
const deny = { allowLoopback: false };

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchRefusedError);
  return (error as Error).message;
}

describe("adding a source by URL", () => {
  it("stores the article's main text without boilerplate, its metadata and the SHA-256 of the snapshot", async () => {
    const user = await makeUser();
    const { source, created } = await createSourceFromUrl({
      actor: user,
      input: { url: `${base}/news/harbour-ferries?utm_source=newsletter#top` },
      fetchOptions: allow,
    });
    expect(created).toBe(true);
    const stored = await db.source.findUniqueOrThrow({ where: { id: source.id } });
    expect(stored.captureMethod).toBe("FETCHED");
    expect(stored.title).toBe("Harbour towns bet on electric ferries");
    expect(stored.byline).toBe("Marta Lindqvist");
    expect(stored.publisher).toBe("The Coastal Ledger");
    expect(stored.publishedAt?.toISOString()).toBe("2025-03-14T08:30:00.000Z");
    expect(stored.canonicalUrl).toBe(`${base}/news/harbour-ferries`);
    expect(stored.finalUrl).toBe(`${base}/news/harbour-ferries?utm_source=newsletter`);
    expect(stored.contentType).toBe("text/html");
    expect(stored.text).toContain("Three harbour towns on the northern coast have ordered electric ferries");
    expect(stored.text).toContain("“Nobody has explained who pays for the second set of batteries,”");
    for (const junk of ["NAVIGATION_BOILERPLATE", "COOKIE_BANNER_TEXT", "TRACKER_SCRIPT_TEXT", "RELATED_LINK_ONE", "FOOTER_BOILERPLATE", "color: red"]) {
      expect(stored.text).not.toContain(junk);
    }
    // Paragraphs survive as blank lines.
    expect(stored.text.split("\n\n").length).toBeGreaterThanOrEqual(4);
    expect(stored.sha256).toBe(createHash("sha256").update(stored.text, "utf8").digest("hex"));
    expect(stored.capturedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("resolves the same canonical URL to the same source, directly or through a redirect", async () => {
    const user = await makeUser();
    const first = await createSourceFromUrl({ actor: user, input: { url: `${base}/news/harbour-ferries` }, fetchOptions: allow });
    const again = await createSourceFromUrl({ actor: user, input: { url: `${base.toUpperCase().replace("HTTP", "http")}/news/harbour-ferries?utm_medium=x#c` }, fetchOptions: allow });
    const redirected = await createSourceFromUrl({ actor: user, input: { url: `${base}/redirect-to-article` }, fetchOptions: allow });
    expect(again.source.id).toBe(first.source.id);
    expect(redirected.source.id).toBe(first.source.id);
    expect(again.created).toBe(false);
    expect(redirected.created).toBe(false);
    expect(await db.source.count({ where: { canonicalUrl: `${base}/news/harbour-ferries` } })).toBe(1);
  });

  it("canonicalises: lower-case host, no fragment, no default port, no tracking parameters", () => {
    expect(canonicalizeUrl("HTTPS://Example.COM:443/a/b?utm_source=x&b=2&a=1&fbclid=9#frag")).toBe("https://example.com/a/b?a=1&b=2");
    expect(canonicalizeUrl("http://example.com:80")).toBe("http://example.com/");
  });

  it("refuses non-HTML, oversized, empty, failing, slow and looping pages with clear messages, storing nothing", async () => {
    const user = await makeUser();
    const before = await db.source.count();
    const add = (url: string) => createSourceFromUrl({ actor: user, input: { url }, fetchOptions: allow });
    expect(await refusal(add(`${base}/report.pdf`))).toMatch(/serves "application\/pdf", not an HTML page/);
    expect(await refusal(add(`${base}/huge`))).toMatch(/larger than 5 MB/);
    expect(await refusal(add(`${base}/declared-huge`))).toMatch(/larger than 5 MB/);
    expect(await refusal(add(`${base}/empty`))).toMatch(/No article text could be found/);
    expect(await refusal(add(`${base}/missing`))).toMatch(/answered HTTP 404/);
    expect(await refusal(add(`${base}/loop`))).toMatch(/redirected more than 5 times/);
    expect(await refusal(add("http://127.0.0.1:1/closed-port"))).toMatch(/refused the connection/);
    expect(await refusal(add("http://no-such-host.invalid/"))).toMatch(/could not be found/);
    expect(await refusal(safeFetchHtml(`${base}/slow`, { ...allow, timeoutMs: 300 }))).toMatch(/longer than 10 seconds/);
    for (const url of ["ftp://example.com/file", "file:///etc/passwd", "javascript:alert(1)", "gopher://example.com"]) {
      expect(await refusal(add(url))).toMatch(/only http and https pages can be fetched/);
      expect(addSourceByUrlSchema.safeParse({ url }).success).toBe(false);
    }
    expect(await db.source.count()).toBe(before);
  });
});

describe("SSRF: the fetcher never reaches private space", () => {
  const publicLookup = async () => [{ address: "93.184.216.34", family: 4 }];

  it("refuses loopback, private, link-local and metadata addresses with the test allowance off", async () => {
    const user = await makeUser();
    const before = await db.source.count();
    const cases: [string, RegExp][] = [
      // The fixture server itself (a URL not yet known as a source, so a fetch is attempted).
      [`${base}/never-added`, /loopback/],
      ["http://127.0.0.1/", /loopback/],
      ["http://[::1]:8080/", /loopback/],
      ["http://10.0.0.1/", /private/],
      ["http://172.16.5.4/", /private/],
      ["http://192.168.1.1/", /private/],
      ["http://100.64.0.1/", /private/],
      ["http://169.254.169.254/latest/meta-data/", /metadata/],
      ["http://[fe80::1]/", /private/],
      ["http://[fd00::1]/", /private/],
      ["http://[::ffff:10.0.0.1]/", /private/],
      ["http://[::ffff:127.0.0.1]/", /loopback/],
      ["http://0.0.0.0/", /private/],
      ["http://224.0.0.1/", /private/],
      ["http://2130706433/", /loopback/], // 127.0.0.1 as one decimal number
    ];
    for (const [url, why] of cases) {
      const message = await refusal(createSourceFromUrl({ actor: user, input: { url }, fetchOptions: deny }));
      expect(message, url).toMatch(/^Refused to fetch/);
      expect(message, url).toMatch(why);
    }
    expect(await db.source.count()).toBe(before);
  });

  it("checks the resolved address of a name: a name resolving to a private IP is refused", async () => {
    const intranet = async (host: string) => (host === "intranet.example.test" ? [{ address: "10.1.2.3", family: 4 }] : publicLookup());
    expect(await refusal(safeFetchHtml("http://intranet.example.test/wiki", { ...deny, lookup: intranet }))).toMatch(/10\.1\.2\.3 is a private/);
    // One private answer among public ones is enough to refuse.
    const mixed = async () => [{ address: "93.184.216.34", family: 4 }, { address: "192.168.0.10", family: 4 }];
    expect(await refusal(safeFetchHtml("http://mixed.example.test/", { ...deny, lookup: mixed }))).toMatch(/192\.168\.0\.10/);
    // `localhost` through the system resolver.
    expect(await refusal(safeFetchHtml("http://localhost/", deny))).toMatch(/loopback/);
  });

  it("checks every redirect hop: a redirect from an allowed page into private space is refused", async () => {
    // The allowance lets the test server (loopback) answer; it never opens private or metadata space.
    expect(await refusal(safeFetchHtml(`${base}/redirect-private`, allow))).toMatch(/10\.0\.0\.1 is a private/);
    expect(await refusal(safeFetchHtml(`${base}/redirect-metadata`, allow))).toMatch(/metadata/);
  });

  it("classifies addresses", () => {
    expect(refusedAddress("93.184.216.34", deny)).toBeNull();
    expect(refusedAddress("2606:4700::1111", deny)).toBeNull();
    expect(refusedAddress("127.0.0.1", allow)).toBeNull();
    expect(refusedAddress("::1", allow)).toBeNull();
    expect(refusedAddress("10.0.0.1", allow)).toMatch(/private/);
    expect(refusedAddress("::ffff:a9fe:a9fe", deny)).toMatch(/metadata/);
    // Tunnelling prefixes that embed an IPv4 address (6to4 of 10.0.0.1, Teredo) are refused outright.
    expect(refusedAddress("2002:0a00:0001::1", deny)).not.toBeNull();
    expect(refusedAddress("2001:0:4136:e378:8000:63bf:3fff:fdd2", deny)).not.toBeNull();
    // IPv4-mapped and IPv4-translated spellings that are not unmapped to IPv4 are refused as their whole range.
    expect(refusedAddress("::ffff:7f00:1%eth0", deny)).not.toBeNull();
    expect(refusedAddress("::ffff:127.0.0.1%1", deny)).not.toBeNull();
    expect(refusedAddress("::ffff:0:a00:1", deny)).not.toBeNull();
    expect(refusedAddress("::ffff:8.8.8.8", deny)).toBeNull();
  });
});

describe("adding a source by pasting", () => {
  it("stores the supplied text as PASTED, hashed, without a canonical URL", async () => {
    const user = await makeUser();
    const input = addPastedSourceSchema.parse({
      title: "Annual report 2024",
      url: "https://example.org/report",
      publisher: "Example Foundation",
      byline: "",
      publishedAt: "2024-06-01",
      text: "  First paragraph of the printed report.\r\n\r\n\r\nSecond paragraph, with trailing spaces.   \n",
    });
    const source = await createPastedSource({ actor: user, input });
    const stored = await db.source.findUniqueOrThrow({ where: { id: source.id } });
    expect(stored.captureMethod).toBe("PASTED");
    expect(stored.canonicalUrl).toBeNull();
    expect(stored.url).toBe("https://example.org/report");
    expect(stored.byline).toBeNull();
    expect(stored.publishedAt?.toISOString()).toBe("2024-06-01T00:00:00.000Z");
    expect(stored.text).toBe("First paragraph of the printed report.\n\nSecond paragraph, with trailing spaces.");
    expect(stored.sha256).toBe(createHash("sha256").update(stored.text, "utf8").digest("hex"));
    expect(stored.addedById).toBe(user.id);
  });

  it("refuses missing titles, short texts, bad URLs and dates with field messages", () => {
    const result = addPastedSourceSchema.safeParse({ title: " ", url: "javascript:alert(1)", publishedAt: "14/03/2025", text: "short" });
    expect(result.success).toBe(false);
    if (result.success) return;
    const fields = Object.keys(result.error.flatten().fieldErrors).sort();
    expect(fields).toEqual(["publishedAt", "text", "title", "url"]);
  });
});
