import type { NextAuthConfig } from "next-auth";

/**
 * The part of the Auth.js configuration that needs no database, so the proxy (middleware) can use it.
 * Providers that touch Prisma are added in auth.ts.
 */
export const authConfig = {
  pages: { signIn: "/login" },
  // Credentials require JWT sessions; say so rather than rely on the default.
  session: { strategy: "jwt" },
  // Agora runs behind whatever host it is given (localhost for the quick start, a proxy in production).
  trustHost: true,
  providers: [],
  callbacks: {
    session({ session, token }) {
      if (token.sub && session.user) session.user.id = token.sub;
      return session;
    },
  },
} satisfies NextAuthConfig;
