import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { seedEvidence } from "@/server/seed/seed-evidence";
import { createArgument } from "@/server/arguments/create-argument";
import { loadCitations } from "@/server/citations/load-citations";
import { demoDebate, demoExcerpts, type DemoArgument } from "@/prisma/seed/demo-debate";
import { makeThesis, makeUser } from "../support/factories";

describe("demo evidence seed", () => {
  it("stores every article's excerpts as one pasted source, anchors every demo quote, and cites them inline", async () => {
    const member = await makeUser();
    const thesis = await makeThesis(member);
    // One member per demo author, as the seed does (posting limits are per member).
    const authors = new Map<string, { id: string }>();
    for (const key of ["olena", "mark", "ines", "sam"]) authors.set(key, await makeUser());
    const actor = (key: string) => authors.get(key)!;
    const evidence = await seedEvidence({ addedBy: member, actor, arguments: demoDebate.arguments });
    expect(evidence.sourceCount).toBe(new Set(demoExcerpts.map((e) => e.corpusFile)).size);

    const all: DemoArgument[] = [];
    const walk = (a: DemoArgument) => (all.push(a), a.replies?.forEach(walk));
    demoDebate.arguments.forEach(walk);
    const expectedQuotes = all.reduce((n, a) => n + (a.quotes?.length ?? 0), 0);
    expect(evidence.quoteCount).toBe(expectedQuotes);

    const ids = new Map<string, string>();
    const post = async (argument: DemoArgument, parentId: string | null) => {
      const created = await createArgument({
        actor: actor(argument.author),
        input: { thesisId: thesis.id, parentId, stance: argument.stance, body: evidence.bodyFor(argument) },
      });
      ids.set(argument.key, created.id);
      for (const reply of argument.replies ?? []) await post(reply, created.id);
    };
    for (const argument of demoDebate.arguments) await post(argument, null);

    const citations = await loadCitations([...ids.values()]);
    for (const argument of all) {
      const cited = citations.get(ids.get(argument.key)!) ?? [];
      expect(cited.map((c) => c.exact), argument.key).toEqual((argument.quotes ?? []).map((q) => q.exact));
    }
    // Sources are attributed excerpts, captured as supplied text; at least one carries several quotes.
    const sources = await db.source.findMany({
      where: { addedById: member.id },
      select: { captureMethod: true, title: true, _count: { select: { quotes: true } } },
    });
    expect(sources.every((s) => s.captureMethod === "PASTED")).toBe(true);
    expect(Math.max(...sources.map((s) => s._count.quotes))).toBeGreaterThanOrEqual(2);
  });

  it("creates no duplicate sources: one per article, no two with the same address, title or text", async () => {
    const member = await makeUser();
    const authors = new Map<string, { id: string }>();
    for (const key of ["olena", "mark", "ines", "sam"]) authors.set(key, await makeUser());
    await seedEvidence({ addedBy: member, actor: (key) => authors.get(key)!, arguments: demoDebate.arguments });

    const sources = await db.source.findMany({
      where: { addedById: member.id },
      select: { id: true, title: true, publisher: true, text: true, url: true, canonicalUrl: true, quotes: { select: { exact: true } } },
    });
    const articles = new Map(demoExcerpts.map((e) => [e.corpusFile, e.title]));
    expect(sources.map((s) => s.title).sort()).toEqual([...articles.values()].sort());
    const distinct = <T,>(values: T[]) => new Set(values).size === values.length;
    expect(distinct(sources.map((s) => s.title.toLowerCase()))).toBe(true);
    expect(distinct(sources.map((s) => s.text))).toBe(true);
    const urls = sources.flatMap((s) => [s.canonicalUrl, s.url]).filter((u): u is string => u !== null);
    expect(distinct(urls)).toBe(true);

    // Every excerpt is in its article's source, and every demo quote lies in the source of the excerpt it names.
    const byTitle = new Map(sources.map((s) => [s.title, s]));
    for (const excerpt of demoExcerpts) expect(byTitle.get(excerpt.title)!.text, excerpt.key).toContain(excerpt.text);
    const all: DemoArgument[] = [];
    const walk = (a: DemoArgument) => (all.push(a), a.replies?.forEach(walk));
    demoDebate.arguments.forEach(walk);
    const excerptTitle = new Map(demoExcerpts.map((e) => [e.key, e.title]));
    for (const q of all.flatMap((a) => a.quotes ?? [])) {
      expect(byTitle.get(excerptTitle.get(q.excerpt)!)!.quotes.map((x) => x.exact), q.exact).toContain(q.exact);
    }
  });
});
