import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { authConfig } from "./auth.config";
import { pageSecurityHeaders } from "./lib/security-headers";
import { servedOverHttps } from "./server/auth/client-address";

const { auth } = NextAuth(authConfig);

/**
 * Every page's security headers, with a fresh CSP nonce. Next reads the nonce from the request's
 * Content-Security-Policy header and puts it on the scripts it renders (its documented nonce support; pages are
 * rendered per request, as they read the session anyway).
 */
function withSecurityHeaders(request: NextRequest): NextResponse {
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const headers = pageSecurityHeaders({
    pathname: request.nextUrl.pathname,
    nonce,
    https: servedOverHttps((name) => request.headers.get(name)),
    dev: process.env.NODE_ENV === "development",
    formTargets: process.env.AUTH_GITHUB_ID ? ["https://github.com"] : [],
  });
  const forwarded = new Headers(request.headers);
  forwarded.set("x-nonce", nonce);
  forwarded.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/**
 * Re-issues the session cookie on every page, with a fresh expiry: sessions expire after inactivity, not a
 * fixed time after signing in (the server-side UserSession rolls alongside, in server/auth/sessions.ts).
 * Auth.js adds the cookie to the answer withSecurityHeaders builds.
 */
// Auth.js types its wrapper for route handlers; as the proxy it is called with the proxy's (request, event).
const renewSession = auth((request) => withSecurityHeaders(request)) as unknown as (request: NextRequest, event: NextFetchEvent) => Promise<Response>;

/**
 * Authorization does not happen here. Server actions are left out of the renewal: one that signs out clears the
 * cookie, and a re-issued copy in the same response must not bring it back.
 */
export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  if (request.headers.has("next-action")) return withSecurityHeaders(request);
  return renewSession(request, event);
}

export const config = {
  // Pages only: the API answers API tokens and sessions alike without needing a renewed cookie (its headers come
  // from next.config.ts), and Auth.js's own routes set their cookies themselves.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
