import "server-only";
import { signalWrittenRecipients } from "./signal-unread";
import type { Tx } from "../db";
import { citedQuoteIds } from "@/lib/validation/citation";
import { mentionedHandles } from "@/lib/notifications/mentions";

/**
 * Inside createArgument's transaction: the author starts watching their new argument, and everyone the argument
 * concerns directly is notified, in one statement (posting is a hot path; docs/notifications.md has the figures).
 *
 * Each member gets at most one notification per argument, the first kind that applies: REPLY (they wrote the
 * parent), MENTION, CITATION (they saved a cited quote or added its source), NEW_ARGUMENT (they watch the thesis or
 * an ancestor). Never the author; never a kind the member switched off. The first three reach a handful of members
 * and are written here. Watchers can be thousands, so NEW_ARGUMENT is only queued here (one row, when anyone is left
 * to tell) and written after the commit by deliverWatcherNotifications, many posts in one statement.
 * No visibility filter is needed: a new argument is visible, hidden theses take no arguments, and citations of
 * hidden quotes are refused before this runs; hidden context is redacted when the list is read.
 */
export async function notifyNewArgument(
  tx: Tx,
  { actorId, thesisId, argument, body }: { actorId: string; thesisId: string; argument: { id: string; parentId: string | null; path: string }; body: string },
): Promise<void> {
  const ancestorIds = argument.path.split("/").slice(0, -1);
  const groupTarget = argument.parentId ?? thesisId;
  const handles = mentionedHandles(body);
  const quoteIds = citedQuoteIds(body);
  const now = new Date();
  await tx.$executeRaw`
    WITH watch AS (
      INSERT INTO "Watch" (id, "userId", "targetType", "targetId", "createdAt")
      VALUES ('w' || replace(gen_random_uuid()::text, '-', ''), ${actorId}, 'ARGUMENT', ${argument.id}, ${now})
      ON CONFLICT DO NOTHING
    ),
    candidate (user_id, kind, rank, quote_id) AS (
      SELECT "authorId", 'REPLY'::"NotificationKind", 1, NULL::text FROM "Argument" WHERE id = ${argument.parentId}::text
      UNION ALL
      SELECT id, 'MENTION', 2, NULL FROM "User" WHERE handle = ANY(${handles}::text[])
      UNION ALL
      SELECT q."createdById", 'CITATION', 3, q.id FROM "Quote" q WHERE q.id = ANY(${quoteIds}::text[])
      UNION ALL
      SELECT s."addedById", 'CITATION', 3, q.id FROM "Quote" q JOIN "Source" s ON s.id = q."sourceId" WHERE q.id = ANY(${quoteIds}::text[])
    ),
    told AS (
      SELECT array_append(array_agg(DISTINCT user_id) FILTER (WHERE user_id IS NOT NULL), ${actorId}::text) AS ids FROM candidate
    ),
    pending AS (
      INSERT INTO "PendingWatcherNotification" ("argumentId", "toldIds", "createdAt")
      SELECT ${argument.id}, told.ids, ${now} FROM told
      WHERE EXISTS (
        SELECT 1 FROM "Watch"
        WHERE (("targetType" = 'THESIS' AND "targetId" = ${thesisId})
            OR ("targetType" = 'ARGUMENT' AND "targetId" = ANY(${ancestorIds}::text[])))
          AND "userId" <> ALL(told.ids)
      )
    ),
    chosen AS (
      SELECT DISTINCT ON (user_id) user_id, kind, quote_id FROM candidate
      WHERE user_id <> ${actorId}
      ORDER BY user_id, rank, quote_id
    ),
    written AS (
      INSERT INTO "Notification" (id, "userId", kind, "groupKey", "actorId", "thesisId", "argumentId", "quoteId", "createdAt", "updatedAt")
      SELECT 'n' || replace(gen_random_uuid()::text, '-', ''), c.user_id, c.kind,
             CASE c.kind WHEN 'REPLY' THEN 'reply:' || ${groupTarget} END,
             ${actorId}, ${thesisId},
             CASE c.kind WHEN 'REPLY' THEN ${argument.parentId}::text ELSE ${argument.id} END,
             c.quote_id, ${now}, ${now}
      FROM chosen c
      WHERE NOT EXISTS (SELECT 1 FROM "NotificationSettings" s WHERE s."userId" = c.user_id AND c.kind = ANY(s."disabledKinds"))
      ON CONFLICT ("userId", "groupKey") WHERE "readAt" IS NULL
      DO UPDATE SET count = "Notification".count + 1, "actorId" = EXCLUDED."actorId", "updatedAt" = EXCLUDED."updatedAt", "emailedAt" = NULL
      RETURNING "userId"
    )
    ${signalWrittenRecipients}`;
}
