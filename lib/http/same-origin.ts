/** Methods that never change anything: the only ones a page on another site may send with our cookies. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * True when a browser says a write comes from a page on another site: its `Origin` names another host than the
 * one the request was sent to (or is "null", as from a sandboxed frame or a redirect chain). No Origin at all is
 * a script or an old browser, which carries no victim's cookies. The host is the request's own Host header (or a
 * proxy's X-Forwarded-Host), which a page on another site cannot set; not Next's request.url, whose host is the
 * server's configured name. Used for server actions (proxy.ts) and cookie-authenticated API writes.
 */
export function isCrossSiteWrite(method: string, headers: Headers): boolean {
  const origin = headers.get("origin");
  if (SAFE_METHODS.has(method.toUpperCase()) || origin === null) return false;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (!host) return true;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
