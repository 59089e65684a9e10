import { z } from "zod";
import { idSchema } from "./argument";

export const NOTIFICATION_KINDS = ["REPLY", "NEW_ARGUMENT", "CITATION", "MENTION", "MODERATION", "RECONFIRM_VOTE"] as const;
export type NotificationKindName = (typeof NOTIFICATION_KINDS)[number];

/** What each kind is called in the preferences form. */
export const NOTIFICATION_KIND_LABELS: Record<NotificationKindName, string> = {
  REPLY: "Replies and rebuttals to your arguments",
  NEW_ARGUMENT: "New arguments in theses and arguments you watch",
  CITATION: "Citations of sources and quotes you added",
  MENTION: "Mentions of your @handle",
  MODERATION: "Moderators' acts on your content",
  RECONFIRM_VOTE: "Arguments you voted on that changed their meaning",
};

/** Mark some notifications read (`ids`, at most one page) or all of them (`all: true`). */
export const markNotificationsReadSchema = z.union([
  z.object({ ids: z.array(idSchema).min(1, "Name at least one notification.").max(100, "At most 100 notifications at once.") }),
  z.object({ all: z.literal(true) }),
], { error: "Send { ids: [...] } or { all: true }." });
export type MarkNotificationsReadInput = z.infer<typeof markNotificationsReadSchema>;

export const notificationSettingsSchema = z.object({
  enabledKinds: z.array(z.enum(NOTIFICATION_KINDS, { error: "Unknown kind of notification." })).max(NOTIFICATION_KINDS.length),
  emailDigest: z.boolean(),
});
export type NotificationSettingsInput = z.infer<typeof notificationSettingsSchema>;

/** `GET /api/v1/notifications?cursor=&unread=1`. */
export const notificationListQuerySchema = z.object({
  cursor: z.string().max(200, "Malformed cursor.").optional(),
  unread: z.enum(["0", "1"], { error: "unread is 0 or 1." }).optional(),
});
