import { describe, expect, it, vi } from "vitest";

// Only the session and Next's cache invalidation are stand-ins: the actions, requireUser's re-read of the
// member and the database are real.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/auth", async () => {
  const { fakeAuthSession } = await import("../support/fake-auth-session");
  return { auth: () => fakeAuthSession(session.userId) };
});

import { db } from "@/server/db";
import { flagAction } from "@/server/actions/flag-actions";
import { moderateAction } from "@/server/actions/moderation-actions";
import { makeArgument, makeThesis } from "../support/factories";
import { makeMember } from "../support/moderation-fixtures";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

describe("moderation and flag server actions (the forms' path)", () => {
  it("turn refusals into form messages and field errors, and change nothing", async () => {
    const [owner, author, reporter, suspended] = await Promise.all([makeMember(), makeMember(), makeMember(), makeMember({ suspendedHours: 3 })]);
    const thesis = await makeThesis(owner);
    const argument = await makeArgument(author, { thesisId: thesis.id });

    session.userId = null;
    expect(await flagAction({}, form({ targetType: "ARGUMENT", targetId: argument.id, reason: "SPAM" }))).toMatchObject({ ok: false, message: "Sign in to do that." });

    session.userId = suspended.id;
    expect((await flagAction({}, form({ targetType: "ARGUMENT", targetId: argument.id, reason: "SPAM" }))).message).toMatch(/suspended until/);

    session.userId = reporter.id;
    const noReason = await flagAction({}, form({ targetType: "ARGUMENT", targetId: argument.id, reason: "OTHER", details: "" }));
    expect(noReason.fieldErrors?.details?.[0]).toMatch(/Say what is wrong/);
    expect(await flagAction({}, form({ targetType: "ARGUMENT", targetId: argument.id, reason: "SPAM" }))).toMatchObject({ ok: true });
    expect((await flagAction({}, form({ targetType: "ARGUMENT", targetId: argument.id, reason: "SPAM" }))).message).toMatch(/already flagged/);
    expect(await db.flag.count({ where: { targetId: argument.id } })).toBe(1);

    // A member who moderates nothing cannot hide; the owner must give a reason of at most 500 characters.
    expect(await moderateAction({}, form({ action: "HIDE", targetType: "ARGUMENT", targetId: argument.id, reason: "Mine" }))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Only this thesis's owner/),
    });
    session.userId = owner.id;
    expect((await moderateAction({}, form({ action: "HIDE", targetType: "ARGUMENT", targetId: argument.id, reason: "" }))).fieldErrors?.reason?.[0]).toMatch(/Give a reason/);
    expect((await moderateAction({}, form({ action: "HIDE", targetType: "ARGUMENT", targetId: argument.id, reason: "x".repeat(501) }))).fieldErrors?.reason).toEqual([
      "Reasons can have at most 500 characters.",
    ]);
    expect((await moderateAction({}, form({ action: "EXPLODE" }))).ok).toBe(false);
    expect((await db.argument.findUniqueOrThrow({ where: { id: argument.id } })).status).toBe("VISIBLE");

    expect(await moderateAction({}, form({ action: "HIDE", targetType: "ARGUMENT", targetId: argument.id, reason: "Spam link" }))).toMatchObject({
      ok: true,
      message: "Hidden. The author and moderators can still read it.",
    });
    expect(await db.argument.findUniqueOrThrow({ where: { id: argument.id } })).toMatchObject({ status: "HIDDEN", moderationNote: "Spam link" });

    // A suspension form with an absurd length is refused before anything is written.
    const moderator = await makeMember({ role: "MODERATOR" });
    session.userId = moderator.id;
    for (const hours of ["-1", "0", "9000", "forever"]) {
      const result = await moderateAction({}, form({ action: "SUSPEND", userId: author.id, hours, reason: "Spam" }));
      expect(result.fieldErrors?.hours, hours).toBeDefined();
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: author.id } })).suspendedUntil).toBeNull();
    expect(await moderateAction({}, form({ action: "SUSPEND", userId: author.id, hours: "168", reason: "Spam" }))).toMatchObject({ ok: true });
    session.userId = null;
  });
});
