import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authConfig } from "./auth.config";
import { isCrossSiteWrite } from "./lib/http/same-origin";

const { auth } = NextAuth(authConfig);

/**
 * Re-issues the session cookie on every page, with a fresh expiry: sessions expire after inactivity, not a
 * fixed time after signing in (the server-side UserSession rolls alongside, in server/auth/sessions.ts).
 * Authorization does not happen here. Server actions are left alone: one that signs out clears the cookie,
 * and a re-issued copy in the same response must not bring it back.
 */
export default async function proxy(request: NextRequest) {
  // Next refuses a cross-site server action too, but with a 500; a clear 403 here, before any action code runs.
  if (isCrossSiteWrite(request.method, request.headers)) {
    return NextResponse.json(
      { error: { code: "CROSS_SITE_REQUEST", message: "Forms on other sites cannot act on your behalf.", fields: {} } },
      { status: 403 },
    );
  }
  if (request.headers.has("next-action")) return NextResponse.next();
  return (auth as unknown as (request: NextRequest) => Promise<Response>)(request);
}

export const config = {
  // Pages only: the API answers API tokens and sessions alike without needing a renewed cookie, and Auth.js's
  // own routes set their cookies themselves.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
