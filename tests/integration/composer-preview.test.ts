import { describe, expect, it, vi } from "vitest";

// Only the session is faked: requireUser re-reads the member, and the renderer and the queries are real.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/auth", async () => {
  const { fakeAuthSession } = await import("../support/fake-auth-session");
  return { auth: async () => fakeAuthSession(session.userId) };
});

import { db } from "@/server/db";
import { citedQuotesAction, previewArgumentAction } from "@/server/actions/composer-actions";
import { createPastedSource } from "@/server/sources/create-pasted-source";
import { createQuote } from "@/server/quotes/create-quote";
import { addPastedSourceSchema, createQuoteSchema } from "@/lib/validation/source";
import { citationMarker } from "@/lib/validation/citation";
import { makeUser } from "../support/factories";

async function memberWithQuotes() {
  const user = await makeUser();
  const source = await createPastedSource({
    actor: user,
    input: addPastedSourceSchema.parse({ title: `Grid review ${user.id}`, text: "Coal covered the shortfall.\n\nImports rose too." }),
  });
  const quote = async (exact: string) => (await createQuote({ actor: user, input: createQuoteSchema.parse({ sourceId: source.id, exact }) })).quote;
  return { user, source, shown: await quote("Coal covered the shortfall."), hidden: await quote("Imports rose too.") };
}

async function as<T>(userId: string | null, run: () => Promise<T>): Promise<T> {
  session.userId = userId;
  try {
    return await run();
  } finally {
    session.userId = null;
  }
}

describe("composer preview", () => {
  it("renders the draft as it will be published, numbering its footnotes, and warns about a citation saving would refuse", async () => {
    const { user, source, shown, hidden } = await memberWithQuotes();
    await db.quote.update({ where: { id: hidden.id }, data: { visibility: "HIDDEN" } });
    const body = `Coal *filled* the gap ${citationMarker(shown.id)} <script>alert(1)</script> and ${citationMarker(hidden.id)}.`;
    const result = await as(user.id, () => previewArgumentAction({ body }));
    if (!result.ok) throw new Error(result.message);
    expect(result.html).toContain("<em>filled</em>");
    expect(result.html).not.toContain("<script>");
    expect(result.html).not.toContain("[[q:");
    expect(result.html).toContain(`href="#fn-${result.footnoteKey}-1"`);
    expect(result.html).toContain("[citation unavailable]");
    // The hidden quote's words never reach the composer.
    expect(result.citations).toEqual([expect.objectContaining({ number: 1, quoteId: shown.id, sourceTitle: source.title, exact: shown.exact })]);
    expect(JSON.stringify(result)).not.toContain(hidden.exact);
    expect(result.problems).toEqual([expect.stringContaining("saving will be refused")]);
  });

  it("refuses drafts longer than an argument may be, malformed input, and visitors", async () => {
    const { user } = await memberWithQuotes();
    expect(await as(user.id, () => previewArgumentAction({ body: "x".repeat(2001) }))).toEqual({ ok: false, message: "Arguments can have at most 2,000 characters." });
    expect(await as(user.id, () => previewArgumentAction({ body: 42 }))).toMatchObject({ ok: false });
    await expect(as(null, () => previewArgumentAction({ body: "Hello" }))).rejects.toThrow();
  });

  it("describes cited quotes by source, leaving out hidden and unknown ones", async () => {
    const { user, source, shown, hidden } = await memberWithQuotes();
    await db.source.update({ where: { id: source.id }, data: { visibility: "HIDDEN" } });
    expect(await as(user.id, () => citedQuotesAction([shown.id, hidden.id, "nosuchquote"]))).toEqual({ quotes: [] });
    await db.source.update({ where: { id: source.id }, data: { visibility: "VISIBLE" } });
    const { quotes } = await as(user.id, () => citedQuotesAction([shown.id, shown.id, "nosuchquote"]));
    expect(quotes).toEqual([expect.objectContaining({ quoteId: shown.id, sourceTitle: source.title, exact: shown.exact })]);
    expect(await as(user.id, () => citedQuotesAction(["'; drop table"]))).toMatchObject({ quotes: null });
    expect(await as(user.id, () => citedQuotesAction(Array(51).fill("abc")))).toMatchObject({ quotes: null });
  });
});
