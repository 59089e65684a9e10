import type { NextAuthConfig } from "next-auth";
import { sessionIdleSeconds } from "./lib/session-idle";

/**
 * The part of the Auth.js configuration that needs no database, so the proxy (middleware) can use it.
 * Providers that touch Prisma are added in auth.ts.
 */
export const authConfig = {
  pages: { signIn: "/login" },
  // Credentials require JWT sessions; say so rather than rely on the default. Each JWT names a server-side
  // session (server/auth/sessions.ts), which is what can be revoked. The cookie lives as long as the idle
  // timeout and is re-issued on every page (proxy.ts), so it expires only after that much inactivity.
  session: { strategy: "jwt", maxAge: sessionIdleSeconds() },
  // Agora runs behind whatever host it is given (localhost for the quick start, a proxy in production).
  trustHost: true,
  providers: [],
  callbacks: {
    session({ session, token }) {
      if (token.sub && session.user) session.user.id = token.sub;
      if (typeof token.sid === "string") session.sessionId = token.sid;
      return session;
    },
  },
} satisfies NextAuthConfig;
