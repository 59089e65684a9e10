import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "../db";
import { sessionIdleSeconds } from "@/lib/session-idle";

/**
 * Server-side sessions behind Auth.js's JWT cookies (Credentials sign-in requires the JWT strategy). The JWT
 * carries the id of a UserSession row, and the current user is resolved only through a live row: deleting the
 * row ends the session for every copy of the cookie, which a JWT alone cannot do.
 */
// Rolling the expiry writes to the database; once an hour is precise enough for an expiry counted in days.
const ROLL_EVERY_MS = 60 * 60 * 1000;


export async function startSession(userId: string): Promise<string> {
  const id = randomBytes(18).toString("base64url");
  await pruneExpiredSessions();
  await db.userSession.create({ data: { id, userId, expiresAt: new Date(Date.now() + sessionIdleSeconds() * 1000) } });
  return id;
}

export async function endSession(sessionId: string): Promise<void> {
  await db.userSession.deleteMany({ where: { id: sessionId } });
}

/** Ends every session of the member, except `keep` (the one changing the password stays signed in). */
export async function endOtherSessions(userId: string, keep: string | null): Promise<number> {
  const { count } = await db.userSession.deleteMany({ where: { userId, ...(keep ? { id: { not: keep } } : {}) } });
  return count;
}

const userFields = { id: true, name: true, handle: true, email: true, role: true, suspendedUntil: true, createdAt: true } as const;

/**
 * The member a session cookie speaks for, or null when its session was ended, has expired, or belongs to
 * someone else. Moves the expiry forward (at most once an hour), so a session in use does not expire.
 */
export async function resolveSession(userId: string, sessionId: string) {
  const now = new Date();
  const session = await db.userSession.findUnique({
    where: { id: sessionId },
    select: { userId: true, expiresAt: true, user: { select: userFields } },
  });
  if (!session || session.userId !== userId || session.expiresAt <= now) return null;
  const idleMs = sessionIdleSeconds() * 1000;
  if (session.expiresAt.getTime() < now.getTime() + idleMs - ROLL_EVERY_MS) {
    // Conditional on the row still existing: a sign-out racing this request must not be undone.
    await db.userSession.updateMany({ where: { id: sessionId }, data: { expiresAt: new Date(now.getTime() + idleMs), lastSeenAt: now } });
  }
  return session.user;
}

/** Expired rows end nothing. Each sign-in removes a batch of them, so the table holds about the live sessions. */
export async function pruneExpiredSessions(batch = 500): Promise<number> {
  return db.$executeRaw`
    DELETE FROM "UserSession" WHERE id = ANY (ARRAY(
      SELECT id FROM "UserSession" WHERE "expiresAt" <= (clock_timestamp() AT TIME ZONE 'UTC') LIMIT ${batch}
    ))`;
}

export function countLiveSessions(userId: string): Promise<number> {
  return db.userSession.count({ where: { userId, expiresAt: { gt: new Date() } } });
}
