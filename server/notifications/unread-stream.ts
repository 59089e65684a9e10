import "server-only";
import { HEARTBEAT_MS, RETRY_MS, streamSeconds } from "../live/event-stream-response";
import { subscribeMemberSignals } from "../live/subscribe";
import { countUnreadNotifications } from "./count-unread-notifications";

/**
 * A member's unread count as Server-Sent Events: the count on connect, then again whenever their notifications
 * change (server/notifications/signal-unread.ts). The count is read fresh each time, so a reconnect loses nothing
 * and a burst of signals coalesces into one read.
 */
export function unreadCountStream({ userId, signal }: { userId: string; signal: AbortSignal }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let stop = () => {};
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      let reading = false;
      let again = false;
      const timers: NodeJS.Timeout[] = [];
      let unsubscribe = () => {};
      const send = (text: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      const close = () => {
        if (!open) return;
        open = false;
        timers.forEach(clearTimeout);
        unsubscribe();
        signal.removeEventListener("abort", close);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      const sendCount = async () => {
        if (reading) {
          again = true;
          return;
        }
        reading = true;
        do {
          again = false;
          const unread = await countUnreadNotifications(userId).catch(() => null);
          if (unread === null) return close();
          send(`event: unread\ndata: ${JSON.stringify({ unread })}\n\n`);
        } while (again && open);
        reading = false;
      };
      stop = close;
      signal.addEventListener("abort", close);
      send(`retry: ${RETRY_MS}\n\n`);
      // Subscribed before the first read: a change between the two is then read again, never missed.
      unsubscribe = await subscribeMemberSignals(userId, () => void sendCount());
      if (!open) return unsubscribe();
      await sendCount();
      timers.push(setInterval(() => send(": heartbeat\n\n"), HEARTBEAT_MS));
      timers.push(setTimeout(close, streamSeconds() * 1000));
    },
    cancel() {
      // The reader let go (a client that stopped reading): the subscription goes with it.
      stop();
    },
  });
}
