import "server-only";

/** How every Server-Sent Events answer goes out: never cached or transformed, and not buffered by nginx. */
export function eventStreamResponse(stream: ReadableStream<Uint8Array>): Response {
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}

/** Comments sent this often keep proxies from closing a quiet stream. */
export const HEARTBEAT_MS = 20_000;
/** The browser's wait before reconnecting after a drop. */
export const RETRY_MS = 2_000;
/**
 * A stream ends after this long and the browser reconnects (from its Last-Event-ID): long-lived connections move
 * to new app processes behind a load balancer, and no proxy sees one connection forever. The e2e tests shorten it.
 */
export function streamSeconds(): number {
  return Number(process.env.AGORA_LIVE_STREAM_SECONDS ?? 900);
}

/** What a live stream's producer sees: write SSE text, end the stream, and whether it is still open. */
export interface EventStreamChannel {
  send(text: string): void;
  close(): void;
  readonly open: boolean;
}

/**
 * The plumbing every live stream shares: the retry hint first, then `subscribe` (which returns how to let go of
 * its subscription), then heartbeats until the client goes away (`signal`), the reader cancels, or the stream's
 * lifetime ends. However it ends, timers stop and the subscription is released exactly once.
 */
export function openEventStream(signal: AbortSignal, subscribe: (channel: EventStreamChannel) => Promise<() => void>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let stop = () => {};
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      const timers: NodeJS.Timeout[] = [];
      let unsubscribe = () => {};
      const channel: EventStreamChannel = {
        get open() {
          return open;
        },
        send(text) {
          if (!open || text === "") return;
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            channel.close();
          }
        },
        close() {
          if (!open) return;
          open = false;
          timers.forEach(clearTimeout);
          unsubscribe();
          signal.removeEventListener("abort", channel.close);
          try {
            controller.close();
          } catch {
            // already closed by the client
          }
        },
      };
      stop = channel.close;
      signal.addEventListener("abort", channel.close);
      channel.send(`retry: ${RETRY_MS}\n\n`);
      const release = await subscribe(channel);
      // Closed while subscribing: nothing else will release it.
      if (!open) return release();
      unsubscribe = release;
      timers.push(setInterval(() => channel.send(": heartbeat\n\n"), HEARTBEAT_MS));
      timers.push(setTimeout(channel.close, streamSeconds() * 1000));
    },
    cancel() {
      // The reader let go (a client that stopped reading): the subscription goes with it.
      stop();
    },
  });
}
