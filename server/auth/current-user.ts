import "server-only";
import { cache } from "react";
import { auth } from "@/auth";
import { db } from "../db";
import { assertCanWrite } from "./assert-can-write";

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

/**
 * The user allowed to write: signed in, still existing, not suspended. Route handlers call assertCanWrite on
 * the user they already read instead: React's `cache` does not memoise outside rendering.
 */
export async function requireUser(): Promise<CurrentUser> {
  return assertCanWrite(await getCurrentUser());
}
