import "server-only";
import type { Tx } from "../db";

/** What a live event says happened to its subject; the stream reads the subject's current state when it sends. */
export type LiveEventKind = "ARGUMENT_CREATED" | "ARGUMENT_EDITED" | "ARGUMENT_HIDDEN" | "ARGUMENT_RESTORED" | "VOTES_CHANGED";

/**
 * The NOTIFY channel for members whose notifications changed (server/notifications/signal-unread.ts): it carries
 * comma-separated user ids and has no replay log, since what a member's stream sends (the unread count) is read
 * fresh each time.
 */
export const UNREAD_CHANNEL = "agora_unread";

/** The topic open thesis and focus pages follow. A per-member topic (e.g. "user:<id>") fits the same table. */
export function thesisTopic(thesisId: string): string {
  return `thesis:${thesisId}`;
}

/**
 * Records a live event inside the caller's transaction: it is delivered only if the transaction commits. Call it
 * after the transaction's other writes (see agora_publish_live, migration live_events, for why it must be last).
 * Votes publish from inside the SQL vote function instead, to stay one round trip.
 */
export async function publishLive(tx: Tx, topic: string, kind: LiveEventKind, subjectId: string): Promise<void> {
  await tx.$executeRaw`SELECT agora_publish_live(${topic}, ${kind}, ${subjectId})`;
}
