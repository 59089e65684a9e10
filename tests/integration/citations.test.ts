import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createPastedSource } from "@/server/sources/create-pasted-source";
import { createQuote } from "@/server/quotes/create-quote";
import { QuoteAmbiguousError, QuoteNotFoundError } from "@/server/quotes/quote-errors";
import { editArgument } from "@/server/arguments/edit-argument";
import { loadCitations, loadRevisionCitations } from "@/server/citations/load-citations";
import { getSourcePage } from "@/server/sources/get-source-page";
import { AppError } from "@/server/errors";
import { addPastedSourceSchema, createQuoteSchema } from "@/lib/validation/source";
import { citationMarker } from "@/lib/validation/citation";
import { makeArgument, makeThesis, makeUser } from "../support/factories";

const TEXT = [
  "The council’s chair opened the meeting at 7 p.m. “We have waited long enough,” she said.",
  "The motion passed. Residents were invited to comment until 30 June.",
  "Under any other business, a member proposed a new bicycle rack — at the north entrance.",
  "The motion passed. A second vote fixed the date of the next meeting.",
].join("\n\n");

async function makeSource(user: { id: string }) {
  return createPastedSource({
    actor: user,
    input: addPastedSourceSchema.parse({ title: "Town hall minutes", publisher: "Riverside Gazette", publishedAt: "2025-01-02", text: TEXT }),
  });
}

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("quotes", () => {
  it("anchors a passage typed with plain typography and stores the exact original span", async () => {
    const user = await makeUser();
    const source = await makeSource(user);
    const { quote, created } = await createQuote({
      actor: user,
      input: createQuoteSchema.parse({ sourceId: source.id, exact: `"We have waited   long enough," she said.` }),
    });
    expect(created).toBe(true);
    const start = TEXT.indexOf("“We have waited");
    expect(quote.start).toBe(start);
    expect(quote.exact).toBe("“We have waited long enough,” she said.");
    expect(TEXT.slice(quote.start, quote.end)).toBe(quote.exact);
    expect(quote.prefix).toBe(TEXT.slice(start - 32, start));
    expect(quote.suffix).toBe(TEXT.slice(quote.end, quote.end + 32));
    // Quoting the same span again gives the same quote.
    const again = await createQuote({ actor: user, input: { sourceId: source.id, exact: quote.exact } });
    expect(again).toMatchObject({ created: false, quote: { id: quote.id } });
  });

  it("refuses to quote again a passage whose quote moderators hid, changing nothing", async () => {
    const user = await makeUser();
    const source = await makeSource(user);
    const { quote } = await createQuote({ actor: user, input: { sourceId: source.id, exact: "The motion passed. Residents were invited" } });
    await db.quote.update({ where: { id: quote.id }, data: { visibility: "HIDDEN", moderationNote: "Cherry-picked" } });
    const error = await failure(createQuote({ actor: user, input: { sourceId: source.id, exact: "The motion passed. Residents were invited" } }));
    expect(error.status).toBe(409);
    expect(error.fieldErrors.exact?.[0]).toMatch(/Moderators hid this passage/);
    expect(await db.quote.findMany({ where: { sourceId: source.id }, select: { id: true, visibility: true } })).toEqual([{ id: quote.id, visibility: "HIDDEN" }]);
  });

  it("refuses a misquote with the closest passage, and stores nothing", async () => {
    const user = await makeUser();
    const source = await makeSource(user);
    const error = await failure(createQuote({ actor: user, input: { sourceId: source.id, exact: "a member proposed a new car park at the north entrance." } }));
    expect(error).toBeInstanceOf(QuoteNotFoundError);
    expect(error.message).toMatch(/not in the source's text/);
    expect((error as QuoteNotFoundError).suggestion?.exact).toContain("a member proposed a new bicycle rack");
    expect(await db.quote.count({ where: { sourceId: source.id } })).toBe(0);
  });

  it("refuses a passage that cuts a word, offering it with whole words, and stores nothing", async () => {
    const user = await makeUser();
    const source = await makeSource(user);
    const error = await failure(createQuote({ actor: user, input: { sourceId: source.id, exact: "ouncil's chair opened the meeting" } }));
    expect(error).toBeInstanceOf(QuoteNotFoundError);
    expect(error.status).toBe(422);
    expect(error.message).toMatch(/middle of a word/);
    const refusal = error as QuoteNotFoundError;
    expect(refusal.details).toMatchObject({ reason: "cuts_word", suggestion: { exact: "council’s chair opened the meeting" } });
    expect(await db.quote.count({ where: { sourceId: source.id } })).toBe(0);
    // The suggestion, sent back as offered, is stored.
    const { quote } = await createQuote({ actor: user, input: { sourceId: source.id, exact: refusal.suggestion!.exact, start: refusal.suggestion!.start } });
    expect(quote.exact).toBe("council’s chair opened the meeting");
  });

  it("asks which occurrence of a repeated passage is meant, then stores the chosen one", async () => {
    const user = await makeUser();
    const source = await makeSource(user);
    const error = await failure(createQuote({ actor: user, input: { sourceId: source.id, exact: "The motion passed." } }));
    expect(error).toBeInstanceOf(QuoteAmbiguousError);
    const candidates = (error as QuoteAmbiguousError).candidates;
    expect(candidates).toHaveLength(2);
    const { quote } = await createQuote({ actor: user, input: { sourceId: source.id, exact: "The motion passed.", start: candidates[1]!.start } });
    expect(quote.start).toBe(TEXT.lastIndexOf("The motion passed."));
    // Selection context decides as well.
    const bySuffix = await createQuote({ actor: user, input: { sourceId: source.id, exact: "The motion passed.", suffix: " Residents were" } });
    expect(bySuffix.quote.start).toBe(TEXT.indexOf("The motion passed."));
  });

  it("limits how many new quotes a member saves in 10 minutes, re-quoting stays free", async () => {
    const user = await makeUser();
    const text = Array.from({ length: 62 }, (_, i) => `Sentence number ${i} stands alone.`).join(" ");
    const source = await createPastedSource({ actor: user, input: addPastedSourceSchema.parse({ title: "Many sentences", text }) });
    for (let i = 0; i < 60; i++) await createQuote({ actor: user, input: { sourceId: source.id, exact: `Sentence number ${i} stands alone.` } });
    const error = await failure(createQuote({ actor: user, input: { sourceId: source.id, exact: "Sentence number 60 stands alone." } }));
    expect(error.status).toBe(429);
    expect(error.message).toMatch(/at most 60 new quotes per 10 minutes/);
    expect((await createQuote({ actor: user, input: { sourceId: source.id, exact: "Sentence number 3 stands alone." } })).created).toBe(false);
  });

  it("refuses empty and over-long quotes", async () => {
    const user = await makeUser();
    const source = await makeSource(user);
    expect(createQuoteSchema.safeParse({ sourceId: source.id, exact: "   " }).success).toBe(false);
    const long = createQuoteSchema.safeParse({ sourceId: source.id, exact: "x".repeat(1001) });
    expect(long.success).toBe(false);
    if (!long.success) expect(long.error.issues[0]?.message).toMatch(/at most 1,000 characters/);
    const direct = await failure(createQuote({ actor: user, input: { sourceId: source.id, exact: "y".repeat(1001) } }));
    expect(direct.status).toBe(422);
  });
});

describe("inline citations", () => {
  it("numbers the markers of a new argument as footnotes of its revision", async () => {
    const user = await makeUser();
    const source = await makeSource(user);
    const thesis = await makeThesis(user);
    const a = (await createQuote({ actor: user, input: { sourceId: source.id, exact: "Residents were invited to comment until 30 June." } })).quote;
    const b = (await createQuote({ actor: user, input: { sourceId: source.id, exact: "a member proposed a new bicycle rack - at the north entrance" } })).quote;
    const body = `Residents had a say ${citationMarker(b.id)} and time ${citationMarker(a.id)}; again ${citationMarker(b.id)}.`;
    const argument = await makeArgument(user, { thesisId: thesis.id, body });
    const revision = await db.argument.findUniqueOrThrow({ where: { id: argument.id }, select: { currentRevisionId: true } });
    const rows = await db.citation.findMany({ where: { revisionId: revision.currentRevisionId! }, orderBy: { number: "asc" } });
    expect(rows.map((r) => [r.number, r.quoteId])).toEqual([
      [1, b.id],
      [2, a.id],
    ]);
    const loaded = await loadCitations([argument.id]);
    expect(loaded.get(argument.id)?.map((c) => [c.number, c.quoteId, c.sourceTitle, c.publisher])).toEqual([
      [1, b.id, "Town hall minutes", "Riverside Gazette"],
      [2, a.id, "Town hall minutes", "Riverside Gazette"],
    ]);
    // The source page highlights the quotes and lists the citing argument.
    const page = await getSourcePage(source.id);
    expect(page.quotes.map((q) => q.id).sort()).toEqual([a.id, b.id].sort());
    expect(page.citedBy.get(a.id)?.[0]?.argumentId).toBe(argument.id);
    expect(page.citingArguments.map((c) => c.argumentId)).toEqual([argument.id]);
  });

  it("refuses a marker pointing to a quote that does not exist, storing nothing", async () => {
    const user = await makeUser();
    const thesis = await makeThesis(user);
    const before = { arguments: await db.argument.count({ where: { thesisId: thesis.id } }), citations: await db.citation.count() };
    const error = await failure(makeArgument(user, { thesisId: thesis.id, body: "Trust me [[q:doesnotexist123]]." }));
    expect(error.status).toBe(422);
    expect(error.fieldErrors.body?.[0]).toMatch(/\[\[q:doesnotexist123\]\] points to a quote that does not exist/);
    expect(await db.argument.count({ where: { thesisId: thesis.id } })).toBe(before.arguments);
    expect(await db.citation.count()).toBe(before.citations);
    const refreshed = await db.thesis.findUniqueOrThrow({ where: { id: thesis.id } });
    expect(refreshed.argumentCount).toBe(0);
  });

  it("gives each edit its own citations and refuses an edit with a missing quote, keeping the last revision", async () => {
    const user = await makeUser();
    const source = await makeSource(user);
    const thesis = await makeThesis(user);
    const a = (await createQuote({ actor: user, input: { sourceId: source.id, exact: "A second vote fixed the date of the next meeting." } })).quote;
    const argument = await makeArgument(user, { thesisId: thesis.id, body: `Dates were fixed ${citationMarker(a.id)}.` });
    await editArgument({ actor: user, input: { argumentId: argument.id, body: "No citation any more." } });
    expect((await loadCitations([argument.id])).get(argument.id)).toBeUndefined();
    const revisions = await db.argumentRevision.findMany({ where: { argumentId: argument.id }, orderBy: { number: "asc" }, include: { citations: true } });
    expect(revisions.map((r) => r.citations.length)).toEqual([1, 0]);
    const history = await loadRevisionCitations(revisions.map((r) => r.id));
    expect(history.get(revisions[0]!.id)?.map((c) => c.exact)).toEqual([a.exact]);
    expect(history.get(revisions[1]!.id)).toBeUndefined();

    const error = await failure(editArgument({ actor: user, input: { argumentId: argument.id, body: "Now [[q:ghost0000]]" } }));
    expect(error.fieldErrors.body?.[0]).toMatch(/does not exist/);
    expect(await db.argumentRevision.count({ where: { argumentId: argument.id } })).toBe(2);
    expect((await db.argument.findUniqueOrThrow({ where: { id: argument.id } })).body).toBe("No citation any more.");
  });
});
