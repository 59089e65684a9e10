import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { sendNotificationDigests } from "@/server/notifications/send-notification-digests";
import { updateNotificationSettings } from "@/server/notifications/notification-settings";
import { NOTIFICATION_KINDS } from "@/lib/validation/notification";
import { makeArgument, makeThesis, makeUser } from "../support/factories";
import { startSmtpCapture } from "../support/smtp-capture";

/** The text of a captured message, quoted-printable undone. */
function decoded(raw: string): string {
  return raw.replace(/=\r?\n/g, "").replace(/(=[0-9A-F]{2})+/g, (run) => Buffer.from(run.replace(/=/g, ""), "hex").toString("utf8"));
}

/** Digest runs see every member of the shared test database: each assertion looks at its own members' mail. */
describe("notification digest", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  const previous = process.env.SMTP_URL;
  beforeAll(async () => {
    smtp = await startSmtpCapture();
  });
  afterAll(async () => {
    if (previous === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = previous;
    await smtp.close();
  });

  it("sends nothing and fails nothing without SMTP_URL, and leaves the notifications to mail later", async () => {
    delete process.env.SMTP_URL;
    const [author, replier] = await Promise.all([makeUser(), makeUser()]);
    const thesis = await makeThesis(author);
    const argument = await makeArgument(author, { thesisId: thesis.id });
    await makeArgument(replier, { thesisId: thesis.id, parentId: argument.id });
    expect(await sendNotificationDigests()).toEqual({ configured: false, members: 0, notifications: 0 });
    expect(smtp.received).toHaveLength(0);
    expect(await db.notification.count({ where: { userId: author.id, emailedAt: null } })).toBe(1);
  });

  it("mails each member one digest of their unread news, once; a grouped row with news is mailed again", async () => {
    process.env.SMTP_URL = smtp.url;
    const [author, replier, other, quiet] = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser()]);
    await updateNotificationSettings({ userId: quiet.id, input: { enabledKinds: [...NOTIFICATION_KINDS], emailDigest: false } });
    const thesis = await makeThesis(author, "Sanctions shorten wars");
    const argument = await makeArgument(author, { thesisId: thesis.id, body: "Sanctions cut the revenue that pays for the war." });
    const quietArgument = await makeArgument(quiet, { thesisId: thesis.id });
    await makeArgument(replier, { thesisId: thesis.id, parentId: argument.id });
    await makeArgument(other, { thesisId: thesis.id, parentId: argument.id, body: `Not so, @${author.handle}.` });
    await makeArgument(replier, { thesisId: thesis.id, parentId: quietArgument.id });
    await makeArgument(other, { thesisId: thesis.id, parentId: quietArgument.id });

    const mine = () => smtp.received.filter((m) => [author.email, quiet.email, replier.email, other.email].includes(m.to[0]!));
    await sendNotificationDigests();
    const first = mine();
    // The author has the grouped replies to their argument, and, as the thesis's owner and so its watcher, the new
    // top-level argument of `quiet` and the two replies to it (one row for the thesis); `quiet` has two replies too
    // but turned the digest off; the repliers watch only their own replies, which got none.
    expect(first.map((m) => m.to[0])).toEqual([author.email]);
    expect(await db.notification.count({ where: { userId: quiet.id, emailedAt: null } })).toBe(1);
    const authorMail = decoded(first.find((m) => m.to[0] === author.email)!.raw);
    expect(authorMail).toContain("Subject: Agora: 2 new notifications");
    expect(authorMail).toContain(`3 new arguments in a thesis you watch, the latest by ${other.name}`);
    expect(authorMail).toContain("“Sanctions cut the revenue that pays for the war.”");
    expect(authorMail).toContain("Sanctions shorten wars");
    expect(authorMail).toContain(`2 replies to your argument, the latest by ${other.name}`);
    expect(authorMail).toContain(`/t/${thesis.slug}/a/${argument.id}`);
    expect(await db.notification.count({ where: { userId: author.id, emailedAt: null } })).toBe(0);

    await sendNotificationDigests();
    expect(mine()).toHaveLength(1);

    // News in a group already mailed but unread: the next digest tells it.
    await makeArgument(other, { thesisId: thesis.id, parentId: argument.id });
    await sendNotificationDigests();
    const third = mine().slice(1);
    expect(third.map((m) => m.to[0])).toEqual([author.email]);
    const news = decoded(third[0]!.raw);
    expect(news).toContain("Subject: Agora: 1 new notification");
    expect(news).toContain("3 replies to your argument");
  });
});
