import { startSession } from "@/server/auth/sessions";

const live = new Map<string, string>();

/**
 * What Auth.js's auth() returns for a signed-in member, backed by a real server-side session: tests fake only
 * the cookie, and the session check every request makes still runs.
 */
export async function fakeAuthSession(userId: string | null) {
  if (!userId) return null;
  let sessionId = live.get(userId);
  if (!sessionId) {
    sessionId = await startSession(userId);
    live.set(userId, sessionId);
  }
  return { user: { id: userId }, sessionId };
}
