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

type ReviewItemSpec = { targetType?: "ARGUMENT" | "SOURCE"; status?: "PENDING" | "ACTIONED" | "DISMISSED"; reason?: "SPAM" | "ABUSE" };

/**
 * Review items straight in the database, fast enough for hundreds: one per spec, in the given order, in `thesisId`,
 * each with one flag (by `reporterId`, for `reason`). Their targets do not exist (the queue shows "the content no
 * longer exists"). Three items share each creation time (in the past, from `start`, one second per group), so
 * the order has ties within a millisecond; ids grow with the index, so the expected order is the specs' order.
 */
export async function makeReviewItems({
  thesisId,
  reporterId,
  specs,
  start = new Date(Date.now() - 86_400_000),
}: {
  thesisId: string;
  reporterId: string;
  specs: ReviewItemSpec[];
  start?: Date;
}) {
  const tag = randomUUID().replace(/-/g, "").slice(0, 12);
  const rows = specs.map((spec, i) => ({
    id: `q${tag}${String(i).padStart(4, "0")}`,
    targetType: spec.targetType ?? "ARGUMENT",
    targetId: `gone${tag}${i}`,
    thesisId,
    status: spec.status ?? "PENDING",
    flagCount: 1,
    createdAt: new Date(start.getTime() + Math.floor(i / 3) * 1000),
  }));
  await db.reviewItem.createMany({ data: rows });
  await db.flag.createMany({
    data: rows.map((row, i) => ({
      reporterId,
      targetType: row.targetType,
      targetId: row.targetId,
      reason: specs[i]!.reason ?? "SPAM",
      reviewItemId: row.id,
      createdAt: row.createdAt,
    })),
  });
  return rows.map((row) => row.id);
}
