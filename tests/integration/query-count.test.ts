import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { getThesisPage } from "@/server/theses/get-thesis-page";
import { getArgumentBranch } from "@/server/arguments/get-argument-branch";
import { listTheses } from "@/server/theses/list-theses";
import { countQueries } from "../support/count-queries";
import { makeArgument, makeThesis, makeUser } from "../support/factories";
import { castVote } from "@/server/votes/cast-vote";
import { getThesisVoting } from "@/server/votes/get-thesis-voting";
import { setThesisStance } from "@/server/stances/set-thesis-stance";
import { createPastedSource } from "@/server/sources/create-pasted-source";
import { createQuote } from "@/server/quotes/create-quote";
import { loadCitations } from "@/server/citations/load-citations";

describe("queries per page do not grow with the debate", () => {
  it("thesis page, branch page and listing use a fixed number of queries", async () => {
    expect(process.env.AGORA_QUERY_EVENTS).toBe("1");
    const users = await Promise.all([makeUser(), makeUser(), makeUser()]);
    const thesis = await makeThesis(users[0]);
    const first = await makeArgument(users[0], { thesisId: thesis.id });

    const smallPage = await countQueries(() => getThesisPage(thesis.slug));
    const smallBranch = await countQueries(() => getArgumentBranch(thesis.slug, first.id));
    const smallList = await countQueries(() => listTheses({ sort: "active" }));

    let parent = first.id;
    for (let i = 0; i < 40; i++) {
      const author = users[i % users.length]!;
      const made = await makeArgument(author, { thesisId: thesis.id, parentId: i % 3 === 0 ? null : parent, stance: i % 2 ? "CON" : "PRO" });
      if (i % 4 === 0) parent = made.id;
    }

    expect(smallPage).toBeGreaterThan(0);
    expect(await countQueries(() => getThesisPage(thesis.slug))).toBe(smallPage);
    expect(await countQueries(() => getArgumentBranch(thesis.slug, first.id))).toBe(smallBranch);
    expect(await countQueries(() => listTheses({ sort: "active" }))).toBe(smallList);
    // thesis, its author, the arguments, their authors.
    expect(smallPage).toBeLessThanOrEqual(4);
  });

  // Votes: the viewer's votes, stances and strength load in a fixed number of queries however many arguments and votes.
  it("votes, stances and strength of a thesis page use a fixed number of queries", async () => {
    const [author, viewer, other, second] = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser()]);
    const thesis = await makeThesis(author);
    const first = await makeArgument(author, { thesisId: thesis.id });
    await castVote({ actor: viewer, argumentId: first.id, value: 1 });
    const small = await countQueries(() => getThesisVoting({ id: thesis.id, status: "OPEN" }, viewer.id));

    let parent = first.id;
    for (let i = 0; i < 30; i++) {
      const made = await makeArgument(i % 2 ? author : second, { thesisId: thesis.id, parentId: i % 3 === 0 ? null : parent, stance: i % 2 ? "CON" : "PRO" });
      await castVote({ actor: viewer, argumentId: made.id, value: i % 2 ? 1 : -1 });
      await castVote({ actor: other, argumentId: made.id, value: 1 });
      if (i % 4 === 0) parent = made.id;
    }
    await setThesisStance({ actor: viewer, thesisId: thesis.id, value: 1 });
    const large = await countQueries(() => getThesisVoting({ id: thesis.id, status: "OPEN" }, viewer.id));
    expect(large).toBe(small);
    // viewer's votes, stance distribution, argument scores, bodies of the top contributors.
    expect(large).toBeLessThanOrEqual(4);
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
