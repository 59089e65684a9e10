import "server-only";
import { db } from "../db";
import type { MarkNotificationsReadInput } from "@/lib/validation/notification";

/**
 * Marks the member's own notifications read: the ids given (others' ids and read ones are skipped, not refused,
 * so a double click or a stale page changes nothing twice), or all of them. Answers how many changed.
 */
export async function markNotificationsRead({ userId, input }: { userId: string; input: MarkNotificationsReadInput }): Promise<{ marked: number }> {
  const { count } = await db.notification.updateMany({
    where: { userId, readAt: null, ...("ids" in input ? { id: { in: input.ids } } : {}) },
    data: { readAt: new Date() },
  });
  return { marked: count };
}
