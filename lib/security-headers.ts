/**
 * The security headers of every answer, in one place. Pages get theirs from proxy.ts (a Content-Security-Policy
 * with a fresh nonce per request, which Next puts on its own scripts); API answers and static files from
 * next.config.ts; the production server's fast path (server/api/fast-routes.ts) adds the API's to what it
 * answers itself.
 */

/** What every answer carries, whatever it is. */
export const SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // Agora uses none of these: no page, nor a script injected into one, may ask for them.
  "Permissions-Policy": "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()",
};

/** JSON answers render nothing and load nothing, so their policy allows nothing. */
export const API_SECURITY_HEADERS: Record<string, string> = {
  ...SECURITY_HEADERS,
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  "X-Frame-Options": "DENY",
};

/** Two years, subdomains included: sent only on answers that came over HTTPS (browsers ignore it otherwise). */
export const HSTS = "max-age=63072000; includeSubDomains";

/** The embeddable view of a thesis, `/t/<slug>/embed`: the one page other sites may frame. */
export function isEmbedPath(pathname: string): boolean {
  return /^\/t\/[^/]+\/embed\/?$/.test(pathname);
}

export interface PagePolicyOptions {
  pathname: string;
  /** Fresh per request: only scripts carrying it run (Next adds it to its own). */
  nonce: string;
  /** Served over HTTPS, as told by a trusted proxy: adds HSTS and upgrades stray http:// loads. */
  https: boolean;
  /** `next dev` needs eval for its error overlay; production never does. */
  dev?: boolean;
  /** Sign-in forms that post on to another origin (GitHub's OAuth page): form-action must allow the redirect. */
  formTargets?: string[];
}

/**
 * A page's Content-Security-Policy. Scripts: only those with this request's nonce, and what they load
 * ('strict-dynamic'), so an injected <script> or inline handler never runs. Styles allow inline ones: React and
 * Tailwind set `style` attributes, which nonces cannot cover, and a style cannot run code.
 */
export function contentSecurityPolicy({ pathname, nonce, https, dev = false, formTargets = [] }: PagePolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    ["form-action 'self'", ...formTargets].join(" "),
    `frame-ancestors ${isEmbedPath(pathname) ? "*" : "'none'"}`,
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** Every header a page's answer carries. */
export function pageSecurityHeaders(options: PagePolicyOptions): Record<string, string> {
  const headers: Record<string, string> = { ...SECURITY_HEADERS, "Content-Security-Policy": contentSecurityPolicy(options) };
  // X-Frame-Options for browsers that predate frame-ancestors; it cannot say "anyone", so the embed goes without.
  if (!isEmbedPath(options.pathname)) headers["X-Frame-Options"] = "DENY";
  if (options.https) headers["Strict-Transport-Security"] = HSTS;
  return headers;
}
