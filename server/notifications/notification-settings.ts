import "server-only";
import { db } from "../db";
import { NOTIFICATION_KINDS, type NotificationKindName, type NotificationSettingsInput } from "@/lib/validation/notification";

export interface NotificationSettingsView {
  enabledKinds: NotificationKindName[];
  emailDigest: boolean;
}

/** The member's choices; every kind and the digest are on until they change them. */
export async function getNotificationSettings(userId: string): Promise<NotificationSettingsView> {
  const row = await db.notificationSettings.findUnique({ where: { userId }, select: { disabledKinds: true, emailDigest: true } });
  const disabled = new Set(row?.disabledKinds ?? []);
  return { enabledKinds: NOTIFICATION_KINDS.filter((k) => !disabled.has(k)), emailDigest: row?.emailDigest ?? true };
}

/** Stores the kinds switched off (so a kind added later starts on) and the digest choice. */
export async function updateNotificationSettings({ userId, input }: { userId: string; input: NotificationSettingsInput }) {
  const enabled = new Set(input.enabledKinds);
  const disabledKinds = NOTIFICATION_KINDS.filter((k) => !enabled.has(k));
  await db.notificationSettings.upsert({
    where: { userId },
    create: { userId, disabledKinds, emailDigest: input.emailDigest },
    update: { disabledKinds, emailDigest: input.emailDigest },
  });
  return getNotificationSettings(userId);
}
