import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { Tx } from "../db";
import { UNREAD_CHANNEL } from "../live/publish";

/** NOTIFY payloads stop at 8,000 bytes: ids (about 25 characters) go out 200 at a time. */
const IDS_PER_SIGNAL = 200;

/**
 * The tail of a notification-writing statement whose last part is `written AS (INSERT … RETURNING "userId")`:
 * tells the members' open pages (the header's unread count) that something changed. NOTIFY is transactional, so
 * a rolled-back write signals nothing; it carries no content, only who should re-read their count.
 */
export const signalWrittenRecipients = Prisma.sql`
  SELECT pg_notify(${UNREAD_CHANNEL}, string_agg("userId", ','))
  FROM (SELECT "userId", (row_number() OVER ()) / ${IDS_PER_SIGNAL} AS chunk FROM written) w
  GROUP BY chunk`;

/** The same signal for one member, after a write made through Prisma. */
export async function signalUnread(tx: Tx, userId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${UNREAD_CHANNEL}, ${userId})`;
}
