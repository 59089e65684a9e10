import "server-only";
import { cache } from "react";
import { auth } from "@/auth";
import { assertCanWrite } from "../access/permissions";
import { resolveSession } from "./sessions";

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof getCurrentUser>>>;

/**
 * The signed-in user and their session as the database knows them now, once per request. A JWT alone would
 * not see a suspension, a role change, or a session ended by signing out elsewhere: the cookie is honoured only
 * while its UserSession row lives.
 */
export const getCurrentSession = cache(async () => {
  const session = await auth();
  const userId = session?.user?.id;
  const sessionId = session?.sessionId;
  // Cookies issued before sessions were kept on the server name none: they are refused, not grandfathered.
  if (!userId || !sessionId) return null;
  const user = await resolveSession(userId, sessionId);
  return user ? { user, sessionId } : null;
});

export const getCurrentUser = cache(async () => (await getCurrentSession())?.user ?? null);

/**
 * The user allowed to write: signed in, still existing, not suspended. Route handlers call assertCanWrite on
 * the user they already read instead: React's `cache` does not memoise outside rendering.
 */
export async function requireUser(): Promise<CurrentUser> {
  return assertCanWrite(await getCurrentUser());
}
