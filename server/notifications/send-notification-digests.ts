import "server-only";
import { db } from "../db";
import { isEmailConfigured, sendEmail } from "../email/send-email";
import { deliverWatcherNotifications } from "./deliver-watcher-notifications";
import { describeNotification, notificationSelect, type NotificationView } from "./describe-notification";

export interface DigestRun {
  /** False when SMTP_URL is unset: nothing was read, sent or marked. */
  configured: boolean;
  members: number;
  notifications: number;
}

/** Address the links in mails point to. */
function publicUrl(): string {
  return (process.env.AGORA_PUBLIC_URL ?? process.env.AUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, "");
}

/**
 * Mails each member who has the digest on one message listing their unread notifications not mailed yet, and
 * marks those mailed. Per member, one transaction locks the rows (SKIP LOCKED: two runs at once never mail the
 * same notification twice), sends, and marks; a failed send rolls the marks back so the next run tries again.
 * A grouped row that got news since it was mailed is mailed again (see deliver-watcher-notifications.ts).
 */
export async function sendNotificationDigests(): Promise<DigestRun> {
  if (!isEmailConfigured()) return { configured: false, members: 0, notifications: 0 };
  // Watchers' news still pending (its post's process stopped before telling them) goes into this digest.
  await deliverWatcherNotifications();
  const recipients = await db.notification.findMany({
    where: {
      readAt: null,
      emailedAt: null,
      user: { OR: [{ notificationPrefs: null }, { notificationPrefs: { emailDigest: true } }] },
    },
    distinct: ["userId"],
    select: { userId: true },
  });
  const run: DigestRun = { configured: true, members: 0, notifications: 0 };
  for (const { userId } of recipients) {
    const mailed = await mailOneDigest(userId);
    if (mailed > 0) {
      run.members += 1;
      run.notifications += mailed;
    }
  }
  return run;
}

async function mailOneDigest(userId: string): Promise<number> {
  return db.$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "Notification"
        WHERE "userId" = ${userId} AND "readAt" IS NULL AND "emailedAt" IS NULL
        FOR UPDATE SKIP LOCKED`;
      if (locked.length === 0) return 0;
      const ids = locked.map((row) => row.id);
      const [user, rows] = await Promise.all([
        tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true } }),
        tx.notification.findMany({ where: { id: { in: ids } }, orderBy: [{ updatedAt: "desc" }, { id: "desc" }], select: notificationSelect }),
      ]);
      const items = rows.map((row) => describeNotification(row, userId));
      await sendEmail({
        to: user.email,
        subject: `Agora: ${items.length} new ${items.length === 1 ? "notification" : "notifications"}`,
        text: digestText(user.name, items),
      });
      await tx.notification.updateMany({ where: { id: { in: ids } }, data: { emailedAt: new Date() } });
      return ids.length;
    },
    // The send happens inside the transaction, so give a slow mail server time before Prisma gives up.
    { timeout: 60_000 },
  );
}

function digestText(name: string, items: NotificationView[]): string {
  const base = publicUrl();
  const byThesis = new Map<string, NotificationView[]>();
  for (const item of items) {
    const heading = item.thesis ? item.thesis.title : "Sources and other content";
    byThesis.set(heading, [...(byThesis.get(heading) ?? []), item]);
  }
  const sections = [...byThesis].map(([heading, list]) =>
    [
      heading,
      ...list.map((item) =>
        [`- ${item.text}`, item.excerpt && `  “${item.excerpt}”`, item.reason && `  Reason: ${item.reason}`, `  ${base}${item.href}`]
          .filter(Boolean)
          .join("\n"),
      ),
    ].join("\n"),
  );
  return [
    `Hello ${name},`,
    "",
    "Here is what happened on Agora since your last digest.",
    "",
    sections.join("\n\n"),
    "",
    `All notifications: ${base}/notifications`,
    `Stop these mails or choose what notifies you: ${base}/settings/notifications`,
  ].join("\n");
}
