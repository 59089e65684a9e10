import { apiRoute } from "@/server/api/route-handler";
import { UnauthorizedError } from "@/server/errors";
import { markNotificationsReadSchema } from "@/lib/validation/notification";
import { markNotificationsRead } from "@/server/notifications/mark-notifications-read";
import { countUnreadNotifications } from "@/server/notifications/count-unread-notifications";

/** POST `{ ids: [...] }` or `{ all: true }`: marks the caller's notifications read; answers `{ marked, unread }`. */
export const POST = apiRoute(async ({ json, viewer }) => {
  if (!viewer) throw new UnauthorizedError();
  const input = await json(markNotificationsReadSchema);
  const { marked } = await markNotificationsRead({ userId: viewer.id, input });
  return { marked, unread: await countUnreadNotifications(viewer.id) };
});
