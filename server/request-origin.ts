import "server-only";

/**
 * This site's origin as the client reached it (its Host header), for absolute links to ourselves: the oEmbed
 * discovery link, the oEmbed answer and the embed card, which must agree with each other. (A route handler's
 * request.url names the address the server listens on, not the one the client used; it is only the fallback
 * when a request has no Host header.) The scheme comes from X-Forwarded-Proto, which Next sets.
 */
export function requestOrigin(headers: Headers, url?: string): string {
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  const host = headers.get("host") ?? (url ? new URL(url).host : "localhost");
  return `${proto}://${host}`;
}
