import "server-only";
import { signalWrittenRecipients } from "./signal-unread";
import type { Tx } from "../db";
import { citedQuoteIds } from "@/lib/validation/citation";
import { mentionedHandles } from "@/lib/notifications/mentions";

/**
 * Inside editArgument's transaction, after the new revision became current. A change of meaning (not a minor
 * edit) asks those whose vote just went stale to vote again (RECONFIRM_VOTE, grouped per argument while unread);
 * members newly named or newly cited by the edit hear of it as for a new argument. One notification per member,
 * in that order of kinds; never the editor, never a kind the member switched off.
 *
 * Unlike a new argument, an edited one may be hidden, or sit in a hidden thesis: then only those who may still
 * read it (its thesis's owner and moderators, site moderators) are told.
 */
export async function notifyArgumentEdited(
  tx: Tx,
  {
    actorId,
    argumentId,
    previousRevisionId,
    previousBody,
    body,
    minor,
  }: { actorId: string; argumentId: string; previousRevisionId: string | null; previousBody: string; body: string; minor: boolean },
): Promise<void> {
  const known = new Set(mentionedHandles(previousBody));
  const handles = mentionedHandles(body).filter((h) => !known.has(h));
  const citedBefore = new Set(citedQuoteIds(previousBody));
  const quoteIds = citedQuoteIds(body).filter((id) => !citedBefore.has(id));
  const staleRevisionId = minor ? null : previousRevisionId;
  if (staleRevisionId === null && handles.length === 0 && quoteIds.length === 0) return;
  const now = new Date();
  await tx.$executeRaw`
    WITH candidate (user_id, kind, rank, quote_id) AS (
      SELECT "userId", 'RECONFIRM_VOTE'::"NotificationKind", 1, NULL::text FROM "Vote"
      WHERE "argumentId" = ${argumentId} AND "revisionId" = ${staleRevisionId}::text
      UNION ALL
      SELECT id, 'MENTION', 2, NULL FROM "User" WHERE handle = ANY(${handles}::text[])
      UNION ALL
      SELECT q."createdById", 'CITATION', 3, q.id FROM "Quote" q WHERE q.id = ANY(${quoteIds}::text[])
      UNION ALL
      SELECT s."addedById", 'CITATION', 3, q.id FROM "Quote" q JOIN "Source" s ON s.id = q."sourceId" WHERE q.id = ANY(${quoteIds}::text[])
    ),
    chosen AS (
      SELECT DISTINCT ON (user_id) user_id, kind, quote_id FROM candidate
      WHERE user_id <> ${actorId}
      ORDER BY user_id, rank, quote_id
    ),
    written AS (
      INSERT INTO "Notification" (id, "userId", kind, "groupKey", "actorId", "thesisId", "argumentId", "quoteId", "createdAt", "updatedAt")
      SELECT 'n' || replace(gen_random_uuid()::text, '-', ''), c.user_id, c.kind,
             CASE c.kind WHEN 'RECONFIRM_VOTE' THEN 'reconfirm:' || a.id END,
             ${actorId}, a."thesisId", a.id, c.quote_id, ${now}, ${now}
      FROM chosen c
      JOIN "User" u ON u.id = c.user_id
      JOIN "Argument" a ON a.id = ${argumentId}
      JOIN "Thesis" t ON t.id = a."thesisId"
      WHERE NOT EXISTS (SELECT 1 FROM "NotificationSettings" s WHERE s."userId" = c.user_id AND c.kind = ANY(s."disabledKinds"))
        AND ((a.status = 'VISIBLE' AND t.visibility = 'VISIBLE')
             OR u.id = t."authorId" OR u.role IN ('MODERATOR', 'ADMIN')
             OR EXISTS (SELECT 1 FROM "ThesisModerator" m WHERE m."thesisId" = t.id AND m."userId" = u.id))
      ON CONFLICT ("userId", "groupKey") WHERE "readAt" IS NULL
      DO UPDATE SET count = "Notification".count + 1, "actorId" = EXCLUDED."actorId", "updatedAt" = EXCLUDED."updatedAt", "emailedAt" = NULL
      RETURNING "userId"
    )
    ${signalWrittenRecipients}`;
}
