import "server-only";
import { signalUnread } from "./signal-unread";
import type { Tx } from "../db";
import { loadContentTarget } from "../moderation/targets";

/** Acts that change what happens to someone's content; dismissing a flag, role changes and suspensions are not. */
const CONTENT_ACTS = new Set(["HIDE", "RESTORE", "MARK_DUPLICATE", "LOCK", "UNLOCK"]);

/**
 * Inside performModerationAction's transaction, after its log entry: tells the author of the content acted on
 * what was done and why, as the log records it. Not when moderators act on their own content, nor when the
 * author switched the kind off. The author always may read their own content, hidden or not.
 */
export async function notifyModerationAct(tx: Tx, logSeq: number): Promise<void> {
  const entry = await tx.moderationAction.findUniqueOrThrow({
    where: { seq: logSeq },
    select: { action: true, actorId: true, targetType: true, targetId: true, thesisId: true, reason: true },
  });
  if (!CONTENT_ACTS.has(entry.action) || entry.targetType === "USER") return;
  const target = await loadContentTarget(tx, entry.targetType, entry.targetId);
  if (target.authorId === entry.actorId) return;
  const settings = await tx.notificationSettings.findUnique({ where: { userId: target.authorId }, select: { disabledKinds: true } });
  if (settings?.disabledKinds.includes("MODERATION")) return;
  const quote = target.type === "QUOTE" ? await tx.quote.findUniqueOrThrow({ where: { id: target.id }, select: { sourceId: true } }) : null;
  await tx.notification.create({
    data: {
      userId: target.authorId,
      kind: "MODERATION",
      actorId: entry.actorId,
      thesisId: entry.thesisId,
      argumentId: target.type === "ARGUMENT" ? target.id : null,
      quoteId: target.type === "QUOTE" ? target.id : null,
      sourceId: target.type === "SOURCE" ? target.id : (quote?.sourceId ?? null),
      action: entry.action,
      reason: entry.reason,
    },
  });
  await signalUnread(tx, target.authorId);
}
