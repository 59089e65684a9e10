import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import pg from "pg";
import { db, type Tx } from "@/server/db";
import { castVote } from "@/server/votes/cast-vote";
import { editArgument } from "@/server/arguments/edit-argument";
import { performModerationAction } from "@/server/moderation/perform-moderation-action";
import { setWatch } from "@/server/watches/set-watch";
import { countUnreadNotifications } from "@/server/notifications/count-unread-notifications";
import { listNotifications } from "@/server/notifications/list-notifications";
import { markNotificationsRead } from "@/server/notifications/mark-notifications-read";
import { updateNotificationSettings } from "@/server/notifications/notification-settings";
import { deliverWatcherNotifications } from "@/server/notifications/deliver-watcher-notifications";
import { notifyNewArgument } from "@/server/notifications/notify-new-argument";
import { UNREAD_CHANNEL } from "@/server/live/publish";
import { InvalidInputError, NotFoundError } from "@/server/errors";
import { NOTIFICATION_KINDS } from "@/lib/validation/notification";
import { makeArgument, makeThesis, makeUser } from "../support/factories";
import { makeMember, makeQuote, makeSource } from "../support/moderation-fixtures";

/** Members from makeUser, with the role setWatch reads. */
const asMember = (user: { id: string }) => ({ id: user.id, role: "USER" as const });

/** Every notification of these members once watchers have been told, as (recipient, kind, count) triples, sorted. */
async function notificationsOf(...users: { id: string }[]) {
  await deliverWatcherNotifications();
  const rows = await db.notification.findMany({ where: { userId: { in: users.map((u) => u.id) } }, select: { userId: true, kind: true, count: true } });
  return rows.map((r) => `${users.findIndex((u) => u.id === r.userId)}:${r.kind}:${r.count}`).sort();
}

/** createArgument's writes and its notifications statement in the caller's transaction; the argument's id. */
async function writePost(tx: Tx, poster: { id: string }, thesisId: string, parent: { id: string }, body = "A reply.") {
  const id = `a${randomBytes(12).toString("hex")}`;
  const path = `${parent.id}/${id}`;
  await tx.argument.create({ data: { id, thesisId, parentId: parent.id, stance: "CON", body, authorId: poster.id, depth: 1, path } });
  await notifyNewArgument(tx, { actorId: poster.id, thesisId, argument: { id, parentId: parent.id, path }, body });
  return id;
}

function postWithoutTellingWatchers(poster: { id: string }, thesisId: string, parent: { id: string }, body?: string) {
  return db.$transaction((tx) => writePost(tx, poster, thesisId, parent, body));
}

describe("notifications of a new argument", () => {
  it("tell the parent's author of a reply once, and no one else, never the replier", async () => {
    const [owner, author, replier, bystander] = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser()]);
    const thesis = await makeThesis(owner);
    const argument = await makeArgument(author, { thesisId: thesis.id });
    const reply = await makeArgument(replier, { thesisId: thesis.id, parentId: argument.id, stance: "CON" });

    // The owner watches the thesis (they opened it): the top-level argument, then the reply, are news to them.
    expect(await notificationsOf(owner, author, replier, bystander)).toEqual(["0:NEW_ARGUMENT:2", "1:REPLY:1"]);
    const [item] = (await listNotifications({ userId: author.id })).items;
    expect(item).toMatchObject({ kind: "REPLY", text: `${replier.name} replied to your argument`, href: `/t/${thesis.slug}/a/${argument.id}`, read: false });
    // Replying to your own argument notifies nobody new.
    await makeArgument(author, { thesisId: thesis.id, parentId: reply.id });
    expect(await notificationsOf(author, replier)).toEqual(["0:REPLY:1", "1:REPLY:1"]);
  });

  it("groups several replies to one argument into one unread row, and starts a new one once it is read", async () => {
    const [author, a, b, c] = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser()]);
    const thesis = await makeThesis(author);
    const argument = await makeArgument(author, { thesisId: thesis.id });
    await makeArgument(a, { thesisId: thesis.id, parentId: argument.id, stance: "CON" });
    await makeArgument(b, { thesisId: thesis.id, parentId: argument.id, stance: "PRO" });
    expect(await notificationsOf(author)).toEqual(["0:REPLY:2"]);
    expect((await listNotifications({ userId: author.id })).items[0]!.text).toBe(`2 replies to your argument, the latest by ${b.name}`);
    expect(await countUnreadNotifications(author.id)).toBe(1);

    await markNotificationsRead({ userId: author.id, input: { all: true } });
    await makeArgument(c, { thesisId: thesis.id, parentId: argument.id, stance: "CON" });
    expect(await notificationsOf(author)).toEqual(["0:REPLY:1", "0:REPLY:2"]);
    expect(await countUnreadNotifications(author.id)).toBe(1);
  });

  it("tell watchers of a thesis and of an ancestor argument, and stop when they unwatch", async () => {
    const [owner, thesisWatcher, branchWatcher, poster] = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser()]);
    const thesis = await makeThesis(owner);
    const root = await makeArgument(owner, { thesisId: thesis.id });
    const child = await makeArgument(owner, { thesisId: thesis.id, parentId: root.id });
    await setWatch({ actor: asMember(thesisWatcher), input: { targetType: "THESIS", targetId: thesis.id }, watching: true });
    await setWatch({ actor: asMember(branchWatcher), input: { targetType: "ARGUMENT", targetId: root.id }, watching: true });

    await makeArgument(poster, { thesisId: thesis.id, parentId: child.id });
    // The owner wrote `child` (REPLY wins over their watch); the two watchers hear of a new argument once each.
    expect(await notificationsOf(owner, thesisWatcher, branchWatcher)).toEqual(["0:REPLY:1", "1:NEW_ARGUMENT:1", "2:NEW_ARGUMENT:1"]);
    const [news] = (await listNotifications({ userId: branchWatcher.id })).items;
    expect(news!.text).toBe(`${poster.name} posted a new argument under an argument you watch`);

    await setWatch({ actor: asMember(branchWatcher), input: { targetType: "ARGUMENT", targetId: root.id }, watching: false });
    await makeArgument(poster, { thesisId: thesis.id, parentId: child.id });
    expect(await notificationsOf(branchWatcher)).toEqual(["0:NEW_ARGUMENT:1"]);
    // An argument elsewhere in the thesis is not under the watched branch.
    await setWatch({ actor: asMember(branchWatcher), input: { targetType: "ARGUMENT", targetId: root.id }, watching: true });
    await makeArgument(poster, { thesisId: thesis.id });
    expect(await notificationsOf(branchWatcher)).toEqual(["0:NEW_ARGUMENT:1"]);
  });

  it("are written before the post locks its thesis's row, so the thesis's other posts never wait for an audience", async () => {
    const [owner, watcher, poster] = await Promise.all([makeUser(), makeUser(), makeUser()]);
    const thesis = await makeThesis(owner);
    await setWatch({ actor: asMember(watcher), input: { targetType: "THESIS", targetId: thesis.id }, watching: true });
    // Another post's transaction, in the middle of its own counter update, holds the thesis's row.
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query(`SELECT 1 FROM "Thesis" WHERE id = $1 FOR NO KEY UPDATE`, [thesis.id]);
      const otherPid = (await other.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
      const posting = makeArgument(poster, { thesisId: thesis.id });
      let waiting: number | undefined;
      for (let i = 0; i < 500 && waiting === undefined; i++) {
        const [blocked] = await db.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE ${otherPid}::int = ANY(pg_blocking_pids(pid))`;
        waiting = blocked?.pid;
        if (waiting === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(waiting).toBeDefined();
      // The waiting post has already written its notifications (it holds the write lock of their table).
      const [written] = await db.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM pg_locks WHERE pid = ${waiting!}::int AND relation = '"Notification"'::regclass AND mode = 'RowExclusiveLock' AND granted`;
      expect(Number(written!.n)).toBe(1);
      await other.query("ROLLBACK");
      await posting;
    } finally {
      await other.end();
    }
    expect(await notificationsOf(owner, watcher)).toEqual(["0:NEW_ARGUMENT:1", "1:NEW_ARGUMENT:1"]);
  });

  it("queue watchers' news in the post's transaction, then tell them of many posts in one statement", async () => {
    const [owner, watcher, author, poster1, poster2, quiet] = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser(), makeUser(), makeUser()]);
    const thesis = await makeThesis(owner);
    const root = await makeArgument(author, { thesisId: thesis.id });
    for (const member of [watcher, quiet]) await setWatch({ actor: asMember(member), input: { targetType: "THESIS", targetId: thesis.id }, watching: true });
    await updateNotificationSettings({ userId: quiet.id, input: { enabledKinds: NOTIFICATION_KINDS.filter((k) => k !== "NEW_ARGUMENT"), emailDigest: true } });
    await deliverWatcherNotifications();
    const before = await notificationsOf(owner, watcher, author, quiet);

    // Posts written as createArgument writes them, without its delivery after the commit.
    const first = await postWithoutTellingWatchers(poster1, thesis.id, root);
    const second = await postWithoutTellingWatchers(poster2, thesis.id, root, `Agreed with @${watcher.handle}.`);
    // A post whose transaction fails queues nothing and tells no one.
    await expect(
      db.$transaction(async (tx) => {
        await writePost(tx, poster1, thesis.id, root);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    const pending = await db.pendingWatcherNotification.findMany({ where: { argument: { thesisId: thesis.id } }, orderBy: { createdAt: "asc" } });
    expect(pending.map((p) => [p.argumentId, [...p.toldIds].sort()])).toEqual([
      [first, [author.id, poster1.id].sort()],
      [second, [author.id, watcher.id, poster2.id].sort()],
    ]);
    // The post's own transaction told the parent's author and the member named; the watchers wait.
    expect(await db.notification.count({ where: { groupKey: `new:${root.id}` } })).toBe(0);

    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    const signalled: string[] = [];
    listener.on("notification", (message) => signalled.push(...(message.payload ?? "").split(",")));
    try {
      await listener.query(`LISTEN ${UNREAD_CHANNEL}`);
      await deliverWatcherNotifications();
      await listener.query("SELECT 1");
    } finally {
      await listener.end();
    }
    expect(await db.pendingWatcherNotification.count({ where: { argument: { thesisId: thesis.id } } })).toBe(0);
    // The owner hears of both at once, in their unread row for the thesis (which told of `root`); the watcher of the
    // first only (the second named them: MENTION wins); the author as REPLY only; who switched the kind off, nothing.
    expect(before).toEqual(["0:NEW_ARGUMENT:1", "1:NEW_ARGUMENT:1"]);
    expect(await notificationsOf(owner, watcher, author, quiet)).toEqual(["0:NEW_ARGUMENT:3", "1:MENTION:1", "1:NEW_ARGUMENT:2", "2:REPLY:2"]);
    expect((await listNotifications({ userId: owner.id })).items[0]!.text).toBe(`3 new arguments in a thesis you watch, the latest by ${poster2.name}`);
    expect(signalled.sort()).toEqual([owner.id, watcher.id].sort());
  });

  it("reach watchers on their own a moment after the post, with nobody asking", async () => {
    const [owner, poster] = await Promise.all([makeUser(), makeUser()]);
    const thesis = await makeThesis(owner);
    await makeArgument(poster, { thesisId: thesis.id });
    await vi.waitFor(async () => expect(await db.notification.count({ where: { userId: owner.id, kind: "NEW_ARGUMENT" } })).toBe(1), { timeout: 10_000, interval: 20 });
    expect(await db.pendingWatcherNotification.count({ where: { argument: { thesisId: thesis.id } } })).toBe(0);
  });

  it("deliver each queued post once when two processes' runs take the queue at the same moment", async () => {
    const [owner, author, poster] = await Promise.all([makeUser(), makeUser(), makeUser()]);
    const thesis = await makeThesis(owner);
    const root = await makeArgument(author, { thesisId: thesis.id });
    await deliverWatcherNotifications();
    for (let i = 0; i < 30; i++) await postWithoutTellingWatchers(poster, thesis.id, root);
    // Two copies of the module: two independent runs, as two app processes would have, on separate connections.
    vi.resetModules();
    const other = await import("@/server/notifications/deliver-watcher-notifications");
    expect(other.deliverWatcherNotifications).not.toBe(deliverWatcherNotifications);
    await Promise.all([deliverWatcherNotifications(), other.deliverWatcherNotifications()]);
    expect(await notificationsOf(owner, author)).toEqual(["0:NEW_ARGUMENT:31", "1:REPLY:30"]);
  });

  it("tell each member named by @handle once (not e-mail addresses, not unknown handles, not the author)", async () => {
    const [author, named, other] = await Promise.all([makeUser(), makeUser(), makeUser()]);
    const thesis = await makeThesis(author);
    await makeArgument(author, {
      thesisId: thesis.id,
      body: `As @${named.handle} said (and @${named.handle.toUpperCase()} again), mail ${other.handle}@example.org; @${author.handle}; @nobody-here`,
    });
    expect(await notificationsOf(author, named, other)).toEqual(["1:MENTION:1"]);
    expect((await listNotifications({ userId: named.id })).items[0]!.text).toBe(`${author.name} mentioned you in an argument`);
  });

  it("tell who saved a cited quote and who added its source", async () => {
    const [author, quoter, sourceAdder] = await Promise.all([makeUser(), makeUser(), makeUser()]);
    const thesis = await makeThesis(author);
    const source = await makeSource(sourceAdder.id);
    const quote = await makeQuote(source.id, quoter.id);
    await makeArgument(author, { thesisId: thesis.id, body: `Evidence [[q:${quote.id}]].` });
    expect(await notificationsOf(author, quoter, sourceAdder)).toEqual(["1:CITATION:1", "2:CITATION:1"]);
    // Citing your own quote tells nobody.
    await makeArgument(quoter, { thesisId: thesis.id, body: `Again [[q:${quote.id}]].` });
    expect(await notificationsOf(quoter, sourceAdder)).toEqual(["0:CITATION:1", "1:CITATION:1", "1:CITATION:1"]);
  });
});

describe("notifications of edits and moderation", () => {
  it("ask the voters of a changed argument to reconfirm, once, and only after a change of meaning", async () => {
    const [author, up, down, bystander] = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser()]);
    const thesis = await makeThesis(bystander);
    const body = "Sanctions reduced the military budget by a third within two years of their start.";
    const argument = await makeArgument(author, { thesisId: thesis.id, body });
    await castVote({ actor: up, argumentId: argument.id, value: 1 });
    await castVote({ actor: down, argumentId: argument.id, value: -1 });
    await deliverWatcherNotifications();
    await db.notification.deleteMany({ where: { userId: bystander.id } });

    await editArgument({ actor: author, input: { argumentId: argument.id, body: body.replace("budget", "budgte") } });
    expect(await notificationsOf(author, up, down, bystander)).toEqual([]);
    await editArgument({ actor: author, input: { argumentId: argument.id, body: "Sanctions did not reduce the military budget at all." } });
    expect(await notificationsOf(author, up, down, bystander)).toEqual(["1:RECONFIRM_VOTE:1", "2:RECONFIRM_VOTE:1"]);
    // Their votes are already stale: a second change asks nobody again.
    await editArgument({ actor: author, input: { argumentId: argument.id, body: "Sanctions raised the military budget, if anything." } });
    expect(await notificationsOf(up, down)).toEqual(["0:RECONFIRM_VOTE:1", "1:RECONFIRM_VOTE:1"]);
  });

  it("tell of an edit's new mentions only", async () => {
    const [author, first, second] = await Promise.all([makeUser(), makeUser(), makeUser()]);
    const thesis = await makeThesis(author);
    const argument = await makeArgument(author, { thesisId: thesis.id, body: `Ask @${first.handle}.` });
    await editArgument({ actor: author, input: { argumentId: argument.id, body: `Ask @${first.handle} and @${second.handle}.` } });
    expect(await notificationsOf(first, second)).toEqual(["0:MENTION:1", "1:MENTION:1"]);
  });

  it("never tell voters of a hidden argument's change, which they may not read; its thesis's moderators yes", async () => {
    const [author, voter, appointed] = await Promise.all([makeUser(), makeUser(), makeUser()]);
    const moderator = await makeMember({ role: "MODERATOR" });
    const owner = await makeUser();
    const thesis = await makeThesis(owner);
    await db.thesisModerator.create({ data: { thesisId: thesis.id, userId: appointed.id, appointedById: owner.id } });
    const argument = await makeArgument(author, { thesisId: thesis.id, body: "Exports to the region doubled in the year after the sanctions began." });
    for (const actor of [voter, appointed, moderator, owner]) await castVote({ actor, argumentId: argument.id, value: 1 });
    await performModerationAction({ actor: moderator, input: { action: "HIDE", targetType: "ARGUMENT", targetId: argument.id, reason: "Spam" } });
    await deliverWatcherNotifications();
    await db.notification.deleteMany({ where: { userId: { in: [voter.id, appointed.id, moderator.id, owner.id] } } });

    await editArgument({ actor: author, input: { argumentId: argument.id, body: "Imports from the region halved instead, by every count." } });
    expect(await notificationsOf(voter, appointed, moderator, owner)).toEqual(["1:RECONFIRM_VOTE:1", "2:RECONFIRM_VOTE:1", "3:RECONFIRM_VOTE:1"]);
  });

  it("tell the author of moderated content, and only them, what was done and why", async () => {
    const [author, owner] = await Promise.all([makeUser(), makeUser()]);
    const moderator = await makeMember({ role: "MODERATOR" });
    const thesis = await makeThesis(owner);
    const argument = await makeArgument(author, { thesisId: thesis.id });
    await performModerationAction({ actor: owner, input: { action: "HIDE", targetType: "ARGUMENT", targetId: argument.id, reason: "Personal attack" } });
    await performModerationAction({ actor: moderator, input: { action: "LOCK", thesisId: thesis.id, reason: "Cooling off" } });

    const items = (await listNotifications({ userId: author.id })).items;
    expect(items.map((i) => [i.kind, i.text, i.reason, i.excerpt === "Hidden by moderators"])).toEqual([
      ["MODERATION", "A moderator hid your argument", "Personal attack", false],
    ]);
    const ownerItems = (await listNotifications({ userId: owner.id, unreadOnly: true })).items.filter((i) => i.kind === "MODERATION");
    expect(ownerItems.map((i) => [i.text, i.reason, i.href])).toEqual([["A moderator locked your thesis", "Cooling off", `/t/${thesis.slug}`]]);
    // Nobody else hears of it.
    expect(await db.notification.count({ where: { kind: "MODERATION", thesisId: thesis.id, userId: { notIn: [author.id, owner.id] } } })).toBe(0);
  });

  it("redact an argument hidden after its notification was made, for all but its author", async () => {
    const [owner, writer] = await Promise.all([makeUser(), makeUser()]);
    const thesis = await makeThesis(owner);
    const argument = await makeArgument(writer, { thesisId: thesis.id, body: `Words to hide, @${owner.handle}` });
    const reply = await makeArgument(owner, { thesisId: thesis.id, parentId: argument.id });
    await makeArgument(writer, { thesisId: thesis.id, parentId: reply.id, body: "More words" });
    await performModerationAction({ actor: owner, input: { action: "HIDE", targetType: "ARGUMENT", targetId: argument.id, reason: "Off topic" } });

    const mention = (await listNotifications({ userId: owner.id })).items.find((i) => i.kind === "MENTION")!;
    // The owner moderates the thesis, yet a list never carries hidden text: only the argument's author reads it there.
    expect(mention.excerpt).toBe("Hidden by moderators");
    const forWriter = (await listNotifications({ userId: writer.id })).items.map((i) => [i.kind, i.excerpt?.startsWith("Words to hide")]);
    expect(forWriter).toEqual([["MODERATION", true], ["REPLY", true]]);
  });
});

describe("preferences, reading and watching", () => {
  it("create no notification of a kind the member switched off", async () => {
    const [author, replier, named] = await Promise.all([makeUser(), makeUser(), makeUser()]);
    await updateNotificationSettings({ userId: author.id, input: { enabledKinds: NOTIFICATION_KINDS.filter((k) => k !== "REPLY"), emailDigest: true } });
    const thesis = await makeThesis(named);
    const argument = await makeArgument(author, { thesisId: thesis.id });
    await makeArgument(replier, { thesisId: thesis.id, parentId: argument.id, body: `cc @${named.handle}` });
    // Switching replies off does not turn them into "new argument under an argument you watch".
    expect(await notificationsOf(author, named)).toEqual(["1:MENTION:1", "1:NEW_ARGUMENT:1"]);
  });

  it("marks read only the member's own notifications, one or all, and pages by cursor", async () => {
    const [author, other] = await Promise.all([makeUser(), makeUser()]);
    const thesis = await makeThesis(other);
    for (let i = 0; i < 3; i++) {
      const argument = await makeArgument(author, { thesisId: thesis.id });
      await makeArgument(other, { thesisId: thesis.id, parentId: argument.id });
    }
    const first = await listNotifications({ userId: author.id, limit: 2 });
    const second = await listNotifications({ userId: author.id, limit: 2, cursor: first.nextCursor });
    expect(first.items).toHaveLength(2);
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((i) => i.id)).size).toBe(3);
    await expect(listNotifications({ userId: author.id, cursor: "garbage!" })).rejects.toBeInstanceOf(InvalidInputError);

    // Someone else's id changes nothing and is refused as unknown, whether it exists or not.
    await expect(markNotificationsRead({ userId: other.id, input: { ids: [first.items[0]!.id] } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(markNotificationsRead({ userId: other.id, input: { ids: ["nosuchnotification"] } })).rejects.toBeInstanceOf(NotFoundError);
    expect(await markNotificationsRead({ userId: author.id, input: { ids: [first.items[0]!.id] } })).toEqual({ marked: 1 });
    expect(await countUnreadNotifications(author.id)).toBe(2);
    expect(await markNotificationsRead({ userId: author.id, input: { all: true } })).toEqual({ marked: 2 });
    expect(await countUnreadNotifications(author.id)).toBe(0);
  });

  it("watches what members post, and refuses to watch what is missing or hidden from them", async () => {
    const [owner, member] = await Promise.all([makeUser(), makeUser()]);
    const thesis = await makeThesis(owner);
    const argument = await makeArgument(member, { thesisId: thesis.id });
    const watches = await db.watch.findMany({ where: { userId: { in: [owner.id, member.id] } }, select: { userId: true, targetType: true, targetId: true } });
    expect(watches).toEqual(expect.arrayContaining([
      { userId: owner.id, targetType: "THESIS", targetId: thesis.id },
      { userId: member.id, targetType: "ARGUMENT", targetId: argument.id },
    ]));
    expect(watches).toHaveLength(2);

    const user = { ...member, role: "USER" as const };
    await expect(setWatch({ actor: user, input: { targetType: "THESIS", targetId: "nosuchthesis" }, watching: true })).rejects.toBeInstanceOf(NotFoundError);
    const moderator = await makeMember({ role: "MODERATOR" });
    const other = await makeArgument(owner, { thesisId: thesis.id });
    await performModerationAction({ actor: moderator, input: { action: "HIDE", targetType: "ARGUMENT", targetId: other.id, reason: "Spam" } });
    await expect(setWatch({ actor: user, input: { targetType: "ARGUMENT", targetId: other.id }, watching: true })).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.watch.count({ where: { userId: member.id } })).toBe(1);
    // Its author and the thesis's owner still may.
    await setWatch({ actor: { id: owner.id, role: "USER" }, input: { targetType: "ARGUMENT", targetId: other.id }, watching: true });
    // Watching twice keeps one watch.
    await setWatch({ actor: user, input: { targetType: "THESIS", targetId: thesis.id }, watching: true });
    await setWatch({ actor: user, input: { targetType: "THESIS", targetId: thesis.id }, watching: true });
    expect(await db.watch.count({ where: { userId: member.id, targetType: "THESIS" } })).toBe(1);
  });
});
