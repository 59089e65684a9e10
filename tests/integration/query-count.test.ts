import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { getThesisPage } from "@/server/theses/get-thesis-page";
import { getArgumentBranch } from "@/server/arguments/get-argument-branch";
import { listTheses } from "@/server/theses/list-theses";
import { makeArgument, makeThesis, makeUser } from "../support/factories";

// Counts the SQL statements a call sends. Files run in separate workers, so only this file's queries count.
let count = 0;
(db as unknown as { $on(event: "query", cb: () => void): void }).$on("query", () => count++);

async function countQueries(run: () => Promise<unknown>): Promise<number> {
  count = 0;
  await run();
  return count;
}

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
});
