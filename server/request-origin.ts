import "server-only";
import { headers } from "next/headers";

/**
 * This site's origin as the current request reached it, for absolute links to ourselves (oEmbed discovery needs
 * one). The Host header, as Next's own request URLs use it; the scheme from X-Forwarded-Proto, which Next sets.
 */
export async function requestOrigin(): Promise<string> {
  const h = await headers();
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  return `${proto}://${h.get("host") ?? "localhost"}`;
}
