import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

// Stand-ins only for Next's request scope (the caller's headers, `after`) and the session cookie; the actions,
// the limits, the database and the SMTP server are real.
const request = vi.hoisted(() => ({ address: "2001:db8:77::1", deferred: [] as Promise<void>[] }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-agora-socket-address": request.address }) }));
vi.mock("next/server", () => ({ after: (work: () => Promise<void>) => void request.deferred.push(work()) }));
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/auth", async () => {
  const { fakeAuthSession } = await import("../support/fake-auth-session");
  return { auth: () => fakeAuthSession(session.userId), signIn: vi.fn(), signOut: vi.fn() };
});
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));

import { db } from "@/server/db";
import { requestPasswordResetAction, resetPasswordAction } from "@/server/actions/auth-actions";
import { issueResetLinkAction } from "@/server/actions/moderation-actions";
import { issueResetLinkFromCommandLine, resetPassword } from "@/server/auth/password-reset";
import { resolveSession, startSession } from "@/server/auth/sessions";
import { verifyCredentials } from "@/server/auth/verify-credentials";
import { verifyModerationLog } from "@/server/moderation/log";
import { InvalidInputError } from "@/server/errors";
import { makeUser } from "../support/factories";
import { makeMember } from "../support/moderation-fixtures";
import { startSmtpCapture } from "../support/smtp-capture";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};
const freshAddress = () => `2001:db8:77::${randomUUID().slice(0, 4)}`;
const NEW_PASSWORD = "a brand new passphrase";

/** Asks through the form's action, lets the deferred work finish, and returns the answer the browser got. */
async function askForReset(email: string) {
  request.deferred = [];
  const answer = await requestPasswordResetAction({}, form({ email }));
  await Promise.all(request.deferred);
  const { successAt: _time, ...rest } = answer;
  return rest;
}

/** The link in a received message (quoted-printable soft breaks and escapes undone). */
function linkIn(raw: string): string {
  const text = raw.replace(/=\r?\n/g, "").replace(/=3D/gi, "=");
  const match = /http:\/\/localhost:\d+\/reset-password\?token=[A-Za-z0-9_%-]+/.exec(text);
  if (!match) throw new Error(`No reset link in:\n${text}`);
  return match[0];
}
const tokenOf = (link: string) => decodeURIComponent(new URL(link).searchParams.get("token")!);

let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
beforeAll(async () => {
  smtp = await startSmtpCapture();
  process.env.SMTP_URL = smtp.url;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp.close();
});
beforeEach(() => {
  request.address = freshAddress();
});

describe("password reset by email", () => {
  it("mails a link that sets a new password once, ends every session, and is refused when reused or altered", async () => {
    const user = await makeUser();
    const sessions = [await startSession(user.id), await startSession(user.id)];
    const before = smtp.received.length;
    expect(await askForReset(user.email.toUpperCase())).toMatchObject({ ok: true });
    const mails = smtp.received.slice(before).filter((mail) => mail.to.includes(user.email));
    expect(mails).toHaveLength(1);
    const link = linkIn(mails[0]!.raw);
    const token = tokenOf(link);

    // Only the hash is stored.
    const stored = await db.passwordReset.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.tokenHash).not.toContain(token);

    // An altered token is refused and changes nothing.
    const altered = await resetPasswordAction({}, form({ token: `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`, newPassword: NEW_PASSWORD }));
    expect(altered).toMatchObject({ ok: false, message: expect.stringContaining("not valid") });
    expect(await verifyCredentials({ email: user.email, password: user.password }, freshAddress())).not.toBeNull();

    // Too short a password gets the registration rule's field message, and spends nothing.
    const weak = await resetPasswordAction({}, form({ token, newPassword: "short" }));
    expect(weak.fieldErrors?.newPassword?.[0]).toMatch(/at least/);

    // The real use: the action ends by redirecting to the sign-in page.
    await expect(resetPasswordAction({}, form({ token, newPassword: NEW_PASSWORD }))).rejects.toThrow(/NEXT_REDIRECT/);
    expect(await verifyCredentials({ email: user.email, password: NEW_PASSWORD }, freshAddress())).toMatchObject({ id: user.id });
    expect(await verifyCredentials({ email: user.email, password: user.password }, freshAddress())).toBeNull();
    for (const sid of sessions) expect(await resolveSession(user.id, sid)).toBeNull();

    // Used once: the same link is refused, and the password stays.
    await expect(resetPassword({ token, newPassword: "yet another passphrase" })).rejects.toThrow(InvalidInputError);
    expect(await verifyCredentials({ email: user.email, password: NEW_PASSWORD }, freshAddress())).not.toBeNull();
  });

  it("refuses an expired link", async () => {
    const user = await makeUser();
    await askForReset(user.email);
    const mail = smtp.received.filter((m) => m.to.includes(user.email)).at(-1)!;
    await db.passwordReset.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(resetPassword({ token: tokenOf(linkIn(mail.raw)), newPassword: NEW_PASSWORD })).rejects.toThrow(InvalidInputError);
    expect(await verifyCredentials({ email: user.email, password: user.password }, freshAddress())).not.toBeNull();
  });

  it("answers an unknown email exactly as a known one, and sends nothing", async () => {
    const user = await makeUser();
    const known = await askForReset(user.email);
    const sent = smtp.received.length;
    request.address = freshAddress();
    const unknown = await askForReset(`nobody-${randomUUID().slice(0, 8)}@example.test`);
    expect(unknown).toEqual(known);
    expect(smtp.received.length).toBe(sent);
  });

  it("mails one account at most 3 times an hour and takes 10 requests an hour from one address, parallel ones included", async () => {
    const user = await makeUser();
    const before = smtp.received.length;
    for (let i = 0; i < 5; i++) {
      request.address = freshAddress();
      expect(await askForReset(user.email)).toMatchObject({ ok: true });
    }
    expect(smtp.received.slice(before).filter((m) => m.to.includes(user.email))).toHaveLength(3);

    request.address = freshAddress();
    request.deferred = [];
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => requestPasswordResetAction({}, form({ email: `burst-${i}-${randomUUID().slice(0, 6)}@example.test` }))));
    await Promise.all(request.deferred);
    expect(answers.filter((a) => a.ok)).toHaveLength(10);
    expect(answers.filter((a) => !a.ok).every((a) => /Try again in/.test(a.message ?? ""))).toBe(true);
  });
});

describe("password reset without email", () => {
  it("lets an administrator issue a link from the roles page, logged in the moderation log", async () => {
    const [admin, moderator, member] = await Promise.all([makeMember({ role: "ADMIN" }), makeMember({ role: "MODERATOR" }), makeUser()]);
    session.userId = moderator.id;
    expect(await issueResetLinkAction({}, form({ userId: member.id }))).toMatchObject({ ok: false });
    expect(await db.passwordReset.count({ where: { userId: member.id } })).toBe(0);

    session.userId = admin.id;
    const answer = await issueResetLinkAction({}, form({ userId: member.id }));
    expect(answer).toMatchObject({ ok: true, link: expect.stringMatching(/\/reset-password\?token=/) });
    const entry = await db.moderationAction.findFirstOrThrow({ where: { targetType: "USER", targetId: member.id, action: "ISSUE_PASSWORD_RESET" } });
    expect(entry).toMatchObject({ actorId: admin.id, actorRole: "ADMIN" });
    // The log records the act, never the link.
    expect(JSON.stringify(entry)).not.toContain(tokenOf(answer.link!));
    expect((await verifyModerationLog()).ok).toBe(true);

    await expect(resetPasswordAction({}, form({ token: tokenOf(answer.link!), newPassword: NEW_PASSWORD }))).rejects.toThrow(/NEXT_REDIRECT/);
    expect(await verifyCredentials({ email: member.email, password: NEW_PASSWORD }, freshAddress())).toMatchObject({ id: member.id });
  });

  it("issues a link from the command line by email or handle, logged as the member's own act naming the command", async () => {
    const member = await makeUser();
    const { handle } = await db.user.findUniqueOrThrow({ where: { id: member.id }, select: { handle: true } });
    const byHandle = await issueResetLinkFromCommandLine(`@${handle}`);
    expect(byHandle.email).toBe(member.email);
    const entry = await db.moderationAction.findFirstOrThrow({ where: { targetId: member.id, action: "ISSUE_PASSWORD_RESET" } });
    expect(entry).toMatchObject({ actorId: member.id, details: { via: "user:reset-link" } });
    await expect(issueResetLinkFromCommandLine("no-such-member@example.test")).rejects.toThrow(/No member/);
    await resetPassword({ token: tokenOf(byHandle.link), newPassword: NEW_PASSWORD });
    expect(await verifyCredentials({ email: member.email, password: NEW_PASSWORD }, freshAddress())).not.toBeNull();
  });
});
