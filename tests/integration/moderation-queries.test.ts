import { describe, expect, it } from "vitest";
import { createFlag } from "@/server/flags/create-flag";
import { listReviewQueue } from "@/server/moderation/list-review-queue";
import { listModerationLog } from "@/server/moderation/list-moderation-log";
import { performModerationAction } from "@/server/moderation/perform-moderation-action";
import { reviewQueueCursorSchema, reviewQueueFilterSchema } from "@/lib/validation/moderation";
import { countQueries } from "../support/count-queries";
import { makeArgument, makeThesis } from "../support/factories";
import { makeMember, makeSource } from "../support/moderation-fixtures";

describe("moderation pages use a fixed number of queries", () => {
  it("the review queue and the thesis log do not grow with the number of items, flags or entries", async () => {
    process.env.AGORA_RATE_LIMITS = "off";
    const [owner, author] = await Promise.all([makeMember(), makeMember()]);
    const thesis = await makeThesis(owner);
    const filter = reviewQueueFilterSchema.parse({ status: "ALL" });
    const flagSome = async (n: number) => {
      for (let i = 0; i < n; i++) {
        // By someone else: nobody moderates their own content.
        const argument = await makeArgument(author, { thesisId: thesis.id });
        for (const reporter of await Promise.all([makeMember(), makeMember()])) {
          await createFlag({ actor: reporter, input: { targetType: "ARGUMENT", targetId: argument.id, reason: "SPAM", details: null } });
        }
        await performModerationAction({ actor: owner, input: { action: "HIDE", targetType: "ARGUMENT", targetId: argument.id, reason: `Spam ${i}` } });
      }
      const source = await makeSource(owner.id);
      await createFlag({ actor: await makeMember(), input: { targetType: "SOURCE", targetId: source.id, reason: "UNSUPPORTED", details: null } });
    };
    await flagSome(1);
    const small = await countQueries(() => listReviewQueue({ viewer: owner, filter }));
    const smallLog = await countQueries(() => listModerationLog({ thesisId: thesis.id }));
    await flagSome(12);
    const { items } = await listReviewQueue({ viewer: owner, filter });
    expect(items.length).toBeGreaterThanOrEqual(13);
    expect(await countQueries(() => listReviewQueue({ viewer: owner, filter }))).toBe(small);
    expect(await countQueries(() => listModerationLog({ thesisId: thesis.id }))).toBe(smallLog);

    // Past the first page: the second page, read through its cursor, costs the same with 3 items or with 15
    // (the owner's queue holds the arguments only: sources belong to no thesis).
    await flagSome(40);
    const secondPage = async () => {
      const { nextCursor } = await listReviewQueue({ viewer: owner, filter });
      const cursor = reviewQueueCursorSchema.parse(nextCursor);
      return { cursor, count: await countQueries(() => listReviewQueue({ viewer: owner, filter, cursor })) };
    };
    const fewer = await secondPage();
    expect((await listReviewQueue({ viewer: owner, filter, cursor: fewer.cursor })).items).toHaveLength(3);
    await flagSome(12);
    const more = await secondPage();
    expect((await listReviewQueue({ viewer: owner, filter, cursor: more.cursor })).items).toHaveLength(15);
    expect(more.count).toBe(fewer.count);
    // And a page read backwards (the first page again, through a "before" cursor) is just as fixed.
    const { prevCursor } = await listReviewQueue({ viewer: owner, filter, cursor: more.cursor });
    const back = reviewQueueCursorSchema.parse(prevCursor);
    const backCount = await countQueries(() => listReviewQueue({ viewer: owner, filter, cursor: back }));
    await flagSome(3);
    expect(await countQueries(() => listReviewQueue({ viewer: owner, filter, cursor: back }))).toBe(backCount);
    delete process.env.AGORA_RATE_LIMITS;
  });
});
