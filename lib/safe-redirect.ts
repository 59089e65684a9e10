/** Only same-site paths: an open redirect would let a crafted link send people anywhere after signing in. */
export function safeRedirect(value: unknown): string {
  const target = typeof value === "string" ? value : "";
  return target.startsWith("/") && !target.startsWith("//") && !target.startsWith("/\\") ? target : "/";
}
