import "server-only";
import { db } from "../db";
import { signalWrittenRecipients } from "./signal-unread";

/** Posts taken per statement: a backlog (after a crash, say) is worked through in statements of bounded size. */
const POSTS_PER_BATCH = 500;

/**
 * How long a post's watchers may wait for the posts that follow it. Every post committed in that time is delivered
 * in one statement, which rewrites a watcher's row once (`count + n`) where one statement per post would rewrite it
 * n times: under load, the work per post shrinks as posts come faster (docs/notifications.md has the figures). A
 * second is nothing for a bell; open debate pages show new arguments through their own live stream, not this.
 */
const GATHER_MS = 1_000;

let gathering: ReturnType<typeof setTimeout> | null = null;
let delivering: Promise<void> | null = null;
let requested = false;

/** After a post's commit (createArgument): its watchers are told within GATHER_MS, with the other posts of then. */
export function scheduleWatcherNotifications(): void {
  gathering ??= setTimeout(() => {
    gathering = null;
    deliverWatcherNotifications().catch((error: unknown) => {
      console.error("Telling watchers of new arguments failed; they stay pending for the next post or digest.", error);
    });
  }, GATHER_MS);
}

/**
 * Tells the watchers of every new argument still pending (this process's posts and any other's): a
 * NEW_ARGUMENT notification per watcher and watched thesis or argument. Now, not after GATHER_MS: the digest calls
 * it before reading, the server at shutdown and scripts before they exit. Each bundle Next makes of this module keeps
 * its own timer; the queue they serve is the table. Calls during a run share it, and the run goes round once more for them, so the
 * returned promise settles only once everything pending at the call is delivered. A failed run leaves its rows
 * pending for the next call.
 */
export function deliverWatcherNotifications(): Promise<void> {
  if (gathering) clearTimeout(gathering);
  gathering = null;
  requested = true;
  delivering ??= deliverUntilNoneRequested();
  return delivering;
}

async function deliverUntilNoneRequested(): Promise<void> {
  try {
    while (requested) {
      requested = false;
      while ((await deliverBatch()) === POSTS_PER_BATCH);
    }
  } finally {
    // No await between the last check of `requested` and this line, so no call can slip in between and be lost.
    delivering = null;
  }
}

/**
 * Claims up to POSTS_PER_BATCH pending posts (SKIP LOCKED: another process's run takes others), then, in one
 * statement, finds their watchers through the watches of each post's thesis and ancestors (by index), leaves out
 * each post's author and whoever it already told, and writes one row per watcher and watched thing (the closest
 * ancestor they watch, else the thesis), or adds to their unread one: a watcher of a busy thesis has one row for it,
 * not one per argument replied to, so a delivery of many posts rewrites each watcher's row once.
 * The claimed ids go in as a parameter rather than a subquery, so the planner knows how few they are and looks the
 * posts and watches up by index (with a subquery it planned for POSTS_PER_BATCH posts and scanned both tables).
 * Rows are written in (member, group) order, so two processes' runs lock shared rows in the same order. Deleting
 * the claimed rows in the transaction that writes the notifications makes delivery exactly-once.
 * Returns the number of posts claimed.
 */
async function deliverBatch(): Promise<number> {
  const now = new Date();
  return db.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<{ argumentId: string }[]>`
      SELECT "argumentId" FROM "PendingWatcherNotification" ORDER BY "createdAt" LIMIT ${POSTS_PER_BATCH} FOR UPDATE SKIP LOCKED`;
    if (claimed.length === 0) return 0;
    await tx.$executeRaw`
      WITH due AS (
        DELETE FROM "PendingWatcherNotification" WHERE "argumentId" = ANY(${claimed.map((c) => c.argumentId)}::text[])
        RETURNING "argumentId", "toldIds"
      ),
      post AS (
        SELECT a.id, a."thesisId", a."authorId", a."createdAt", d."toldIds", string_to_array(a.path, '/') AS lineage
        FROM due d JOIN "Argument" a ON a.id = d."argumentId"
      ),
      watched ("postId", "targetType", "targetId", depth) AS (
        SELECT id, 'THESIS'::"WatchTarget", "thesisId", 0::bigint FROM post
        UNION ALL
        SELECT p.id, 'ARGUMENT'::"WatchTarget", l."targetId", l.depth
        FROM post p, unnest(p.lineage[1:cardinality(p.lineage) - 1]) WITH ORDINALITY AS l("targetId", depth)
      ),
      recipient AS (
        SELECT DISTINCT ON (p.id, w."userId") p.id, w."userId", p."thesisId", p."authorId", p."createdAt",
               CASE t."targetType" WHEN 'ARGUMENT' THEN t."targetId" END AS "watchedArgumentId"
        FROM watched t
        JOIN "Watch" w ON w."targetType" = t."targetType" AND w."targetId" = t."targetId"
        JOIN post p ON p.id = t."postId"
        WHERE w."userId" <> ALL(p."toldIds")
        ORDER BY p.id, w."userId", t.depth DESC
      ),
      grouped AS (
        SELECT "userId", "thesisId", "watchedArgumentId", 'new:' || coalesce("watchedArgumentId", "thesisId") AS "groupKey",
               count(*)::int AS posts, (array_agg("authorId" ORDER BY "createdAt" DESC, id DESC))[1] AS "latestAuthorId"
        FROM recipient
        GROUP BY "userId", "thesisId", "watchedArgumentId"
      ),
      written AS (
        INSERT INTO "Notification" (id, "userId", kind, "groupKey", count, "actorId", "thesisId", "argumentId", "createdAt", "updatedAt")
        SELECT 'n' || replace(gen_random_uuid()::text, '-', ''), g."userId", 'NEW_ARGUMENT', g."groupKey", g.posts,
               g."latestAuthorId", g."thesisId", g."watchedArgumentId", ${now}, ${now}
        FROM grouped g
        WHERE NOT EXISTS (
          SELECT 1 FROM "NotificationSettings" s WHERE s."userId" = g."userId" AND 'NEW_ARGUMENT' = ANY(s."disabledKinds")
        )
        ORDER BY g."userId", g."groupKey"
        ON CONFLICT ("userId", "groupKey") WHERE "readAt" IS NULL
        DO UPDATE SET count = "Notification".count + EXCLUDED.count, "actorId" = EXCLUDED."actorId", "updatedAt" = EXCLUDED."updatedAt", "emailedAt" = NULL
        RETURNING "userId"
      )
      ${signalWrittenRecipients}`;
    return claimed.length;
  });
}
