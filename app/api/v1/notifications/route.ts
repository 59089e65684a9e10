import { apiRoute } from "@/server/api/route-handler";
import { UnauthorizedError } from "@/server/errors";
import { notificationListQuerySchema } from "@/lib/validation/notification";
import { listNotifications } from "@/server/notifications/list-notifications";
import { countUnreadNotifications } from "@/server/notifications/count-unread-notifications";

/**
 * One page of the caller's notifications, latest activity first: `{ items, nextCursor, unread }`; pass
 * `nextCursor` back as `?cursor=` (null on the last page), `?unread=1` for unread ones only. Suspended members
 * read theirs too: that is where they learn why.
 */
export const GET = apiRoute(async ({ request, viewer }) => {
  if (!viewer) throw new UnauthorizedError();
  const query = notificationListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [page, unread] = await Promise.all([
    listNotifications({ userId: viewer.id, cursor: query.cursor, unreadOnly: query.unread === "1" }),
    countUnreadNotifications(viewer.id),
  ]);
  return { ...page, unread };
});
