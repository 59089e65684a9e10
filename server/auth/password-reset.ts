import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db, type Tx } from "../db";
import { InvalidInputError, NotFoundError, RateLimitError } from "../errors";
import { limitRule, takeLimit } from "../access/limits";
import { isEmailConfigured, sendEmail } from "../email/send-email";
import { appendModerationLog } from "../moderation/log";
import { loadActiveActor, requireAdmin } from "../access/permissions";
import { hashPassword } from "./password";

/**
 * Password reset: a link holding a random one-time token, valid for 30 minutes. Only its SHA-256 is stored, so a
 * copy of the database holds no working link. Sent by email when SMTP_URL is set; otherwise an administrator
 * issues the link (roles page, `npm run user:reset-link`) and hands it over, and that act is in the moderation log.
 */
export const RESET_MINUTES = 30;

/** The one answer to "Forgot password?", whether or not an account has that email. */
export const RESET_REQUESTED_MESSAGE =
  `If an account uses that email, a link to choose a new password is on its way. It works once, within ${RESET_MINUTES} minutes.`;

const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/**
 * Where links point. Never the request's Host header: a forged Host on a reset request would mail the victim a
 * link to the forger's site, carrying the token there. AUTH_URL is the site's public address (Auth.js's own
 * variable); without it, the local server.
 */
export function publicUrl(): string {
  return (process.env.AUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, "");
}

export const resetLink = (token: string) => `${publicUrl()}/reset-password?token=${encodeURIComponent(token)}`;

async function issueToken(tx: Tx, userId: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.passwordReset.create({
    data: { userId, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000) },
  });
  return token;
}

/**
 * "Forgot password?": counts the attempt against the requesting address (refused with a RateLimitError when over),
 * then hands `defer` the rest. Whether the account exists is only known inside that deferred work, which runs
 * after the answer (the action passes Next's `after`), so neither the answer nor its timing tells.
 */
export async function requestPasswordReset({
  email,
  address,
  defer,
}: {
  email: string;
  address: string;
  defer: (work: () => Promise<void>) => void;
}): Promise<void> {
  await takeLimit(limitRule("passwordResetAddress")!, address);
  defer(() => deliverPasswordReset(email));
}

/** Mails a reset link to the account with this email, if there is one, at most as often as the per-account rule allows. */
export async function deliverPasswordReset(email: string): Promise<void> {
  if (!isEmailConfigured()) return;
  try {
    // Counted for any address asked about, known or not, and never refused out loud: a full inbox is all it prevents.
    await takeLimit(limitRule("passwordResetAccount")!, email);
  } catch (error) {
    if (error instanceof RateLimitError) return;
    throw error;
  }
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true } });
  if (!user) return;
  const token = await db.$transaction((tx) => issueToken(tx, user.id));
  await sendEmail({
    to: user.email,
    subject: "Reset your Agora password",
    text:
      `Hello ${user.name},\n\nSomeone (we hope you) asked to reset the password of your Agora account. ` +
      `To choose a new password, open this link within ${RESET_MINUTES} minutes:\n\n${resetLink(token)}\n\n` +
      "The link works once. If you did not ask for it, ignore this email: your password stays as it is.\n",
  });
}

/**
 * Sets the new password and ends every session of the member (whoever reset it may not be the only one holding
 * the account). The token is spent by a conditional update, so two uses racing each other cannot both pass.
 */
export async function resetPassword({ token, newPassword }: { token: string; newPassword: string }): Promise<{ endedSessions: number }> {
  const passwordHash = await hashPassword(newPassword);
  const tokenHash = hashToken(token);
  return db.$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.passwordReset.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (count !== 1) {
      throw new InvalidInputError("This reset link is not valid: it was already used, it expired, or it was copied incompletely. Ask for a new one.");
    }
    const { userId } = await tx.passwordReset.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true } });
    await tx.user.update({ where: { id: userId }, data: { passwordHash }, select: { id: true } });
    // Other links still out there must not reset the new password again.
    await tx.passwordReset.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
    const ended = await tx.userSession.deleteMany({ where: { userId } });
    return { endedSessions: ended.count };
  });
}

/**
 * An administrator issues a reset link for a member (for sites without email): the link is shown to the
 * administrator only, and the act is logged against the member, in the same transaction.
 */
export async function issueResetLinkAsAdmin({ actor: { id: actorId }, userId }: { actor: { id: string }; userId: string }): Promise<{ link: string; expiresAt: Date }> {
  return db.$transaction(async (tx) => {
    const actor = await loadActiveActor(tx, actorId);
    const actorRole = requireAdmin(actor);
    const member = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!member) throw new NotFoundError("No such member.");
    const token = await issueToken(tx, member.id);
    await appendModerationLog(tx, {
      actorId: actor.id,
      actorRole,
      action: "ISSUE_PASSWORD_RESET",
      targetType: "USER",
      targetId: member.id,
      reason: "Password-reset link issued by an administrator.",
      details: { via: "roles page", expiresInMinutes: RESET_MINUTES },
    });
    return { link: resetLink(token), expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000) };
  });
}

/**
 * `npm run user:reset-link`: the operator at the server's console has no account to act as; like the first
 * administrator's grant (bootstrap-admin.ts), the act is logged as the member's own, naming the command.
 */
export async function issueResetLinkFromCommandLine(emailOrHandle: string): Promise<{ link: string; email: string }> {
  const key = emailOrHandle.trim().replace(/^@/, "");
  const member = await db.user.findFirst({
    where: key.includes("@") ? { email: key.toLowerCase() } : { handle: key },
    select: { id: true, email: true },
  });
  if (!member) throw new NotFoundError(`No member has the email or handle "${key}".`);
  const token = await db.$transaction(async (tx) => {
    const issued = await issueToken(tx, member.id);
    await appendModerationLog(tx, {
      actorId: member.id,
      actorRole: "ADMIN",
      action: "ISSUE_PASSWORD_RESET",
      targetType: "USER",
      targetId: member.id,
      reason: "Password-reset link issued from the command line (npm run user:reset-link).",
      details: { via: "user:reset-link", expiresInMinutes: RESET_MINUTES },
    });
    return issued;
  });
  return { link: resetLink(token), email: member.email };
}
