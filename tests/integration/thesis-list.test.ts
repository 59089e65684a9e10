import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { listTheses } from "@/server/theses/list-theses";
import { browseThesesForPage } from "@/server/theses/browse-theses";
import { NotFoundError } from "@/server/errors";
import { THESIS_SORTS, type ThesisSort } from "@/lib/validation/thesis-list";
import { disputedScore } from "@/lib/scoring/sort";
import { topicSlug } from "@/lib/validation/topic";
import { makeArgument, makeThesis, makeUser } from "../support/factories";

process.env.AGORA_RATE_LIMITS = "off";

/** Theses of one fresh topic, so the shared test database's other theses stay out of the pages. */
async function fileUnderFreshTopic(count: number) {
  const user = await makeUser();
  const name = `Paging ${randomUUID().slice(0, 8)}`;
  const theses = [];
  for (let i = 0; i < count; i++) theses.push(await makeThesis(user, undefined, [name]));
  const topicId = (await db.topic.findUniqueOrThrow({ where: { slug: topicSlug(name) } })).id;
  return { user, theses, topicId };
}

async function allPages(sort: ThesisSort, topicId: string, limit: number) {
  const ids: string[] = [];
  let cursor = null;
  for (let pages = 0; pages < 50; pages++) {
    const page: Awaited<ReturnType<typeof listTheses>> = await listTheses({ sort, topicId, limit, cursor });
    ids.push(...page.theses.map((t) => t.id));
    if (!page.nextCursor) return ids;
    const { decodeThesisCursor } = await import("@/server/theses/thesis-cursor");
    cursor = decodeThesisCursor(page.nextCursor, sort);
  }
  throw new Error("paging did not end");
}

describe("thesis lists", () => {
  it("pages every thesis of a topic exactly once, in each order, ties included", async () => {
    const { user, theses, topicId } = await fileUnderFreshTopic(9);
    const [a, b, c] = theses;
    for (const stance of ["PRO", "PRO", "CON", "CON"] as const) await makeArgument(user, { thesisId: a!.id, stance });
    for (let i = 0; i < 3; i++) await makeArgument(user, { thesisId: b!.id, stance: "PRO" });
    for (const stance of ["PRO", "CON"] as const) await makeArgument(user, { thesisId: c!.id, stance });
    // Ties in every order: five theses with the same creation and activity time and no arguments.
    const tied = theses.slice(4).map((t) => t.id);
    const instant = new Date("2026-01-01T00:00:00.000Z");
    await db.thesis.updateMany({ where: { id: { in: tied } }, data: { createdAt: instant, lastActivityAt: instant } });
    // An unlisted thesis of the topic (hidden by moderators) never appears.
    await db.thesis.update({ where: { id: theses[3]!.id }, data: { visibility: "HIDDEN" } });

    const rows = await db.thesis.findMany({
      where: { id: { in: theses.map((t) => t.id) }, visibility: "VISIBLE" },
      select: { id: true, createdAt: true, lastActivityAt: true, argumentCount: true, contestScore: true },
    });
    const key: Record<ThesisSort, (r: (typeof rows)[number]) => number> = {
      active: (r) => r.lastActivityAt.getTime(),
      newest: (r) => r.createdAt.getTime(),
      argued: (r) => r.argumentCount,
      contested: (r) => r.contestScore,
    };
    for (const sort of THESIS_SORTS) {
      const expected = [...rows].sort((x, y) => key[sort](y) - key[sort](x) || (x.id < y.id ? 1 : -1)).map((r) => r.id);
      for (const limit of [1, 2, 4]) expect(await allPages(sort, topicId, limit), `${sort}, ${limit} a page`).toEqual(expected);
    }
  });

  it("ranks by the stored keys: most argued, most contested, latest activity", async () => {
    const { user, theses, topicId } = await fileUnderFreshTopic(3);
    const [balanced, oneSided, quiet] = theses.map((t) => t.id) as [string, string, string];
    for (const stance of ["PRO", "CON", "PRO", "CON"] as const) await makeArgument(user, { thesisId: balanced, stance });
    for (let i = 0; i < 5; i++) await makeArgument(user, { thesisId: oneSided, stance: "PRO" });
    const order = async (sort: ThesisSort) => (await listTheses({ sort, topicId })).theses.map((t) => t.id);
    expect(await order("argued")).toEqual([oneSided, balanced, quiet]);
    expect(await order("contested")).toEqual([balanced, oneSided, quiet]);
    expect(await order("active")).toEqual([oneSided, balanced, quiet]);
    await makeArgument(user, { thesisId: quiet });
    expect((await order("active"))[0]).toBe(quiet);
  });

  it("keeps counts, the contest score and the activity time on write, in the argument's transaction", async () => {
    const user = await makeUser();
    const thesis = await makeThesis(user);
    const before = await db.thesis.findUniqueOrThrow({ where: { id: thesis.id } });
    expect(before).toMatchObject({ argumentCount: 0, contestScore: 0 });
    const pro = await makeArgument(user, { thesisId: thesis.id, stance: "PRO" });
    expect((await db.thesis.findUniqueOrThrow({ where: { id: thesis.id } })).contestScore).toBe(1);
    await makeArgument(user, { thesisId: thesis.id, stance: "CON" });
    await makeArgument(user, { thesisId: thesis.id, stance: "CON" });
    await makeArgument(user, { thesisId: thesis.id, parentId: pro.id, stance: "CON" });
    const after = await db.thesis.findUniqueOrThrow({ where: { id: thesis.id } });
    expect(after).toMatchObject({ argumentCount: 4, proCount: 1, conCount: 2 });
    expect(after.contestScore).toBeCloseTo(disputedScore(1, 2), 12);
    expect(after.lastActivityAt.getTime()).toBeGreaterThan(before.lastActivityAt.getTime());

    // A refused argument (a parent from another thesis) moves nothing.
    const other = await makeThesis(user);
    const foreign = await makeArgument(user, { thesisId: other.id });
    await expect(makeArgument(user, { thesisId: thesis.id, parentId: foreign.id })).rejects.toThrow();
    expect(await db.thesis.findUniqueOrThrow({ where: { id: thesis.id } })).toMatchObject({ argumentCount: 4, contestScore: after.contestScore });
  });

  it("pages forgive a damaged link with the first page and a notice, but an unknown topic is not found", async () => {
    const { topicId } = await fileUnderFreshTopic(2);
    const slug = (await db.topic.findUniqueOrThrow({ where: { id: topicId } })).slug;
    const first = await browseThesesForPage({ topic: slug, sort: "newest" });
    expect(first).toMatchObject({ sort: "newest", paged: false, notice: null });
    expect(first.theses).toHaveLength(2);
    expect(await browseThesesForPage({ topic: slug, sort: "loudest" })).toMatchObject({ sort: "active", notice: expect.stringMatching(/sort order does not exist/) });
    expect(await browseThesesForPage({ topic: slug, sort: "argued", cursor: "damaged" })).toMatchObject({
      sort: "argued",
      paged: false,
      notice: "That page link was damaged, so the first page is shown.",
    });
    await expect(browseThesesForPage({ topic: `no-such-topic-${randomUUID().slice(0, 8)}` })).rejects.toBeInstanceOf(NotFoundError);
    await expect(browseThesesForPage({ topic: "../etc" })).rejects.toBeInstanceOf(NotFoundError);
  });
});
