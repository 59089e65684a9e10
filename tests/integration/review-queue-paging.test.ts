import { describe, expect, it, vi } from "vitest";

// The API is called with an API token; Auth.js (sessions) is never consulted then, but its module is imported.
vi.mock("@/auth", () => ({ auth: async () => null }));

import { db } from "@/server/db";
import { listReviewQueue, type ReviewQueuePage } from "@/server/moderation/list-review-queue";
import { performModerationAction } from "@/server/moderation/perform-moderation-action";
import { createApiToken } from "@/server/auth/api-tokens";
import { GET as queueRoute } from "@/app/api/v1/moderation/queue/route";
import {
  REVIEW_QUEUE_CURSOR_MESSAGE,
  reviewQueueCursorSchema,
  reviewQueueFilterSchema,
  reviewQueueQuerySchema,
} from "@/lib/validation/moderation";
import { makeThesis } from "../support/factories";
import { makeMember, makeReviewItems } from "../support/moderation-fixtures";

type Viewer = Awaited<ReturnType<typeof makeMember>>;

/** One page, the cursor read back from its string form exactly as the page and the API read it. */
function page(viewer: Viewer, filter: Record<string, string> = {}, cursor?: string | null) {
  return listReviewQueue({
    viewer,
    filter: reviewQueueFilterSchema.parse(filter),
    cursor: cursor ? reviewQueueCursorSchema.parse(cursor) : undefined,
  });
}

/** Every page from the first, following nextCursor. */
async function allPages(viewer: Viewer, filter: Record<string, string> = {}) {
  const pages: ReviewQueuePage[] = [await page(viewer, filter)];
  while (pages.at(-1)!.nextCursor) pages.push(await page(viewer, filter, pages.at(-1)!.nextCursor));
  return pages;
}
const ids = (p: ReviewQueuePage) => p.items.map((item) => item.id);

async function ownerWithThesis() {
  const owner = await makeMember();
  const thesis = await makeThesis(owner);
  return { owner, thesis, reporter: await makeMember() };
}

describe("paging the review queue", () => {
  it("splits 120 items into pages of 50, 50 and 20: in order, no duplicates, no gaps, and back again", async () => {
    const { owner, thesis, reporter } = await ownerWithThesis();
    const expected = await makeReviewItems({ thesisId: thesis.id, reporterId: reporter.id, specs: Array.from({ length: 120 }, () => ({})) });

    const pages = await allPages(owner);
    expect(pages.map((p) => p.items.length)).toEqual([50, 50, 20]);
    expect(pages.map((p) => [p.total, p.itemsBefore])).toEqual([[120, 0], [120, 50], [120, 100]]);
    // The fixture gives three items each creation time, so page boundaries fall inside ties (broken by id).
    expect(pages.flatMap(ids)).toEqual(expected);
    expect(pages[0]!.prevCursor).toBeNull();
    expect(pages[2]!.nextCursor).toBeNull();

    // Backwards from the last page: the same pages.
    const second = await page(owner, {}, pages[2]!.prevCursor);
    expect([ids(second), second.itemsBefore]).toEqual([ids(pages[1]!), 50]);
    const first = await page(owner, {}, second.prevCursor);
    expect([ids(first), first.itemsBefore, first.prevCursor]).toEqual([ids(pages[0]!), 0, null]);
  });

  it("keeps its place when items are resolved, flagged or added meanwhile", async () => {
    const { owner, thesis, reporter } = await ownerWithThesis();
    const original = await makeReviewItems({ thesisId: thesis.id, reporterId: reporter.id, specs: Array.from({ length: 120 }, () => ({})) });
    const first = await page(owner);

    // Meanwhile: two items of the first page are dismissed, one of the second is flagged many more times, and a
    // new item arrives.
    for (const id of [original[3]!, original[49]!]) {
      await performModerationAction({ actor: owner, input: { action: "DISMISS", reviewItemId: id, reason: null } });
    }
    await db.reviewItem.update({ where: { id: original[60]! }, data: { flagCount: { increment: 40 } } });
    const [late] = await makeReviewItems({ thesisId: thesis.id, reporterId: reporter.id, specs: [{}], start: new Date() });

    // The second page is still items 51–100: nothing moved up into the pages already read, nothing repeated.
    const second = await page(owner, {}, first.nextCursor);
    expect(ids(second)).toEqual(original.slice(50, 100));
    expect([second.total, second.itemsBefore]).toEqual([119, 48]);
    const third = await page(owner, {}, second.nextCursor);
    expect(ids(third)).toEqual([...original.slice(100), late]);
    expect(third.nextCursor).toBeNull();

    // Back from the second page: fewer than a page precede it now, so that is the first page, full.
    const back = await page(owner, {}, second.prevCursor);
    const remaining = original.filter((id) => id !== original[3] && id !== original[49]);
    expect([ids(back), back.itemsBefore, back.prevCursor]).toEqual([remaining.slice(0, 50), 0, null]);

    // A cursor past the end (as when the items after it were all resolved meanwhile) gives an empty page that
    // says so by its numbers and leads back.
    const beyond = await page(owner, {}, third.nextCursor ?? `after.${Date.now() + 60_000}.zzz`);
    expect([beyond.items, beyond.total, beyond.itemsBefore, beyond.nextCursor]).toEqual([[], 119, 119, null]);
    expect(ids(await page(owner, {}, beyond.prevCursor))).toEqual([...remaining, late].slice(69));
  });

  it("combines with the filters: status, kind of content, reason and thesis", async () => {
    const { owner, thesis, reporter } = await ownerWithThesis();
    // 150 items cycling through kinds, reasons and statuses, so every filter below matches more than a page.
    const specs = Array.from({ length: 150 }, (_, i) => ({
      targetType: i % 2 ? ("SOURCE" as const) : ("ARGUMENT" as const),
      reason: i % 3 ? ("SPAM" as const) : ("ABUSE" as const),
      status: i % 5 === 4 ? ("DISMISSED" as const) : ("PENDING" as const),
    }));
    const all = await makeReviewItems({ thesisId: thesis.id, reporterId: reporter.id, specs });
    const check = async (viewer: Viewer, filter: Record<string, string>, keep: (spec: (typeof specs)[number]) => boolean) => {
      const pages = await allPages(viewer, filter);
      const want = all.filter((_, i) => keep(specs[i]!));
      const label = JSON.stringify(filter);
      expect(want.length, label).toBeGreaterThanOrEqual(50);
      expect(pages.flatMap(ids), label).toEqual(want);
      expect(pages.map((p) => p.total), label).toEqual(pages.map(() => want.length));
      expect(pages.map((p) => p.items.length), label).toEqual([...Array<number>(Math.floor(want.length / 50)).fill(50), want.length % 50].filter(Boolean));
    };
    await check(owner, { targetType: "ARGUMENT" }, (s) => s.targetType === "ARGUMENT" && s.status === "PENDING");
    await check(owner, { status: "ALL", reason: "SPAM" }, (s) => s.reason === "SPAM");
    // Exactly one full page: no next page.
    await check(owner, { status: "ALL", targetType: "SOURCE", reason: "SPAM" }, (s) => s.targetType === "SOURCE" && s.reason === "SPAM");
    await check(owner, { status: "ALL", targetType: "ARGUMENT" }, (s) => s.targetType === "ARGUMENT");
    // A site moderator filtering by thesis pages through that thesis only.
    const slug = (await db.thesis.findUniqueOrThrow({ where: { id: thesis.id } })).slug;
    await check(await makeMember({ role: "MODERATOR" }), { status: "ALL", thesis: slug }, () => true);
  });

  it("shows a thesis moderator only their theses' items, on every page and from any cursor", async () => {
    const mine = await ownerWithThesis();
    const theirs = await ownerWithThesis();
    const appointee = await makeMember();
    await performModerationAction({ actor: mine.owner, input: { action: "APPOINT_MODERATOR", thesisId: mine.thesis.id, handle: appointee.handle, reason: null } });
    // Both theses' items interleaved in the queue order: the other thesis's half a second after each of ours.
    const start = new Date(Date.now() - 3_600_000);
    const own = await makeReviewItems({ thesisId: mine.thesis.id, reporterId: mine.reporter.id, specs: Array.from({ length: 70 }, () => ({})), start });
    const other = await makeReviewItems({
      thesisId: theirs.thesis.id,
      reporterId: theirs.reporter.id,
      specs: Array.from({ length: 70 }, () => ({})),
      start: new Date(start.getTime() + 500),
    });

    for (const viewer of [mine.owner, appointee]) {
      const pages = await allPages(viewer);
      expect(pages.flatMap(ids)).toEqual(own);
      expect(pages.map((p) => [p.items.length, p.total])).toEqual([[50, 70], [20, 70]]);
    }
    // A cursor pointing into the other thesis's items (from a site moderator's page) still shows only their own:
    // the other's 50th item comes after our 51st (index 50, same second), so from there on.
    const moderator = await makeMember({ role: "MODERATOR" });
    const siteWide = await page(moderator, { thesis: (await db.thesis.findUniqueOrThrow({ where: { id: theirs.thesis.id } })).slug });
    const foreign = await page(appointee, {}, siteWide.nextCursor);
    expect(foreign.items.every((item) => item.thesisId === mine.thesis.id)).toBe(true);
    expect(ids(foreign)).toEqual(own.slice(51));
    // Filtering by the other thesis shows nothing at all.
    const filtered = await page(appointee, { thesis: (await db.thesis.findUniqueOrThrow({ where: { id: theirs.thesis.id } })).slug });
    expect([filtered.items, filtered.total, filtered.nextCursor]).toEqual([[], 0, null]);
    expect(other).toHaveLength(70);
  });

  it("refuses a malformed cursor: 422 from the API with a clear message, never a 500", async () => {
    for (const bad of ["garbage", "after.12.", "sideways.12.abc", "after.x1.abc", "after.12.ab-c", "after.1234567890123456.abc", "after.1.abc.d"]) {
      const parsed = reviewQueueQuerySchema.safeParse({ cursor: bad });
      expect(parsed.success, bad).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe(REVIEW_QUEUE_CURSOR_MESSAGE);
    }
    // An empty cursor is the first page, as an absent one.
    expect(reviewQueueQuerySchema.parse({ cursor: "" }).cursor).toBeUndefined();

    const { owner, thesis, reporter } = await ownerWithThesis();
    await makeReviewItems({ thesisId: thesis.id, reporterId: reporter.id, specs: Array.from({ length: 60 }, () => ({})) });
    const { secret } = await createApiToken({ actor: owner, input: { name: "queue paging" } });
    const get = (query: string) =>
      queueRoute(new Request(`http://agora.test/api/v1/moderation/queue${query}`, { headers: { authorization: `Bearer ${secret}` } }), {
        params: Promise.resolve({}),
      });
    const refused = await get("?cursor=after.not-a-time.abc");
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ error: { code: "VALIDATION_FAILED", fields: { cursor: [REVIEW_QUEUE_CURSOR_MESSAGE] } } });

    // The API pages the same way: the cursor it returns leads to the rest.
    const first = await (await get("?status=PENDING")).json();
    expect([first.items.length, first.total, first.itemsBefore, first.prevCursor]).toEqual([50, 60, 0, null]);
    const rest = await (await get(`?status=PENDING&cursor=${encodeURIComponent(first.nextCursor)}`)).json();
    expect([rest.items.length, rest.total, rest.itemsBefore, rest.nextCursor]).toEqual([10, 60, 50, null]);
  });
});
