import "server-only";
import { db } from "../db";
import { InvalidInputError } from "../errors";
import type { ChangePasswordInput } from "@/lib/validation/auth";
import { hashPassword } from "./password";
import { verifyCredentials } from "./verify-credentials";

/**
 * Changes the member's password and ends their other sessions (a thief's copy of a cookie among them); the
 * session making the change stays signed in. The current password is checked through the sign-in throttle, so
 * a stolen session cannot be used to guess it faster than the sign-in form allows.
 */
export async function changePassword({
  actor,
  sessionId,
  input,
  address,
}: {
  actor: { id: string };
  sessionId: string;
  input: ChangePasswordInput;
  address: string;
}): Promise<{ endedSessions: number }> {
  const member = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { email: true, passwordHash: true } });
  if (!member.passwordHash) {
    throw new InvalidInputError("Your account signs in with GitHub: it has no Agora password to change.");
  }
  const verified = await verifyCredentials({ email: member.email, password: input.currentPassword }, address);
  if (!verified) {
    throw new InvalidInputError("That is not your current password.", { currentPassword: ["That is not your current password."] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const [, ended] = await db.$transaction([
    db.user.update({ where: { id: actor.id }, data: { passwordHash }, select: { id: true } }),
    db.userSession.deleteMany({ where: { userId: actor.id, id: { not: sessionId } } }),
  ]);
  return { endedSessions: ended.count };
}
