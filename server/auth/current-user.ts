import "server-only";
import { cache } from "react";
import { auth } from "@/auth";
import { db } from "../db";
import { ForbiddenError, UnauthorizedError } from "../errors";
import { isSuspended } from "../moderation/permissions";

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof getCurrentUser>>>;

/**
 * The signed-in user as the database knows them now (a JWT alone would not see a suspension or a role
 * change), once per request.
 */
export const getCurrentUser = cache(async () => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return db.user.findUnique({
    where: { id },
    select: { id: true, name: true, handle: true, email: true, role: true, suspendedUntil: true, createdAt: true },
  });
});

/** The user allowed to write: signed in, still existing, not suspended. */
export async function requireUser(): Promise<CurrentUser> {
  return assertCanWrite(await getCurrentUser());
}

/**
 * requireUser's checks on a user already read in this request. Route handlers use it: React's `cache` does not
 * memoise outside rendering, so calling requireUser there would decode the session and read the user twice.
 */
export function assertCanWrite(user: CurrentUser | null): CurrentUser {
  if (!user) throw new UnauthorizedError();
  if (isSuspended(user)) {
    throw new ForbiddenError(`Your account is suspended until ${user.suspendedUntil.toUTCString()}.`);
  }
  return user;
}
