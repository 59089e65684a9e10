import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { ForbiddenError } from "@/server/errors";
import { createFlag } from "@/server/flags/create-flag";
import { performModerationAction } from "@/server/moderation/perform-moderation-action";
import type { ModerationActionInput } from "@/lib/validation/moderation";
import { makeArgument, makeThesis } from "../support/factories";
import { makeMember } from "../support/moderation-fixtures";

process.env.AGORA_RATE_LIMITS = "off";

type Member = Awaited<ReturnType<typeof makeMember>>;

/** A thesis with its owner, an appointed moderator and an argument by a third member; fresh per test. */
async function makeDebate() {
  const [owner, appointed, author, siteModerator, otherSiteModerator, admin, otherAdmin] = await Promise.all([
    makeMember(),
    makeMember(),
    makeMember(),
    makeMember({ role: "MODERATOR" }),
    makeMember({ role: "MODERATOR" }),
    makeMember({ role: "ADMIN" }),
    makeMember({ role: "ADMIN" }),
  ]);
  const thesis = await makeThesis(owner);
  await db.thesisModerator.create({ data: { thesisId: thesis.id, userId: appointed.id, appointedById: owner.id } });
  const argument = await makeArgument(author, { thesisId: thesis.id, body: "An argument under moderation" });
  return { owner, appointed, author, siteModerator, otherSiteModerator, admin, otherAdmin, thesis, argument };
}

const act = (actor: Member, input: ModerationActionInput) => performModerationAction({ actor, input });
const hide = (actor: Member, targetId: string, targetType: "ARGUMENT" | "THESIS" = "ARGUMENT") =>
  act(actor, { action: "HIDE", targetType, targetId, reason: "Precedence test" });
const restore = (actor: Member, targetId: string) => act(actor, { action: "RESTORE", targetType: "ARGUMENT", targetId, reason: null });
const status = async (id: string) => (await db.argument.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

/** The act is refused with a 403 and leaves neither a change nor a log entry. */
async function expectRefused(attempt: () => Promise<unknown>, state: () => Promise<unknown>, message: RegExp) {
  const [before, logBefore] = [await state(), await db.moderationAction.count()];
  const error = await attempt().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ForbiddenError);
  expect((error as Error).message).toMatch(message);
  expect(await state()).toEqual(before);
  expect(await db.moderationAction.count()).toBe(logBefore);
}

describe("moderation precedence: an act is undone only by an equal or higher role", () => {
  it("a site moderator's hiding is not undone by the thesis's owner or its moderators, but is by another site moderator", async () => {
    const d = await makeDebate();
    await hide(d.siteModerator, d.argument.id);
    for (const actor of [d.owner, d.appointed]) {
      await expectRefused(() => restore(actor, d.argument.id), () => status(d.argument.id), /only a site moderator or an administrator can undo it/);
    }
    await restore(d.otherSiteModerator, d.argument.id);
    expect(await status(d.argument.id)).toBe("VISIBLE");
  });

  it("an administrator's hiding is undone only by an administrator", async () => {
    const d = await makeDebate();
    await hide(d.admin, d.argument.id);
    for (const actor of [d.owner, d.siteModerator]) {
      await expectRefused(() => restore(actor, d.argument.id), () => status(d.argument.id), /only an administrator can undo it/);
    }
    await restore(d.otherAdmin, d.argument.id);
    expect(await status(d.argument.id)).toBe("VISIBLE");
  });

  it("the thesis's team undo each other's acts, and higher roles undo theirs", async () => {
    const d = await makeDebate();
    await hide(d.owner, d.argument.id);
    await restore(d.appointed, d.argument.id);
    await hide(d.appointed, d.argument.id);
    await restore(d.siteModerator, d.argument.id);
    expect(await status(d.argument.id)).toBe("VISIBLE");
    // Once a site moderator's act is undone, a later act by the owner is the owner's team's to undo again.
    await hide(d.owner, d.argument.id);
    await restore(d.appointed, d.argument.id);
    expect(await status(d.argument.id)).toBe("VISIBLE");
  });

  it("a site moderator's duplicate mark is not cleared by the thesis's owner", async () => {
    const d = await makeDebate();
    const original = await makeArgument(d.author, { thesisId: d.thesis.id, body: "The original argument" });
    await act(d.siteModerator, { action: "MARK_DUPLICATE", targetId: d.argument.id, duplicateOfId: original.id, reason: null });
    const duplicateOf = async () => (await db.argument.findUniqueOrThrow({ where: { id: d.argument.id }, select: { duplicateOfId: true } })).duplicateOfId;
    await expectRefused(() => restore(d.owner, d.argument.id), duplicateOf, /site moderator/);
    await restore(d.otherSiteModerator, d.argument.id);
    expect(await duplicateOf()).toBeNull();
  });

  it("a site moderator's lock is not lifted by the thesis's owner", async () => {
    const d = await makeDebate();
    await act(d.siteModerator, { action: "LOCK", thesisId: d.thesis.id, reason: "Cooling off" });
    const thesisStatus = async () => (await db.thesis.findUniqueOrThrow({ where: { id: d.thesis.id }, select: { status: true } })).status;
    await expectRefused(() => act(d.owner, { action: "UNLOCK", thesisId: d.thesis.id, reason: null }), thesisStatus, /site moderator/);
    await act(d.otherSiteModerator, { action: "UNLOCK", thesisId: d.thesis.id, reason: null });
    expect(await thesisStatus()).toBe("OPEN");
    // The owner's own lock stays the owner's to lift.
    await act(d.owner, { action: "LOCK", thesisId: d.thesis.id, reason: "Pause" });
    await act(d.owner, { action: "UNLOCK", thesisId: d.thesis.id, reason: null });
    expect(await thesisStatus()).toBe("OPEN");
  });

  it("an administrator's suspension is not lifted by a site moderator", async () => {
    const d = await makeDebate();
    await act(d.admin, { action: "SUSPEND", userId: d.author.id, hours: 24, reason: "Abuse" });
    const until = async () => (await db.user.findUniqueOrThrow({ where: { id: d.author.id }, select: { suspendedUntil: true } })).suspendedUntil;
    await expectRefused(() => act(d.siteModerator, { action: "UNSUSPEND", userId: d.author.id, reason: null }), until, /only an administrator/);
    await act(d.otherAdmin, { action: "UNSUSPEND", userId: d.author.id, reason: null });
    expect(await until()).toBeNull();
  });

  it("a suspension that ran out no longer binds: the next one is its own actor's to lift", async () => {
    const d = await makeDebate();
    await act(d.admin, { action: "SUSPEND", userId: d.author.id, hours: 1, reason: "Cooling off" });
    await db.user.update({ where: { id: d.author.id }, data: { suspendedUntil: new Date(Date.now() - 1000) } });
    await act(d.siteModerator, { action: "SUSPEND", userId: d.author.id, hours: 24, reason: "Abuse again" });
    await act(d.otherSiteModerator, { action: "UNSUSPEND", userId: d.author.id, reason: null });
    expect((await db.user.findUniqueOrThrow({ where: { id: d.author.id }, select: { suspendedUntil: true } })).suspendedUntil).toBeNull();
  });
});

describe("nobody moderates their own content", () => {
  it("a thesis owner cannot hide, restore or mark as duplicate their own argument", async () => {
    const d = await makeDebate();
    const own = await makeArgument(d.owner, { thesisId: d.thesis.id, body: "The owner's own argument" });
    await expectRefused(() => hide(d.owner, own.id), () => status(own.id), /your own content/);
    await expectRefused(
      () => act(d.owner, { action: "MARK_DUPLICATE", targetId: own.id, duplicateOfId: d.argument.id, reason: null }),
      () => db.argument.findUniqueOrThrow({ where: { id: own.id }, select: { duplicateOfId: true } }),
      /your own content/,
    );
    await hide(d.appointed, own.id);
    await expectRefused(() => restore(d.owner, own.id), () => status(own.id), /your own content/);
  });

  it("a site moderator or an administrator cannot hide or restore their own argument or thesis", async () => {
    const d = await makeDebate();
    for (const actor of [d.siteModerator, d.admin]) {
      const own = await makeArgument(actor, { thesisId: d.thesis.id, body: "A moderator's own argument" });
      await expectRefused(() => hide(actor, own.id), () => status(own.id), /your own content/);
      await hide(d.otherAdmin, own.id);
      await expectRefused(() => restore(actor, own.id), () => status(own.id), /your own content/);
      const ownThesis = await makeThesis(actor);
      await expectRefused(
        () => hide(actor, ownThesis.id, "THESIS"),
        async () => (await db.thesis.findUniqueOrThrow({ where: { id: ownThesis.id }, select: { visibility: true } })).visibility,
        /your own content/,
      );
    }
  });

  it("nobody dismisses the flags on their own content", async () => {
    const d = await makeDebate();
    const own = await makeArgument(d.appointed, { thesisId: d.thesis.id, body: "The appointed moderator's argument" });
    const { reviewItemId } = await createFlag({ actor: d.author, input: { targetType: "ARGUMENT", targetId: own.id, reason: "SPAM", details: null } });
    const itemStatus = async () => (await db.reviewItem.findUniqueOrThrow({ where: { id: reviewItemId }, select: { status: true } })).status;
    await expectRefused(() => act(d.appointed, { action: "DISMISS", reviewItemId, reason: null }), itemStatus, /your own content/);
    await act(d.owner, { action: "DISMISS", reviewItemId, reason: null });
    expect(await itemStatus()).toBe("DISMISSED");
  });
});
