import { randomUUID } from "node:crypto";
import { db } from "@/server/db";

/**
 * A member created straight in the database (no password hashing): moderation tests need many actors and
 * none of them signs in. Role and suspension as given.
 */
export async function makeMember({ role = "USER", suspendedHours }: { role?: "USER" | "MODERATOR" | "ADMIN"; suspendedHours?: number } = {}) {
  const tag = randomUUID().slice(0, 12);
  return db.user.create({
    data: {
      email: `mod-${tag}@example.test`,
      name: `Member ${tag}`,
      nameKey: `member ${tag}`,
      handle: `member-${tag}`,
      role,
      suspendedUntil: suspendedHours ? new Date(Date.now() + suspendedHours * 3_600_000) : null,
    },
    select: { id: true, name: true, handle: true, role: true, suspendedUntil: true, email: true, createdAt: true },
  });
}

export async function makeSource(addedById: string) {
  return db.source.create({
    data: {
      title: `Source ${randomUUID().slice(0, 8)}`,
      captureMethod: "PASTED",
      text: "The quick brown fox jumps over the lazy dog.",
      sha256: "0".repeat(64),
      addedById,
    },
    select: { id: true },
  });
}

export async function makeQuote(sourceId: string, createdById: string) {
  return db.quote.create({
    data: { sourceId, exact: "brown fox", prefix: "The quick ", suffix: " jumps", start: 10, end: 19, createdById },
    select: { id: true },
  });
}
