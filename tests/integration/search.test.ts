import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";

// Only the session cookie is faked: the API route resolves the viewer from the database as every request does.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/auth", async () => {
  const { fakeAuthSession } = await import("../support/fake-auth-session");
  return { auth: () => fakeAuthSession(session.userId) };
});

import { db } from "@/server/db";
import { GET as searchRoute } from "@/app/api/v1/search/route";
import { searchContent } from "@/server/search/search-content";
import { SEARCH_LIMITS, searchParamsSchema } from "@/lib/validation/search";
import type { Viewer } from "@/server/access/visibility";
import { createThesis } from "@/server/theses/create-thesis";
import { makeArgument } from "../support/factories";
import { makeMember } from "../support/moderation-fixtures";

process.env.AGORA_RATE_LIMITS = "off";

/** A word no other test writes (letters only, so the English stemmer leaves it whole). */
function uniqueWord() {
  return `zq${randomUUID().replace(/[^a-f]/g, "").slice(0, 10)}x`;
}

type Member = Awaited<ReturnType<typeof makeMember>>;
let author: Member;
let stranger: Member;
let moderator: Member;

beforeAll(async () => {
  [author, stranger, moderator] = await Promise.all([makeMember(), makeMember(), makeMember({ role: "MODERATOR" })]);
});

const viewerOf = (m: Member | null): Viewer => (m ? { id: m.id, role: m.role } : null);

async function search(q: string, viewer: Viewer, extra: Record<string, string> = {}) {
  return searchContent({ params: searchParamsSchema.parse({ q, ...extra }), viewer });
}

async function api(query: Record<string, string>, as: Member | null = null) {
  session.userId = as?.id ?? null;
  try {
    const url = `http://agora.test/api/v1/search?${new URLSearchParams(query)}`;
    const response = await searchRoute(new Request(url), { params: Promise.resolve({}) } as never);
    return { status: response.status, body: await response.json() };
  } finally {
    session.userId = null;
  }
}

async function thesis(title: string, body = "") {
  return createThesis({ actor: author, input: { title, body, topics: [] } });
}

async function source(title: string, text: string) {
  return db.source.create({
    data: { title, text, captureMethod: "PASTED", sha256: "0".repeat(64), addedById: author.id },
    select: { id: true },
  });
}

describe("search", () => {
  it("ranks a title match above a body-only match, and newest first when asked", async () => {
    const word = uniqueWord();
    const inTitle = await thesis(`Tariffs and ${word} policy`);
    const inBody = await thesis(`Something else ${uniqueWord()}`, `The description mentions ${word} once.`);
    const argument = await makeArgument(author, { thesisId: inBody.id, body: `An argument about ${word} too.` });

    const best = await search(word, null);
    expect(best.hits[0]!.id).toBe(inTitle.id);
    expect(best.hits.map((h) => h.id).sort()).toEqual([inTitle.id, inBody.id, argument.id].sort());

    const newest = await search(word, null, { sort: "newest" });
    expect(newest.hits.map((h) => h.id)).toEqual([argument.id, inBody.id, inTitle.id]);
  });

  it("ranks the newest matches of each kind, SEARCH_LIMITS.rankedMatches of them, for best match", async () => {
    const word = uniqueWord();
    const host = await thesis(`Ranking window ${uniqueWord()}`);
    const start = Date.now() - 86_400_000;
    const row = (i: number, body: string) => ({
      id: `rank${word}${i}`,
      thesisId: host.id,
      stance: "PRO" as const,
      body,
      authorId: author.id,
      depth: 0,
      path: `rank${word}${i}`,
      createdAt: new Date(start + i * 1000),
    });
    // The oldest match is the best one by far (the word five times); every newer one has it once.
    const oldest = row(0, `${word} ${word} ${word} ${word} ${word} is the point.`);
    await db.argument.createMany({ data: [oldest, ...Array.from({ length: SEARCH_LIMITS.rankedMatches }, (_, i) => row(i + 1, `Mentions ${word} once.`))] });

    // One match too many: the oldest is not among the newest ranked, and best match leaves it out.
    const bounded = await search(word, null, { kind: "argument" });
    expect(bounded.hits).toHaveLength(SEARCH_LIMITS.pageSize);
    expect(bounded.hits.map((h) => h.id)).not.toContain(oldest.id);
    // Newest first is unaffected, and once the matches fit, the best one leads again.
    expect((await search(word, null, { kind: "argument", sort: "newest" })).hits[0]!.id).toBe(`rank${word}${SEARCH_LIMITS.rankedMatches}`);
    await db.argument.delete({ where: { id: `rank${word}1` } });
    expect((await search(word, null, { kind: "argument" })).hits[0]!.id).toBe(oldest.id);
  });

  it("marks matches in snippets and escapes everything else", async () => {
    const word = uniqueWord();
    const t = await thesis(`Why ${word} matters`, `Fish & chips <img src=x onerror=alert(1)> say 5 < 6 and ${word} "quoted".`);
    const { status, body } = await api({ q: word });
    expect(status).toBe(200);
    const hit = body.results.find((r: { id: string }) => r.id === t.id);
    expect(hit.url).toBe(`/t/${t.slug}`);
    expect(hit.titleHtml).toBe(`Why <mark>${word}</mark> matters`);
    expect(hit.snippet).toContain(`<mark>${word}</mark>`);
    expect(hit.snippet).toContain("&amp;");
    expect(hit.snippet).toContain("&lt; 6");
    // Nothing but <mark> survives as markup.
    expect(hit.snippet.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
  });

  it("filters by kind and by thesis, and links every kind to its page", async () => {
    const word = uniqueWord();
    const a = await thesis(`First ${word} debate`);
    const b = await thesis(`Second ${word} debate`);
    const argA = await makeArgument(author, { thesisId: a.id, body: `Point on ${word} in the first.` });
    const argB = await makeArgument(author, { thesisId: b.id, body: `Point on ${word} in the second.` });
    const src = await source(`Report on ${word}`, `A long report text that discusses ${word} at length.`);
    const quote = await db.quote.create({
      data: { sourceId: src.id, exact: `discusses ${word}`, prefix: "", suffix: "", start: 29, end: 39 + word.length, createdById: author.id },
      select: { id: true },
    });

    const args = await search(word, null, { kind: "argument" });
    expect(args.hits.map((h) => h.id).sort()).toEqual([argA.id, argB.id].sort());
    expect(args.hits.find((h) => h.id === argA.id)!.url).toBe(`/t/${a.slug}/a/${argA.id}`);

    const inA = await search(word, null, { thesis: a.slug });
    expect(inA.hits.map((h) => h.id).sort()).toEqual([a.id, argA.id].sort());

    const sources = await search(word, null, { kind: "source" });
    expect(sources.hits.map((h) => [h.id, h.url])).toEqual([[src.id, `/sources/${src.id}`]]);
    const quotes = await search(word, null, { kind: "quote" });
    expect(quotes.hits.map((h) => [h.id, h.url])).toEqual([[quote.id, `/sources/${src.id}#quote-${quote.id}`]]);
  });

  it("never shows hidden content to visitors or other members; site moderators and authors see it", async () => {
    const word = uniqueWord();
    const open = await thesis(`Open ${word} thesis`);
    const hiddenThesis = await thesis(`Hidden ${word} thesis`);
    const inHiddenThesis = await makeArgument(author, { thesisId: hiddenThesis.id, body: `Inside a hidden thesis: ${word}.` });
    const hiddenArgument = await makeArgument(author, { thesisId: open.id, body: `Hidden argument ${word}.` });
    const hiddenSource = await source(`Hidden ${word} source`, "Text of a hidden source.");
    const visibleSource = await source(`Visible source`, `Plain text with ${word}.`);
    const hiddenQuote = await db.quote.create({
      data: { sourceId: visibleSource.id, exact: `with ${word}`, prefix: "", suffix: "", start: 11, end: 16 + word.length, createdById: author.id, visibility: "HIDDEN" },
      select: { id: true },
    });
    await db.thesis.update({ where: { id: hiddenThesis.id }, data: { visibility: "HIDDEN" } });
    await db.argument.update({ where: { id: hiddenArgument.id }, data: { status: "HIDDEN" } });
    await db.source.update({ where: { id: hiddenSource.id }, data: { visibility: "HIDDEN" } });
    const hiddenIds = [hiddenThesis.id, inHiddenThesis.id, hiddenArgument.id, hiddenSource.id, hiddenQuote.id];

    for (const viewer of [null, stranger]) {
      const { status, body } = await api({ q: word }, viewer);
      expect(status).toBe(200);
      const ids = body.results.map((r: { id: string }) => r.id);
      expect(ids.sort()).toEqual([open.id, visibleSource.id].sort());
    }

    const asModerator = await api({ q: word }, moderator);
    expect(asModerator.body.results.map((r: { id: string }) => r.id).sort()).toEqual([open.id, visibleSource.id, ...hiddenIds].sort());
    expect(asModerator.body.results.find((r: { id: string }) => r.id === hiddenArgument.id).hidden).toBe(true);

    // The author still sees their own hidden thesis and argument, as on the thesis page; not others' hidden sources.
    const asAuthor = (await search(word, viewerOf(author))).hits.map((h) => h.id);
    expect(asAuthor).toEqual(expect.arrayContaining([hiddenThesis.id, inHiddenThesis.id, hiddenArgument.id]));
    expect(asAuthor).not.toContain(hiddenSource.id);
    expect(asAuthor).not.toContain(hiddenQuote.id);

    // A hidden thesis cannot be probed through the filter either.
    expect((await api({ q: word, thesis: hiddenThesis.slug })).status).toBe(422);
    expect((await api({ q: word, thesis: hiddenThesis.slug }, moderator)).status).toBe(200);
  });

  it("pages by a bounded cursor", async () => {
    const word = uniqueWord();
    const host = await thesis(`Paging ${uniqueWord()}`);
    for (let i = 0; i < 12; i++) await makeArgument(author, { thesisId: host.id, body: `Reply number ${i} on ${word}.` });
    const first = await api({ q: word, sort: "newest" });
    expect(first.body.results).toHaveLength(10);
    expect(first.body.nextCursor).toBe("10");
    const second = await api({ q: word, sort: "newest", cursor: first.body.nextCursor });
    expect(second.body.results).toHaveLength(2);
    expect(second.body.nextCursor).toBeNull();
    expect(new Set([...first.body.results, ...second.body.results].map((r: { id: string }) => r.id)).size).toBe(12);
    expect((await api({ q: word, cursor: "100" })).status).toBe(422);
    expect((await api({ q: word, cursor: "-10" })).status).toBe(422);
  });

  it("answers bad input with 422 and a message, never a 5xx", async () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{}, /Type something/],
      [{ q: "   " }, /Type something/],
      [{ q: "x".repeat(201) }, /at most 200 characters/],
      [{ q: '" - OR "' }, /no words to search for/],
      [{ q: "the and of" }, /no words to search for/],
      [{ q: "-sanctions" }, /cannot only exclude/],
      [{ q: "sanctions", kind: "users" }, /Kind must be/],
      [{ q: "sanctions", sort: "random" }, /Sort must be/],
      [{ q: "sanctions", thesis: "../etc" }, /valid thesis address/],
      [{ q: "sanctions", thesis: `no-such-${uniqueWord()}` }, /No thesis has that address/],
    ];
    for (const [query, message] of cases) {
      const { status, body } = await api(query);
      expect({ query, status }).toEqual({ query, status: 422 });
      expect(body.error.code).toBe("VALIDATION_FAILED");
      expect(`${body.error.message} ${JSON.stringify(body.error.fields)}`).toMatch(message);
    }
    expect((await api({ q: "x".repeat(200) })).status).toBe(200);
  });
});
