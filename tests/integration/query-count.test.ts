import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { getThesisFirstScreen } from "@/server/theses/get-thesis-first-screen";
import { getArgumentFocus } from "@/server/arguments/get-argument-focus";
import { getThesisBySlug } from "@/server/theses/get-thesis-page";
import { listTheses } from "@/server/theses/list-theses";
import { getThesisVoting } from "@/server/votes/get-thesis-voting";
import { generateDebate } from "@/server/seed/generate-debate";
import { verifyStrength } from "@/server/strength/verify-strength";
import { createPastedSource } from "@/server/sources/create-pasted-source";
import { createQuote } from "@/server/quotes/create-quote";
import { loadCitations } from "@/server/citations/load-citations";
import { countQueries } from "../support/count-queries";
import { makeArgument, makeThesis, makeUser } from "../support/factories";

const firstPage = { sort: "best" as const, cursors: { PRO: null, CON: null } };

async function makeMembers(count: number) {
  const tag = randomUUID().slice(0, 8);
  await db.user.createMany({
    data: Array.from({ length: count }, (_, i) => ({ email: `qc-${tag}-${i}@example.test`, name: `QC ${tag} ${i}`, nameKey: `qc ${tag} ${i}`, handle: `qc-${tag}-${i}` })),
  });
  return (await db.user.findMany({ where: { handle: { startsWith: `qc-${tag}-` } }, select: { id: true } })).map((u) => u.id);
}

/** What a view sends, as JSON: the rows and everything the page renders from. */
const size = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

describe("a page's cost does not grow with the debate", () => {
  it("the first screen, a focus and the voting panel send the same queries and bytes (within 10%) at 1k and 10k arguments", async () => {
    expect(process.env.AGORA_QUERY_EVENTS).toBe("1");
    const authors = await makeMembers(20);
    const voters = await makeMembers(40);
    const tag = randomUUID().slice(0, 6);
    const measure = async (n: number) => {
      const debate = await generateDebate({ slug: `qc-${tag}-${n}`, size: n, authorIds: authors, voterIds: voters, votesPerArgument: 6, quotes: 50, seed: 7 });
      const viewer = { id: voters[0]!, role: "USER" as const };
      const screen = await getThesisFirstScreen(debate.slug, viewer, firstPage);
      const focus = await getArgumentFocus(debate.slug, debate.deepestId, viewer, firstPage);
      const thesis = await getThesisBySlug(debate.slug);
      return {
        debate,
        screenQueries: await countQueries(() => getThesisFirstScreen(debate.slug, viewer, firstPage)),
        focusQueries: await countQueries(() => getArgumentFocus(debate.slug, debate.deepestId, viewer, firstPage)),
        votingQueries: await countQueries(() => getThesisVoting(thesis, viewer.id)),
        screenBytes: size(screen),
        rows: screen.sides.PRO.rows.length + screen.sides.CON.rows.length,
        focusDepth: focus.ancestors.length,
      };
    };
    const small = await measure(1_000);
    const large = await measure(10_000);
    expect(small.rows).toBe(20);
    expect(large.rows).toBe(20);
    // Relations come joined (Prisma's relationJoins), not one query each: the thesis with its author and topics,
    // the member's appointment, a page per side with their authors, the member's votes, the footnotes.
    expect(small.screenQueries).toBe(6);
    // The thesis and the focus row, the appointment, ancestors, reply counts, a page per side, votes, footnotes.
    expect(small.focusQueries).toBe(9);
    expect(large.screenQueries).toBe(small.screenQueries);
    expect(large.focusQueries).toBe(small.focusQueries);
    expect(large.votingQueries).toBe(small.votingQueries);
    expect(large.screenBytes / small.screenBytes).toBeGreaterThan(0.9);
    expect(large.screenBytes / small.screenBytes).toBeLessThan(1.1);
    expect(large.focusDepth).toBeGreaterThanOrEqual(4);
    // Generated data keeps every rule the write path keeps: the stored strength is a full recompute's.
    expect((await verifyStrength(large.debate.thesisId)).mismatches).toEqual([]);
  }, 180_000);

  it("the home listing uses a fixed number of queries", async () => {
    const users = await Promise.all([makeUser(), makeUser()]);
    const thesis = await makeThesis(users[0]);
    const small = await countQueries(() => listTheses({ sort: "active" }));
    for (let i = 0; i < 12; i++) await makeArgument(users[i % 2]!, { thesisId: thesis.id, stance: i % 2 ? "CON" : "PRO" });
    expect(await countQueries(() => listTheses({ sort: "active" }))).toBe(small);
  });
  // Evidence: the footnotes of every argument on a page load in one query, however many arguments cite.
  it("citations of a page's arguments load in one query", async () => {
    const user = await makeUser();
    const thesis = await makeThesis(user);
    const source = await createPastedSource({
      actor: user,
      input: { title: "Query-count source", url: null, publisher: null, byline: null, publishedAt: null, text: "One sentence here. Another sentence there. A third one." },
    });
    const ids: string[] = [];
    for (const [i, exact] of ["One sentence here.", "Another sentence there.", "A third one."].entries()) {
      const { quote } = await createQuote({ actor: user, input: { sourceId: source.id, exact } });
      ids.push((await makeArgument(user, { thesisId: thesis.id, body: `Claim ${i} [[q:${quote.id}]]` })).id);
    }
    const small = await countQueries(() => loadCitations(ids.slice(0, 1)));
    for (let i = 0; i < 20; i++) ids.push((await makeArgument(user, { thesisId: thesis.id, body: `More [[q:${(await db.quote.findFirstOrThrow({ where: { sourceId: source.id } })).id}]]` })).id);
    const map = await loadCitations(ids);
    expect(map.size).toBe(ids.length);
    expect(await countQueries(() => loadCitations(ids))).toBe(small);
    expect(small).toBe(1);
  });
});
