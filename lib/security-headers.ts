/**
 * Headers every response carries. next.config.ts applies them to what Next answers; the production server's
 * fast path (server/api/fast-routes.ts) adds them to what it answers itself.
 */
export const SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
};
