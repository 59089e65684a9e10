import "server-only";
import { openEventStream } from "../live/event-stream-response";
import { subscribeMemberSignals } from "../live/subscribe";
import { countUnreadNotifications } from "./count-unread-notifications";

/**
 * A member's unread count as Server-Sent Events: the count on connect, then again whenever their notifications
 * change (server/notifications/signal-unread.ts). The count is read fresh each time, so a reconnect loses nothing
 * and a burst of signals coalesces into one read.
 */
export function unreadCountStream({ userId, signal }: { userId: string; signal: AbortSignal }): ReadableStream<Uint8Array> {
  return openEventStream(signal, async (channel) => {
    let reading = false;
    let again = false;
    const sendCount = async () => {
      if (reading) {
        again = true;
        return;
      }
      reading = true;
      do {
        again = false;
        const unread = await countUnreadNotifications(userId).catch(() => null);
        if (unread === null) return channel.close();
        channel.send(`event: unread\ndata: ${JSON.stringify({ unread })}\n\n`);
      } while (again && channel.open);
      reading = false;
    };
    // Subscribed before the first read: a change between the two is then read again, never missed.
    const unsubscribe = await subscribeMemberSignals(userId, () => void sendCount());
    if (channel.open) await sendCount();
    return unsubscribe;
  });
}
