import { db } from "@/server/db";
import { deliverWatcherNotifications } from "@/server/notifications/deliver-watcher-notifications";

// Counts the SQL statements a call sends. Vitest runs each file in its own worker, so only that file's
// queries count. Needs AGORA_QUERY_EVENTS=1 (set in vitest.config.ts) for Prisma to emit query events.
let count = 0;
(db as unknown as { $on(event: "query", cb: () => void): void }).$on("query", () => count++);

export async function countQueries(run: () => Promise<unknown>): Promise<number> {
  // Posts tell their watchers after they return: that statement belongs to the post, not to what is counted.
  await deliverWatcherNotifications();
  count = 0;
  await run();
  return count;
}
