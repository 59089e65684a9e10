import "server-only";
import { db } from "../db";

/**
 * Unread notifications of one member (a group of replies counts once): the header's badge. It reads the partial
 * index of unread rows only (see the watches_notifications migration): cheap enough for every page, and for a live
 * update to call again.
 */
export async function countUnreadNotifications(userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}
