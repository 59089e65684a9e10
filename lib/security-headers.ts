/**
 * Headers every response carries. next.config.ts applies them to what Next answers; the production server's
 * fast path (server/api/fast-routes.ts) adds them to what it answers itself.
 */
export const SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
};

/**
 * The single exception to `X-Frame-Options: DENY`: a thesis's embed card (`/t/<slug>/embed`), which exists to be
 * framed by other sites. A Next.js `headers()` source: every path except that one (path-to-regexp with a
 * negative lookahead, as Next's documentation shows).
 */
export const NOT_EMBED_PATHS = "/:path((?!t/[^/]+/embed/?$).*)";
