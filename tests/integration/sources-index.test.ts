import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createPastedSource } from "@/server/sources/create-pasted-source";
import { createQuote } from "@/server/quotes/create-quote";
import { listSources } from "@/server/sources/list-sources";
import { citationMarker } from "@/lib/validation/citation";
import { makeArgument, makeThesis, makeUser } from "../support/factories";

const TEXT = "The harbour councils ordered three electric ferries. The batteries last eight to ten years.";

async function paste(actor: { id: string }, input: { title: string; publisher?: string; url?: string; text?: string }) {
  return createPastedSource({
    actor,
    input: { title: input.title, publisher: input.publisher ?? null, url: input.url ?? null, byline: null, publishedAt: null, text: input.text ?? TEXT },
  });
}

const ids = (list: { items: { id: string }[] }) => list.items.map((s) => s.id);

describe("the sources index", () => {
  it("finds a source by title, publisher or address, in any case, and takes % and _ literally", async () => {
    const member = await makeUser();
    const tag = `t${randomUUID().slice(0, 8)}`;
    const byTitle = await paste(member, { title: `Harbour ferries ${tag} report` });
    const byPublisher = await paste(member, { title: "Ferries", publisher: `The ${tag.toUpperCase()} Ledger` });
    const byUrl = await paste(member, { title: "Ferry costs", url: `https://news.example.org/${tag}/ferries` });
    const other = await paste(member, { title: `Harbour ferries ${tag.slice(0, 5)} elsewhere` });
    const underscore = await paste(member, { title: `Tariffs ${tag}_b` });
    const letter = await paste(member, { title: `Tariffs ${tag}ab` });

    const found = await listSources({ query: tag.toUpperCase(), sort: "newest" });
    expect(new Set(ids(found))).toEqual(new Set([byTitle.id, byPublisher.id, byUrl.id, underscore.id, letter.id]));
    expect(found.total).toBe(5);
    expect(ids(found)).not.toContain(other.id);

    // Unescaped, "_" would match any letter and "%" anything at all.
    expect(ids(await listSources({ query: `${tag}_b` }))).toEqual([underscore.id]);
    expect(ids(await listSources({ query: `${tag}%report` }))).toEqual([]);
    expect(ids(await listSources({ query: `ferries ${tag} report` }))).toEqual([byTitle.id]);
  });

  it("sorts by the number of visible arguments citing the source, or newest first", async () => {
    const member = await makeUser();
    const thesis = await makeThesis(member);
    const tag = `c${randomUUID().slice(0, 8)}`;
    const once = await paste(member, { title: `Once ${tag}` });
    const twice = await paste(member, { title: `Twice ${tag}` });
    const never = await paste(member, { title: `Never ${tag}` });
    const hiddenOnly = await paste(member, { title: `Hidden citer ${tag}` });
    const cite = async (sourceId: string, exact: string) => {
      const { quote } = await createQuote({ actor: member, input: { sourceId, exact } });
      return makeArgument(member, { thesisId: thesis.id, body: `Evidence ${citationMarker(quote.id)}` });
    };
    await cite(once.id, "three electric ferries");
    await cite(twice.id, "three electric ferries");
    await cite(twice.id, "eight to ten years");
    // Two citations in one argument count the argument once.
    const { quote: a } = await createQuote({ actor: member, input: { sourceId: twice.id, exact: "The harbour councils" } });
    const { quote: b } = await createQuote({ actor: member, input: { sourceId: once.id, exact: "The harbour councils" } });
    await makeArgument(member, { thesisId: thesis.id, body: `Both ${citationMarker(a.id)} ${citationMarker(b.id)}` });
    // A hidden argument's citations are not shown on the source page, so they do not count here either.
    const hidden = await cite(hiddenOnly.id, "three electric ferries");
    await cite(hiddenOnly.id, "eight to ten years");
    await db.argument.update({ where: { id: hidden.id }, data: { status: "HIDDEN" } });

    const cited = await listSources({ query: tag, sort: "cited" });
    expect(ids(cited)).toEqual([twice.id, once.id, hiddenOnly.id, never.id]);
    expect(cited.items.map((s) => s.citedBy)).toEqual([3, 2, 1, 0]);
    expect(cited.items.find((s) => s.id === twice.id)?.quoteCount).toBe(3);

    const newest = await listSources({ query: tag, sort: "newest" });
    expect(ids(newest)).toEqual([hiddenOnly.id, never.id, twice.id, once.id]);
  });

  it("pages through every match once, in order, and says how many pages there are", async () => {
    const member = await makeUser();
    const tag = `p${randomUUID().slice(0, 8)}`;
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await paste(member, { title: `Paged ${tag} ${i}` })).id);
    // Same creation time for all: the id breaks ties, so pages still never overlap.
    await db.source.updateMany({ where: { id: { in: made } }, data: { createdAt: new Date("2026-01-01T00:00:00Z") } });

    for (const sort of ["newest", "cited"] as const) {
      const pages = [];
      for (let page = 1; page <= 3; page++) pages.push(await listSources({ query: tag, sort, page, pageSize: 2 }));
      expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1]);
      expect(pages.every((p) => p.total === 5 && p.pageCount === 3)).toBe(true);
      const seen = pages.flatMap(ids);
      expect(new Set(seen).size).toBe(5);
      expect(new Set(seen)).toEqual(new Set(made));
      expect(seen).toEqual([...made].sort().reverse());
      expect((await listSources({ query: tag, sort, page: 4, pageSize: 2 })).items).toEqual([]);
    }
  });

  it("never lists a hidden source, in any order, on any page, nor counts it", async () => {
    const member = await makeUser();
    const tag = `h${randomUUID().slice(0, 8)}`;
    const shown = await paste(member, { title: `Shown ${tag}` });
    const hidden = await paste(member, { title: `Hidden ${tag}`, publisher: tag, url: `https://example.org/${tag}` });
    await db.source.update({ where: { id: hidden.id }, data: { visibility: "HIDDEN", moderationNote: "Spam" } });

    for (const sort of ["cited", "newest"] as const) {
      const byTag = await listSources({ query: tag, sort });
      expect(ids(byTag)).toEqual([shown.id]);
      expect(byTag.total).toBe(1);
      expect(ids(await listSources({ query: `Hidden ${tag}`, sort }))).toEqual([]);
    }
    // Without a search, page through everything there is: the hidden source is on no page.
    const all: string[] = [];
    for (let page = 1; ; page++) {
      const list = await listSources({ sort: "newest", page, pageSize: 100 });
      all.push(...ids(list));
      if (page >= list.pageCount) break;
    }
    expect(all).toContain(shown.id);
    expect(all).not.toContain(hidden.id);
  });
});
