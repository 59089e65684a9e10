import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import type { Provider } from "next-auth/providers";
import { authConfig } from "./auth.config";
import { authAdapter } from "@/server/auth/adapter";
import { verifyCredentials } from "@/server/auth/verify-credentials";
import { RateLimitError } from "@/server/errors";
import { clientAddress } from "@/server/auth/client-address";
import { endSession, startSession } from "@/server/auth/sessions";

class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}
class TooManyAttempts extends CredentialsSignin {
  code = "too_many_attempts";
}

const providers: Provider[] = [
  Credentials({
    credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
    async authorize(credentials, request) {
      try {
        const user = await verifyCredentials(credentials, request ? clientAddress(request.headers) : "unknown");
        if (!user) throw new InvalidCredentials();
        return { id: user.id, name: user.name, email: user.email };
      } catch (error) {
        if (error instanceof RateLimitError) {
          const tooMany = new TooManyAttempts();
          tooMany.code = `too_many_attempts:${error.retryAfterSeconds}`;
          throw tooMany;
        }
        throw error;
      }
    },
  }),
];

// GitHub sign-in is offered only where the deployment configured an OAuth app.
if (process.env.AUTH_GITHUB_ID && process.env.AUTH_GITHUB_SECRET) providers.push(GitHub);

export const githubEnabled = providers.length > 1;

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  adapter: authAdapter,
  providers,
  callbacks: {
    ...authConfig.callbacks,
    async jwt({ token, user }) {
      // `user` is present only when signing in: every sign-in opens its own server-side session.
      if (user?.id) token.sid = await startSession(user.id);
      return token;
    },
  },
  events: {
    async signOut(message) {
      if ("token" in message && typeof message.token?.sid === "string") await endSession(message.token.sid);
    },
  },
  logger: {
    // A wrong password is an expected outcome, answered in the form; it is not a server error worth a stack trace.
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
});
