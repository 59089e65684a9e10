import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createFlag } from "@/server/flags/create-flag";
import { performModerationAction } from "@/server/moderation/perform-moderation-action";
import { ConflictError, ForbiddenError, NotFoundError, RateLimitError } from "@/server/errors";
import { createFlagSchema } from "@/lib/validation/moderation";
import { makeArgument, makeThesis } from "../support/factories";
import { makeMember, makeQuote, makeSource } from "../support/moderation-fixtures";

const flag = (actor: { id: string }, input: Record<string, unknown>) => createFlag({ actor, input: createFlagSchema.parse(input) });

afterEach(() => {
  delete process.env.AGORA_LIMIT_FLAG_NEW;
});

describe("flags", () => {
  it("many flags on one target feed one review item, one flag per member", async () => {
    const [author, a, b] = await Promise.all([makeMember(), makeMember(), makeMember()]);
    const thesis = await makeThesis(author);
    const argument = await makeArgument(author, { thesisId: thesis.id });
    const first = await flag(a, { targetType: "ARGUMENT", targetId: argument.id, reason: "SPAM" });
    const second = await flag(b, { targetType: "ARGUMENT", targetId: argument.id, reason: "OTHER", details: "Copied from an ad" });
    expect(second.reviewItemId).toBe(first.reviewItemId);
    const item = await db.reviewItem.findUniqueOrThrow({ where: { id: first.reviewItemId }, include: { flags: true } });
    expect(item).toMatchObject({ status: "PENDING", flagCount: 2, thesisId: thesis.id, targetType: "ARGUMENT" });
    expect(item.flags.map((f) => f.reason).sort()).toEqual(["OTHER", "SPAM"]);

    const again = flag(a, { targetType: "ARGUMENT", targetId: argument.id, reason: "ABUSE" });
    await expect(again).rejects.toBeInstanceOf(ConflictError);
    await expect(again).rejects.toThrow(/already flagged this argument/);
    expect(await db.reviewItem.findUniqueOrThrow({ where: { id: first.reviewItemId } })).toMatchObject({ flagCount: 2 });
    expect(await db.flag.count({ where: { targetId: argument.id } })).toBe(2);
  });

  it("a new flag on a resolved item puts it back in the queue", async () => {
    const [owner, author, a, b] = await Promise.all([makeMember(), makeMember(), makeMember(), makeMember()]);
    const thesis = await makeThesis(owner);
    // By someone else: nobody moderates their own content.
    const argument = await makeArgument(author, { thesisId: thesis.id });
    const { reviewItemId } = await flag(a, { targetType: "ARGUMENT", targetId: argument.id, reason: "SPAM" });
    await performModerationAction({ actor: owner, input: { action: "DISMISS", reviewItemId, reason: "Not spam" } });
    expect(await db.reviewItem.findUniqueOrThrow({ where: { id: reviewItemId } })).toMatchObject({ status: "DISMISSED" });
    await flag(b, { targetType: "ARGUMENT", targetId: argument.id, reason: "ABUSE" });
    expect(await db.reviewItem.findUniqueOrThrow({ where: { id: reviewItemId } })).toMatchObject({
      status: "PENDING",
      flagCount: 2,
      resolvedById: null,
    });
  });

  it("flags theses, sources and quotes too", async () => {
    const [owner, reporter] = await Promise.all([makeMember(), makeMember()]);
    const thesis = await makeThesis(owner);
    const source = await makeSource(owner.id);
    const quote = await makeQuote(source.id, owner.id);
    await flag(reporter, { targetType: "THESIS", targetId: thesis.id, reason: "OFF_TOPIC" });
    await flag(reporter, { targetType: "SOURCE", targetId: source.id, reason: "UNSUPPORTED" });
    await flag(reporter, { targetType: "QUOTE", targetId: quote.id, reason: "MISQUOTE" });
    const items = await db.reviewItem.findMany({ where: { targetId: { in: [thesis.id, source.id, quote.id] } } });
    expect(items.map((i) => [i.targetType, i.thesisId]).sort()).toEqual([
      ["QUOTE", null],
      ["SOURCE", null],
      ["THESIS", thesis.id],
    ]);
  });

  it("refuses missing targets, a suspended reporter and bad reasons, writing nothing", async () => {
    const [reporter, suspended] = await Promise.all([makeMember(), makeMember({ suspendedHours: 10 })]);
    for (const targetType of ["ARGUMENT", "THESIS", "SOURCE", "QUOTE"]) {
      await expect(flag(reporter, { targetType, targetId: "doesnotexist", reason: "SPAM" })).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await db.reviewItem.count({ where: { targetId: "doesnotexist" } })).toBe(0);

    const owner = await makeMember();
    const thesis = await makeThesis(owner);
    await expect(flag(suspended, { targetType: "THESIS", targetId: thesis.id, reason: "SPAM" })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.flag.count({ where: { targetId: thesis.id } })).toBe(0);

    const errors = (input: object) =>
      createFlagSchema.safeParse({ targetType: "THESIS", targetId: thesis.id, reason: "SPAM", ...input }).error?.flatten().fieldErrors;
    expect(errors({ reason: "OTHER" })?.details?.[0]).toMatch(/Say what is wrong/);
    expect(errors({ details: "x".repeat(501) })?.details).toEqual(["Reasons can have at most 500 characters."]);
    expect(errors({ reason: "BORING" })?.reason).toEqual(["Choose a reason."]);
    expect(errors({ targetType: "USER" })?.targetType).toBeDefined();
    expect(errors({ details: "x".repeat(500) })).toBeUndefined();
  });

  it("limits how fast a member flags and says when to try again", async () => {
    process.env.AGORA_LIMIT_FLAG_NEW = "2/60";
    const [owner, reporter] = await Promise.all([makeMember(), makeMember()]);
    const theses = await Promise.all([makeThesis(owner), makeThesis(owner), makeThesis(owner)]);
    await flag(reporter, { targetType: "THESIS", targetId: theses[0]!.id, reason: "SPAM" });
    await flag(reporter, { targetType: "THESIS", targetId: theses[1]!.id, reason: "SPAM" });
    const third = flag(reporter, { targetType: "THESIS", targetId: theses[2]!.id, reason: "SPAM" });
    await expect(third).rejects.toBeInstanceOf(RateLimitError);
    await expect(third).rejects.toThrow(/at most 2 flags per 60 minutes\. Try again in \d+ (minutes?|hours?)\./);
    expect(await db.flag.count({ where: { targetId: theses[2]!.id } })).toBe(0);
  });
});
