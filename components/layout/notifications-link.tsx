import { countUnreadNotifications } from "@/server/notifications/count-unread-notifications";
import { LiveUnreadLink } from "./live-unread-link";

/** The header's bell, rendered with the unread count now and kept current by its live stream. */
export async function NotificationsLink({ userId }: { userId: string }) {
  return <LiveUnreadLink initialUnread={await countUnreadNotifications(userId)} />;
}
