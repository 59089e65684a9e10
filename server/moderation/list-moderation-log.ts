import "server-only";
import { db } from "../db";

const PAGE_SIZE = 100;

/**
 * Log entries, newest first: a thesis's (public, on its log page) or every entry (admins). `before` pages
 * back through older entries by sequence number.
 */
export async function listModerationLog({ thesisId, before }: { thesisId?: string; before?: number } = {}) {
  const entries = await db.moderationAction.findMany({
    where: { ...(thesisId ? { thesisId } : {}), ...(before ? { seq: { lt: before } } : {}) },
    orderBy: { seq: "desc" },
    take: PAGE_SIZE,
    select: {
      seq: true,
      action: true,
      actorRole: true,
      targetType: true,
      targetId: true,
      thesisId: true,
      reason: true,
      details: true,
      createdAt: true,
      hash: true,
      prevHash: true,
      actor: { select: { name: true, handle: true } },
    },
  });
  // Names of members acted on (suspensions, appointments), so the log reads without raw ids.
  const userIds = [...new Set(entries.filter((e) => e.targetType === "USER").map((e) => e.targetId))];
  const users = userIds.length
    ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, handle: true } })
    : [];
  const names = new Map(users.map((user) => [user.id, user]));
  return {
    entries: entries.map((entry) => ({ ...entry, targetUser: entry.targetType === "USER" ? (names.get(entry.targetId) ?? null) : null })),
    nextBefore: entries.length === PAGE_SIZE ? entries[entries.length - 1]!.seq : null,
  };
}

export type ModerationLogEntry = Awaited<ReturnType<typeof listModerationLog>>["entries"][number];
