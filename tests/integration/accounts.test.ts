import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { registerUser } from "@/server/auth/register-user";
import { verifyCredentials } from "@/server/auth/verify-credentials";
import { ConflictError, RateLimitError } from "@/server/errors";
import { registerSchema } from "@/lib/validation/auth";
import { makeUser } from "../support/factories";

const ip = () => `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 4)}`;

describe("registration", () => {
  it("stores an argon2id hash, never the password, and keeps the hash out of ordinary reads", async () => {
    const user = await makeUser();
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain(user.password);
    const ordinary = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(ordinary).not.toHaveProperty("passwordHash");
  });

  it("derives a unique handle from the display name", async () => {
    const tag = randomUUID().slice(0, 6);
    const first = await makeUser({ name: `Ada ${tag}` });
    const second = await makeUser({ name: `Ada-${tag}` });
    expect(first.handle).toBe(`ada-${tag}`);
    expect(second.handle).toBe(`ada-${tag}-2`);
  });

  it("refuses an email that is taken, whatever its case", async () => {
    const user = await makeUser();
    const input = registerSchema.parse({ email: user.email.toUpperCase(), name: `Other ${randomUUID().slice(0, 6)}`, password: "long enough pw" });
    const attempt = registerUser(input);
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({ fieldErrors: { email: [expect.stringMatching(/already exists/)] } });
    expect(await db.user.count({ where: { email: user.email } })).toBe(1);
  });

  it("refuses a display name that is taken, whatever its case", async () => {
    const user = await makeUser();
    const input = registerSchema.parse({ email: `x-${randomUUID()}@example.test`, name: user.name.toUpperCase(), password: "long enough pw" });
    await expect(registerUser(input)).rejects.toMatchObject({ fieldErrors: { name: [expect.stringMatching(/taken/)] } });
  });

  it("validates email, name and password with clear messages", () => {
    const result = registerSchema.safeParse({ email: "not-an-email", name: "", password: "short" });
    expect(result.success).toBe(false);
    const errors = result.error!.flatten().fieldErrors;
    expect(errors.email).toEqual(["Enter a valid email address."]);
    expect(errors.name?.[0]).toMatch(/at least 2/);
    expect(errors.password).toEqual(["Passwords need at least 10 characters."]);
    expect(registerSchema.parse({ email: " Mixed@Example.ORG ", name: "Zoë O'Neil", password: "0123456789" }).email).toBe("mixed@example.org");
  });
});

describe("sign-in", () => {
  it("accepts the right password and refuses a wrong one or an unknown account", async () => {
    const user = await makeUser();
    expect(await verifyCredentials({ email: user.email.toUpperCase(), password: user.password }, ip())).toMatchObject({ id: user.id });
    expect(await verifyCredentials({ email: user.email, password: "wrong password!" }, ip())).toBeNull();
    expect(await verifyCredentials({ email: `nobody-${randomUUID()}@example.test`, password: "whatever123" }, ip())).toBeNull();
    expect(await verifyCredentials({ email: 42 }, ip())).toBeNull();
  });

  it("throttles an account from one address after 5 failures, refusing even the right password from there", async () => {
    const user = await makeUser();
    const address = ip();
    for (let i = 0; i < 5; i++) {
      expect(await verifyCredentials({ email: user.email, password: `wrong-${i}-password` }, address)).toBeNull();
    }
    const attempt = verifyCredentials({ email: user.email, password: user.password }, address);
    await expect(attempt).rejects.toBeInstanceOf(RateLimitError);
    await expect(attempt).rejects.toMatchObject({ message: expect.stringMatching(/Try again in \d+ minutes?/) });
  });

  it("throttles an address that fails across many accounts", async () => {
    const address = ip();
    for (let i = 0; i < 30; i++) {
      await verifyCredentials({ email: `spray-${randomUUID()}@example.test`, password: "guess-guess-guess" }, address);
    }
    const user = await makeUser();
    await expect(verifyCredentials({ email: user.email, password: user.password }, address)).rejects.toBeInstanceOf(RateLimitError);
    // The same account from elsewhere is unaffected.
    expect(await verifyCredentials({ email: user.email, password: user.password }, ip())).toMatchObject({ id: user.id });
  });

  it("keeps the throttle in Postgres, not in memory", async () => {
    const user = await makeUser();
    await verifyCredentials({ email: user.email, password: "wrong password!" }, "203.0.113.9");
    const counters = await db.rateLimitCounter.findMany({ where: { key: { in: [user.email, `${user.email}|203.0.113.9`] } } });
    expect(counters.map((c) => [c.bucket, c.count]).sort()).toEqual([
      ["signInAccount", 1],
      ["signInAccountAddress", 1],
    ]);
  });
});
