/** Methods that never change anything: the only ones a page on another site may send with our cookies. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * True when a browser says a write comes from a page on another site: its `Origin` names another host (or is
 * "null", as from a sandboxed frame or a redirect chain). No Origin at all is a script or an old browser, which
 * carries no victim's cookies. Used for server actions (proxy.ts) and cookie-authenticated API writes.
 */
export function isCrossSiteWrite(method: string, origin: string | null, host: string | null): boolean {
  if (SAFE_METHODS.has(method.toUpperCase()) || origin === null) return false;
  if (!host) return true;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
