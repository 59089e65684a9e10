import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { performModerationAction } from "@/server/moderation/perform-moderation-action";
import { listReviewQueue } from "@/server/moderation/list-review-queue";
import { canModerateThesis } from "@/server/access/permissions";
import { getThesisBySlug } from "@/server/theses/get-thesis-page";
import { getThesisFirstScreen } from "@/server/theses/get-thesis-first-screen";
import { getArgumentFocus } from "@/server/arguments/get-argument-focus";
import type { Viewer } from "@/server/access/visibility";
import { createFlag } from "@/server/flags/create-flag";
import { registerUser } from "@/server/auth/register-user";
import { ConflictError, ForbiddenError, InvalidInputError, RateLimitError } from "@/server/errors";
import { moderationActionSchema, reviewQueueFilterSchema, type ModerationActionInput } from "@/lib/validation/moderation";
import { makeArgument, makeThesis } from "../support/factories";
import { makeMember } from "../support/moderation-fixtures";

const act = (actor: { id: string }, input: Record<string, unknown>) =>
  performModerationAction({ actor, input: moderationActionSchema.parse(input) as ModerationActionInput });

const firstPage = { sort: "best" as const, cursors: { PRO: null, CON: null } };

/** The rows a thesis's first screen sends, both sides. */
async function getThesisPage(slug: string, viewer: Viewer) {
  const screen = await getThesisFirstScreen(slug, viewer, firstPage);
  return { argumentRows: [...screen.sides.PRO.rows, ...screen.sides.CON.rows] };
}

async function debate() {
  const [owner, author, replier, stranger] = await Promise.all([makeMember(), makeMember(), makeMember(), makeMember()]);
  const thesis = await makeThesis(owner);
  const argument = await makeArgument(author, { thesisId: thesis.id, body: "Rude but on topic" });
  const reply = await makeArgument(replier, { thesisId: thesis.id, parentId: argument.id, stance: "CON", body: "A calm reply" });
  const slug = (await db.thesis.findUniqueOrThrow({ where: { id: thesis.id } })).slug;
  return { owner, author, replier, stranger, thesis: { ...thesis, slug }, argument, reply };
}

afterEach(() => {
  delete process.env.AGORA_LIMIT_POST_NEW;
  delete process.env.AGORA_LIMIT_POST_MEMBER;
  delete process.env.AGORA_ADMIN_EMAILS;
});

describe("hidden, not deleted", () => {
  it("keeps hidden arguments in the tree, sends their text only to the author and moderators, and restores them", async () => {
    const d = await debate();
    await act(d.owner, { action: "HIDE", targetType: "ARGUMENT", targetId: d.argument.id, reason: "Personal attack on another member" });

    const row = (rows: { id: string; body: string; bodyRedacted?: boolean; moderationNote: string | null }[]) => rows.find((r) => r.id === d.argument.id)!;
    for (const viewer of [null, d.stranger, d.replier]) {
      const page = await getThesisPage(d.thesis.slug, viewer);
      expect(row(page.argumentRows)).toMatchObject({ body: "", bodyRedacted: true, status: "HIDDEN", moderationNote: "Personal attack on another member" });
      // The reply under it stays reachable: in the hidden argument's focus, and in its own with the path redacted.
      const hiddenFocus = await getArgumentFocus(d.thesis.slug, d.argument.id, viewer, firstPage);
      expect(hiddenFocus.focus).toMatchObject({ body: "", bodyRedacted: true });
      expect(hiddenFocus.sides.CON.rows.map((r) => r.body)).toEqual(["A calm reply"]);
      const branch = await getArgumentFocus(d.thesis.slug, d.reply.id, viewer, firstPage);
      expect(branch.ancestors[0]).toMatchObject({ id: d.argument.id, body: "", bodyRedacted: true });
    }
    const appointee = await makeMember();
    await act(d.owner, { action: "APPOINT_MODERATOR", thesisId: d.thesis.id, handle: appointee.handle });
    for (const viewer of [d.author, d.owner, appointee, await makeMember({ role: "MODERATOR" })]) {
      const page = await getThesisPage(d.thesis.slug, viewer);
      expect(row(page.argumentRows)).toMatchObject({ body: "Rude but on topic", bodyRedacted: false });
    }
    // Nothing was deleted: the stored body and its revision are intact.
    expect(await db.argument.findUniqueOrThrow({ where: { id: d.argument.id } })).toMatchObject({ body: "Rude but on topic", status: "HIDDEN" });

    await act(d.owner, { action: "RESTORE", targetType: "ARGUMENT", targetId: d.argument.id, reason: "Apology posted" });
    const page = await getThesisPage(d.thesis.slug, null);
    expect(row(page.argumentRows)).toMatchObject({ body: "Rude but on topic", bodyRedacted: false, status: "VISIBLE", moderationNote: null });
    const log = await db.moderationAction.findMany({ where: { targetId: d.argument.id }, orderBy: { seq: "asc" } });
    expect(log.map((e) => [e.action, e.actorRole, e.reason])).toEqual([
      ["HIDE", "THESIS_OWNER", "Personal attack on another member"],
      ["RESTORE", "THESIS_OWNER", "Apology posted"],
    ]);
  });

  it("hides a thesis's title and text from visitors but not from its owner or moderators", async () => {
    const d = await debate();
    const moderator = await makeMember({ role: "MODERATOR" });
    await act(moderator, { action: "HIDE", targetType: "THESIS", targetId: d.thesis.id, reason: "Advertising" });
    expect(await getThesisBySlug(d.thesis.slug, d.stranger)).toMatchObject({ title: "Hidden thesis", body: "", textRedacted: true, moderationNote: "Advertising" });
    expect((await getThesisBySlug(d.thesis.slug, d.owner)).textRedacted).toBe(false);
    expect((await getThesisBySlug(d.thesis.slug, moderator)).textRedacted).toBe(false);
    await expect(makeArgument(d.stranger, { thesisId: d.thesis.id })).rejects.toThrow(/hidden by moderators: it accepts no new arguments/);
  });

  it("marks duplicates within the thesis only", async () => {
    const d = await debate();
    const original = await makeArgument(d.stranger, { thesisId: d.thesis.id, body: "Said first" });
    const elsewhere = await makeArgument(d.owner, { thesisId: (await makeThesis(d.owner)).id });
    await expect(act(d.owner, { action: "MARK_DUPLICATE", targetId: d.argument.id, duplicateOfId: elsewhere.id })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(act(d.owner, { action: "MARK_DUPLICATE", targetId: d.argument.id, duplicateOfId: d.argument.id })).rejects.toBeInstanceOf(InvalidInputError);
    await act(d.owner, { action: "MARK_DUPLICATE", targetId: d.argument.id, duplicateOfId: original.id });
    expect((await db.argument.findUniqueOrThrow({ where: { id: d.argument.id } })).duplicateOfId).toBe(original.id);
  });
});

describe("locks and suspensions", () => {
  it("a locked thesis takes no new arguments until unlocked", async () => {
    const d = await debate();
    await act(d.owner, { action: "LOCK", thesisId: d.thesis.id, reason: "Cooling off" });
    await expect(makeArgument(d.stranger, { thesisId: d.thesis.id })).rejects.toThrow(/locked/);
    await expect(act(d.owner, { action: "LOCK", thesisId: d.thesis.id, reason: "Again" })).rejects.toBeInstanceOf(ConflictError);
    await act(d.owner, { action: "UNLOCK", thesisId: d.thesis.id });
    await expect(makeArgument(d.stranger, { thesisId: d.thesis.id })).resolves.toBeDefined();
  });

  it("suspends for a bounded period; a suspended member can neither moderate nor flag", async () => {
    const d = await debate();
    const moderator = await makeMember({ role: "MODERATOR" });
    for (const hours of [-5, 0, 0.5, 365 * 24 + 1, 1e9, "soon"]) {
      expect(moderationActionSchema.safeParse({ action: "SUSPEND", userId: d.author.id, hours, reason: "x" }).success, String(hours)).toBe(false);
    }
    expect(moderationActionSchema.safeParse({ action: "SUSPEND", userId: d.author.id, hours: 24, reason: "" }).success).toBe(false);
    expect(moderationActionSchema.safeParse({ action: "HIDE", targetType: "ARGUMENT", targetId: "a1", reason: "x".repeat(501) }).error?.flatten().fieldErrors.reason).toEqual([
      "Reasons can have at most 500 characters.",
    ]);
    expect((await db.user.findUniqueOrThrow({ where: { id: d.author.id } })).suspendedUntil).toBeNull();

    const before = Date.now();
    await act(moderator, { action: "SUSPEND", userId: d.owner.id, hours: 72, reason: "Harassment" });
    const until = (await db.user.findUniqueOrThrow({ where: { id: d.owner.id } })).suspendedUntil!;
    expect(until.getTime()).toBeGreaterThanOrEqual(before + 72 * 3_600_000);
    expect(until.getTime()).toBeLessThan(before + 73 * 3_600_000);
    // The suspended owner loses moderation of their own thesis while suspended.
    await expect(act(d.owner, { action: "HIDE", targetType: "ARGUMENT", targetId: d.argument.id, reason: "x" })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await canModerateThesis({ ...d.owner, suspendedUntil: until }, d.thesis.id)).toBe(false);
    await expect(createFlag({ actor: d.owner, input: { targetType: "ARGUMENT", targetId: d.argument.id, reason: "SPAM", details: null } })).rejects.toBeInstanceOf(ForbiddenError);

    // Moderators cannot suspend moderators or admins, nor themselves.
    const [otherMod, admin] = await Promise.all([makeMember({ role: "MODERATOR" }), makeMember({ role: "ADMIN" })]);
    await expect(act(moderator, { action: "SUSPEND", userId: otherMod.id, hours: 1, reason: "x" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(act(moderator, { action: "SUSPEND", userId: admin.id, hours: 1, reason: "x" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(act(moderator, { action: "SUSPEND", userId: moderator.id, hours: 1, reason: "x" })).rejects.toBeInstanceOf(ForbiddenError);
    await act(admin, { action: "SUSPEND", userId: otherMod.id, hours: 1, reason: "Admin may" });

    await act(moderator, { action: "UNSUSPEND", userId: d.owner.id, reason: "Appeal accepted" });
    expect((await db.user.findUniqueOrThrow({ where: { id: d.owner.id } })).suspendedUntil).toBeNull();
  });
});

describe("thesis teams and global roles", () => {
  it("owners appoint and remove moderators of their own thesis only; appointees moderate only that thesis", async () => {
    const d = await debate();
    const appointee = await makeMember();
    const otherThesis = await makeThesis(d.stranger);
    const otherArgument = await makeArgument(d.stranger, { thesisId: otherThesis.id });
    await expect(act(d.owner, { action: "APPOINT_MODERATOR", thesisId: otherThesis.id, handle: appointee.handle })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(act(d.owner, { action: "APPOINT_MODERATOR", thesisId: d.thesis.id, handle: "no-such-member" })).rejects.toBeInstanceOf(InvalidInputError);
    await act(d.owner, { action: "APPOINT_MODERATOR", thesisId: d.thesis.id, handle: `@${appointee.handle}` });
    await expect(act(d.owner, { action: "APPOINT_MODERATOR", thesisId: d.thesis.id, handle: appointee.handle })).rejects.toBeInstanceOf(ConflictError);

    await act(appointee, { action: "HIDE", targetType: "ARGUMENT", targetId: d.argument.id, reason: "Off topic" });
    expect((await db.moderationAction.findFirstOrThrow({ where: { actorId: appointee.id } })).actorRole).toBe("THESIS_MODERATOR");
    await expect(act(appointee, { action: "HIDE", targetType: "ARGUMENT", targetId: otherArgument.id, reason: "x" })).rejects.toBeInstanceOf(ForbiddenError);
    // Appointees cannot appoint others, and nobody but site moderators suspends.
    await expect(act(appointee, { action: "APPOINT_MODERATOR", thesisId: d.thesis.id, handle: d.stranger.handle })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(act(d.owner, { action: "SUSPEND", userId: d.author.id, hours: 2, reason: "x" })).rejects.toBeInstanceOf(ForbiddenError);

    await act(d.owner, { action: "REMOVE_MODERATOR", thesisId: d.thesis.id, userId: appointee.id });
    await expect(act(appointee, { action: "RESTORE", targetType: "ARGUMENT", targetId: d.argument.id })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("admins grant and revoke roles, never their own", async () => {
    const [admin, member] = await Promise.all([makeMember({ role: "ADMIN" }), makeMember()]);
    await act(admin, { action: "SET_ROLE", userId: member.id, role: "MODERATOR" });
    expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).role).toBe("MODERATOR");
    await expect(act(member, { action: "SET_ROLE", userId: member.id, role: "ADMIN" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(act(admin, { action: "SET_ROLE", userId: admin.id, role: "USER" })).rejects.toBeInstanceOf(ForbiddenError);
    await act(admin, { action: "SET_ROLE", userId: member.id, role: "USER" });
    const log = await db.moderationAction.findMany({ where: { targetId: member.id, action: "SET_ROLE" }, orderBy: { seq: "asc" } });
    expect(log.map((e) => e.details)).toEqual([
      { from: "USER", to: "MODERATOR" },
      { from: "MODERATOR", to: "USER" },
    ]);
  });

  it("AGORA_ADMIN_EMAILS makes the listed emails admins when they register, on the record", async () => {
    const email = `boss-${Date.now()}@example.test`;
    process.env.AGORA_ADMIN_EMAILS = ` other@example.test , ${email.toUpperCase()} `;
    const admin = await registerUser({ email, name: `Boss ${Date.now()}`, password: "long enough password" });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("ADMIN");
    expect(await db.moderationAction.findFirst({ where: { targetId: admin.id, action: "SET_ROLE" } })).toMatchObject({ actorId: admin.id });
    const plain = await registerUser({ email: `plain-${Date.now()}@example.test`, name: `Plain ${Date.now()}`, password: "long enough password" });
    expect((await db.user.findUniqueOrThrow({ where: { id: plain.id } })).role).toBe("USER");
  });
});

describe("the review queue", () => {
  it("shows owners their own theses' items only, oldest first with content, flags and history", async () => {
    const d = await debate();
    const other = await debate();
    const reporter = await makeMember();
    await createFlag({ actor: reporter, input: { targetType: "ARGUMENT", targetId: d.argument.id, reason: "ABUSE", details: null } });
    await createFlag({ actor: d.stranger, input: { targetType: "ARGUMENT", targetId: d.argument.id, reason: "SPAM", details: null } });
    await createFlag({ actor: reporter, input: { targetType: "ARGUMENT", targetId: d.reply.id, reason: "OFF_TOPIC", details: null } });
    await createFlag({ actor: reporter, input: { targetType: "ARGUMENT", targetId: other.argument.id, reason: "SPAM", details: null } });
    await act(d.owner, { action: "LOCK", thesisId: d.thesis.id, reason: "Heated" });

    const filter = reviewQueueFilterSchema.parse({});
    const mine = (await listReviewQueue({ viewer: d.owner, filter })).items;
    expect(mine.map((item) => item.targetId)).toEqual([d.argument.id, d.reply.id]);
    expect(mine[0]).toMatchObject({ flagCount: 2, argument: { body: "Rude but on topic", thesis: { slug: d.thesis.slug } } });
    expect(mine[0]!.flags.map((f) => f.reason)).toEqual(["ABUSE", "SPAM"]);
    expect(mine[1]!.argument?.parent?.id).toBe(d.argument.id);

    const abuse = (await listReviewQueue({ viewer: d.owner, filter: reviewQueueFilterSchema.parse({ reason: "ABUSE" }) })).items;
    expect(abuse.map((item) => item.targetId)).toEqual([d.argument.id]);

    await act(d.owner, { action: "HIDE", targetType: "ARGUMENT", targetId: d.argument.id, reason: "Abusive" });
    const pending = (await listReviewQueue({ viewer: d.owner, filter })).items;
    expect(pending.map((item) => item.targetId)).toEqual([d.reply.id]);
    const actioned = (await listReviewQueue({ viewer: d.owner, filter: reviewQueueFilterSchema.parse({ status: "ACTIONED" }) })).items;
    expect(actioned[0]!.history.map((h) => h.action)).toEqual(["HIDE"]);

    const moderator = await makeMember({ role: "MODERATOR" });
    const everything = (await listReviewQueue({ viewer: moderator, filter: reviewQueueFilterSchema.parse({ thesis: other.thesis.slug }) })).items;
    expect(everything.map((item) => item.targetId)).toEqual([other.argument.id]);
    await expect(listReviewQueue({ viewer: await makeMember(), filter })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("posting limits", () => {
  it("refuse the post over the limit with when to retry, stricter for new accounts", async () => {
    process.env.AGORA_LIMIT_POST_NEW = "2/10";
    process.env.AGORA_LIMIT_POST_MEMBER = "3/10";
    const owner = await makeMember();
    const thesis = await makeThesis(owner);
    const newcomer = await makeMember();
    await makeArgument(newcomer, { thesisId: thesis.id });
    await makeArgument(newcomer, { thesisId: thesis.id });
    const refused = makeArgument(newcomer, { thesisId: thesis.id });
    await expect(refused).rejects.toBeInstanceOf(RateLimitError);
    await expect(refused).rejects.toThrow(/New accounts \(first 24 hours\) can post at most 2 arguments per 10 minutes\. Try again in \d+ minutes?\./);
    expect(await db.argument.count({ where: { authorId: newcomer.id } })).toBe(2);

    const veteran = await makeMember();
    await db.user.update({ where: { id: veteran.id }, data: { createdAt: new Date(Date.now() - 3 * 86_400_000) } });
    for (let i = 0; i < 3; i++) await makeArgument(veteran, { thesisId: thesis.id });
    await expect(makeArgument(veteran, { thesisId: thesis.id })).rejects.toThrow(/Members can post at most 3 arguments/);
  });
});

describe("hidden theses leave the listings", () => {
  it("drops a hidden thesis from the home page lists until it is restored", async () => {
    const { listTheses } = await import("@/server/theses/list-theses");
    const d = await debate();
    const moderator = await makeMember({ role: "MODERATOR" });
    await act(moderator, { action: "HIDE", targetType: "THESIS", targetId: d.thesis.id, reason: "Spam" });
    for (const sort of ["newest", "active"] as const) {
      expect((await listTheses({ sort, take: 500 })).map((t) => t.id)).not.toContain(d.thesis.id);
    }
    await act(moderator, { action: "RESTORE", targetType: "THESIS", targetId: d.thesis.id });
    expect((await listTheses({ sort: "newest", take: 500 })).map((t) => t.id)).toContain(d.thesis.id);
  });
});
