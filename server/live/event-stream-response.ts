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
