import "server-only";
import { db } from "../db";
import { decodeCursor, encodeCursor } from "../arguments/page-cursor";
import { InvalidInputError } from "../errors";
import { describeNotification, notificationSelect, type NotificationView } from "./describe-notification";

export const NOTIFICATIONS_PER_PAGE = 30;

/**
 * One page of a member's notifications, latest activity first, by keyset on (updatedAt, id). A group that gets a
 * new reply moves to the top; that is what its reader wants to see first. A cursor this app did not make is a 422.
 */
export async function listNotifications({
  userId,
  cursor,
  unreadOnly = false,
  limit = NOTIFICATIONS_PER_PAGE,
}: {
  userId: string;
  cursor?: string | null;
  unreadOnly?: boolean;
  limit?: number;
}): Promise<{ items: NotificationView[]; nextCursor: string | null }> {
  const after = cursor ? decodeCursor(cursor) : null;
  if (cursor && !after) throw new InvalidInputError("That page link is damaged.", { cursor: ["Malformed cursor."] });
  const rows = await db.notification.findMany({
    where: {
      userId,
      ...(unreadOnly ? { readAt: null } : {}),
      ...(after
        ? { OR: [{ updatedAt: { lt: after.createdAt } }, { updatedAt: after.createdAt, id: { lt: after.id } }] }
        : {}),
    },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: notificationSelect,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => describeNotification(row, userId)),
    nextCursor: rows.length > limit && last ? encodeCursor({ key: 0, createdAt: last.updatedAt, id: last.id }) : null,
  };
}
