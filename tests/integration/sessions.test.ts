import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { endOtherSessions, endSession, resolveSession, startSession } from "@/server/auth/sessions";
import { changePassword } from "@/server/auth/change-password";
import { verifyCredentials } from "@/server/auth/verify-credentials";
import { changePasswordSchema } from "@/lib/validation/auth";
import { InvalidInputError } from "@/server/errors";
import { makeUser } from "../support/factories";

const address = () => `2001:db8:5::${randomUUID().slice(0, 4)}`;

afterEach(() => {
  delete process.env.AGORA_SESSION_IDLE_DAYS;
});

describe("server-side sessions", () => {
  it("resolve while their row lives, and not after sign-out", async () => {
    const user = await makeUser();
    const sid = await startSession(user.id);
    expect(await resolveSession(user.id, sid)).toMatchObject({ id: user.id });
    // A cookie naming someone else's session is refused.
    const other = await makeUser();
    expect(await resolveSession(other.id, sid)).toBeNull();
    await endSession(sid);
    expect(await resolveSession(user.id, sid)).toBeNull();
  });

  it("all end on 'sign out everywhere'", async () => {
    const user = await makeUser();
    const [a, b] = [await startSession(user.id), await startSession(user.id)];
    expect(await endOtherSessions(user.id, null)).toBe(2);
    expect(await resolveSession(user.id, a)).toBeNull();
    expect(await resolveSession(user.id, b)).toBeNull();
  });

  it("expire after inactivity and roll forward while used", async () => {
    process.env.AGORA_SESSION_IDLE_DAYS = "1";
    const user = await makeUser();
    const sid = await startSession(user.id);
    // Last used long enough ago for the expiry to roll.
    await db.userSession.update({ where: { id: sid }, data: { expiresAt: new Date(Date.now() + 3_600_000) } });
    expect(await resolveSession(user.id, sid)).not.toBeNull();
    const rolled = await db.userSession.findUniqueOrThrow({ where: { id: sid } });
    expect(rolled.expiresAt.getTime()).toBeGreaterThan(Date.now() + 86_400_000 - 60_000);
    await db.userSession.update({ where: { id: sid }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await resolveSession(user.id, sid)).toBeNull();
  });
});

describe("password change", () => {
  it("needs the current password, ends the other sessions and keeps this one", async () => {
    const user = await makeUser();
    const here = await startSession(user.id);
    const elsewhere = await startSession(user.id);
    const from = address();
    const wrong = changePassword({
      actor: user,
      sessionId: here,
      address: from,
      input: changePasswordSchema.parse({ currentPassword: "not my password", newPassword: "a brand new password" }),
    });
    await expect(wrong).rejects.toBeInstanceOf(InvalidInputError);
    await expect(wrong).rejects.toMatchObject({ fieldErrors: { currentPassword: ["That is not your current password."] } });
    expect(await resolveSession(user.id, elsewhere)).not.toBeNull();

    const result = await changePassword({
      actor: user,
      sessionId: here,
      address: from,
      input: changePasswordSchema.parse({ currentPassword: user.password, newPassword: "a brand new password" }),
    });
    expect(result.endedSessions).toBe(1);
    expect(await resolveSession(user.id, here)).toMatchObject({ id: user.id });
    expect(await resolveSession(user.id, elsewhere)).toBeNull();
    expect(await verifyCredentials({ email: user.email, password: user.password }, address())).toBeNull();
    expect(await verifyCredentials({ email: user.email, password: "a brand new password" }, address())).toMatchObject({ id: user.id });
  });

  it("validates the new password with field messages", () => {
    const same = changePasswordSchema.safeParse({ currentPassword: "same password 1", newPassword: "same password 1" });
    expect(same.error?.flatten().fieldErrors.newPassword).toEqual(["Choose a password different from your current one."]);
    const short = changePasswordSchema.safeParse({ currentPassword: "", newPassword: "short" });
    expect(short.error?.flatten().fieldErrors).toMatchObject({
      currentPassword: ["Enter your current password."],
      newPassword: ["Passwords need at least 10 characters."],
    });
  });
});
