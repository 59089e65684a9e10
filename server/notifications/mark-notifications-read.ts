import "server-only";
import { db } from "../db";
import { NotFoundError } from "../errors";
import type { MarkNotificationsReadInput } from "@/lib/validation/notification";

/**
 * Marks the member's own notifications read: the ids given (read ones are skipped, not refused, so a double click
 * or a stale page changes nothing twice), or all of them. Answers how many changed. Ids none of which is the
 * member's are a 404: a client that sends them has a bug, and nothing tells whether they exist for others.
 */
export async function markNotificationsRead({ userId, input }: { userId: string; input: MarkNotificationsReadInput }): Promise<{ marked: number }> {
  const { count } = await db.notification.updateMany({
    where: { userId, readAt: null, ...("ids" in input ? { id: { in: input.ids } } : {}) },
    data: { readAt: new Date() },
  });
  if (count === 0 && "ids" in input && (await db.notification.count({ where: { userId, id: { in: input.ids } } })) === 0) {
    throw new NotFoundError("None of those notifications is yours.");
  }
  return { marked: count };
}
