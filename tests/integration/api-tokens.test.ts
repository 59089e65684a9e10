import { createHash } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

// Only the session is faked, and it counts its calls: a request with an API token must never reach Auth.js.
const session = vi.hoisted(() => ({ userId: null as string | null, calls: 0 }));
vi.mock("@/auth", async () => {
  const { fakeAuthSession } = await import("../support/fake-auth-session");
  return {
    auth: async () => {
      session.calls++;
      return fakeAuthSession(session.userId);
    },
  };
});

import { db } from "@/server/db";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/tokens/route";
import { DELETE as revokeRoute } from "@/app/api/v1/tokens/[id]/route";
import { PUT as voteRoute } from "@/app/api/v1/arguments/[id]/vote/route";
import { GET as thesesRoute } from "@/app/api/v1/theses/route";
import { createApiToken, listApiTokens, resolveBearerToken, revokeApiToken } from "@/server/auth/api-tokens";
import { countQueries } from "../support/count-queries";
import { makeArgument, makeThesis, makeUser } from "../support/factories";

type Handler = (request: Request, context: { params: Promise<object> }) => Promise<Response>;

/** Calls a route handler as the signed-in `sessionUserId` (a cookie) and/or with an Authorization header. */
async function call(
  handler: unknown,
  { method = "GET", params = {}, body, sessionUserId = null, authorization }: { method?: string; params?: object; body?: unknown; sessionUserId?: string | null; authorization?: string },
) {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers["content-type"] = "application/json";
  if (authorization !== undefined) headers.authorization = authorization;
  session.userId = sessionUserId;
  try {
    const request = new Request("http://agora.test/api/v1/x", { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return await (handler as Handler)(request, { params: Promise.resolve(params) });
  } finally {
    session.userId = null;
  }
}

const bearer = (secret: string) => `Bearer ${secret}`;

async function votableArgument() {
  const author = await makeUser();
  const thesis = await makeThesis(author);
  return makeArgument(author, { thesisId: thesis.id });
}

describe("creating and listing API tokens", () => {
  it("returns the secret once and stores only its SHA-256 and a display prefix", async () => {
    const member = await makeUser();
    const { token, secret } = await createApiToken({ actor: member, input: { name: "laptop scripts" } });
    expect(secret).toMatch(/^agora_[A-Za-z0-9_-]{43}$/);
    expect(token).toEqual({ id: expect.any(String), name: "laptop scripts", prefix: secret.slice(0, 12), createdAt: expect.any(Date), lastUsedAt: null });

    const stored = await db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(stored.tokenHash).toBe(createHash("sha256").update(secret).digest("hex"));
    // The secret, or any part of it past the display prefix, is nowhere in the row.
    expect(JSON.stringify(stored)).not.toContain(secret.slice(12, 30));

    const listed = await listApiTokens({ userId: member.id });
    expect(listed).toEqual([{ ...token, revokedAt: null }]);
    expect(Object.keys(listed[0]!)).not.toContain("tokenHash");
  });

  it("POST /api/v1/tokens answers 201 with the secret; GET lists without secrets or digests; names are validated", async () => {
    const member = await makeUser();
    const created = await call(createRoute, { method: "POST", body: { name: "  vote bot  " }, sessionUserId: member.id });
    expect(created.status).toBe(201);
    const { token, secret } = await created.json();
    expect(Object.keys(token).sort()).toEqual(["createdAt", "id", "lastUsedAt", "name", "prefix"]);
    expect(token).toMatchObject({ name: "vote bot", prefix: secret.slice(0, 12), lastUsedAt: null });

    const listed = await call(listRoute, { sessionUserId: member.id });
    expect(listed.status).toBe(200);
    const text = await listed.text();
    expect(JSON.parse(text).tokens).toEqual([{ ...token, revokedAt: null }]);
    expect(text).not.toContain(secret);
    expect(text).not.toContain("tokenHash");

    for (const name of ["", "   ", "x".repeat(61)]) {
      const refused = await call(createRoute, { method: "POST", body: { name }, sessionUserId: member.id });
      expect(refused.status).toBe(422);
      expect((await refused.json()).error.fields.name[0]).toMatch(/Name the token|at most 60/);
    }
    expect((await call(createRoute, { method: "POST", body: { name: "x".repeat(60) }, sessionUserId: member.id })).status).toBe(201);
    expect((await call(createRoute, { method: "POST", body: { name: "anonymous" } })).status).toBe(401);
    expect((await call(listRoute, {})).status).toBe(401);
  });

  it("refuses the 21st active token, also when many are created at once, and allows one again after a revocation", async () => {
    const member = await makeUser();
    const attempts = await Promise.allSettled(
      Array.from({ length: 25 }, (_, i) => createApiToken({ actor: member, input: { name: `token ${i}` } })),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(20);
    const refusals = attempts.filter((a): a is PromiseRejectedResult => a.status === "rejected");
    expect(refusals).toHaveLength(5);
    for (const { reason } of refusals) expect(reason).toMatchObject({ status: 409, message: expect.stringMatching(/already have 20 active API tokens/) });

    const twentyFirst = await call(createRoute, { method: "POST", body: { name: "one more" }, sessionUserId: member.id });
    expect(twentyFirst.status).toBe(409);
    expect((await twentyFirst.json()).error).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/revoke one/) });

    const [oldest] = await listApiTokens({ userId: member.id });
    await revokeApiToken({ actor: member, tokenId: oldest!.id });
    expect((await call(createRoute, { method: "POST", body: { name: "one more" }, sessionUserId: member.id })).status).toBe(201);
    expect(await db.apiToken.count({ where: { userId: member.id, revokedAt: null } })).toBe(20);
  });
});

describe("revoking API tokens", () => {
  it("revokes the owner's token once; twice is a 409, someone else's or a missing id a 404", async () => {
    const [owner, other] = await Promise.all([makeUser(), makeUser()]);
    const { token } = await createApiToken({ actor: owner, input: { name: "ci" } });

    const byOther = await call(revokeRoute, { method: "DELETE", params: { id: token.id }, sessionUserId: other.id });
    expect(byOther.status).toBe(404);
    const missing = await call(revokeRoute, { method: "DELETE", params: { id: "nosuchtoken" }, sessionUserId: owner.id });
    expect(missing.status).toBe(404);
    // The same answer for both: the refusal does not tell whether the id exists.
    expect(await byOther.json()).toEqual(await missing.json());
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).revokedAt).toBeNull();

    const revoked = await call(revokeRoute, { method: "DELETE", params: { id: token.id }, sessionUserId: owner.id });
    expect(revoked.status).toBe(200);
    expect((await revoked.json()).token).toMatchObject({ id: token.id, revokedAt: expect.any(String) });

    const again = await call(revokeRoute, { method: "DELETE", params: { id: token.id }, sessionUserId: owner.id });
    expect(again.status).toBe(409);
    expect((await again.json()).error).toMatchObject({ code: "CONFLICT", message: "This API token was already revoked." });
    expect((await call(revokeRoute, { method: "DELETE", params: { id: token.id } })).status).toBe(401);
    expect((await call(revokeRoute, { method: "DELETE", params: { id: "bad id!" }, sessionUserId: owner.id })).status).toBe(404);
  });

  it("a token cannot list, create or revoke tokens, not even its own", async () => {
    const member = await makeUser();
    const { token, secret } = await createApiToken({ actor: member, input: { name: "leaked" } });
    const attempts = [
      await call(listRoute, { authorization: bearer(secret) }),
      await call(createRoute, { method: "POST", body: { name: "minted" }, authorization: bearer(secret) }),
      await call(revokeRoute, { method: "DELETE", params: { id: token.id }, authorization: bearer(secret) }),
      // A session cookie alongside does not help: the Authorization header decides.
      await call(createRoute, { method: "POST", body: { name: "minted" }, authorization: bearer(secret), sessionUserId: member.id }),
    ];
    for (const response of attempts) {
      expect(response.status).toBe(403);
      expect((await response.json()).error).toMatchObject({ code: "FORBIDDEN", message: "API tokens cannot manage API tokens; sign in on the website." });
    }
    expect(await db.apiToken.findMany({ where: { userId: member.id }, select: { name: true, revokedAt: true } })).toEqual([{ name: "leaked", revokedAt: null }]);
  });
});

describe("bearer authentication in the API", () => {
  it("resolves a token to its member with one query and without Auth.js; votes as that member", async () => {
    const member = await makeUser();
    const { secret } = await createApiToken({ actor: member, input: { name: "voter" } });
    const argument = await votableArgument();

    const expected = await db.user.findUniqueOrThrow({
      where: { id: member.id },
      select: { id: true, name: true, handle: true, email: true, role: true, suspendedUntil: true, createdAt: true },
    });
    expect(await resolveBearerToken(bearer(secret))).toEqual(expected);
    // lastUsedAt is now fresh: later requests within the hour cost exactly one query.
    expect(await countQueries(() => resolveBearerToken(bearer(secret)))).toBe(1);
    // The scheme is case-insensitive (RFC 9110).
    expect((await resolveBearerToken(`bearer ${secret}`)).id).toBe(member.id);

    session.calls = 0;
    const voted = await call(voteRoute, { method: "PUT", params: { id: argument.id }, body: { value: 1 }, authorization: bearer(secret) });
    expect(voted.status).toBe(200);
    expect((await voted.json()).vote).toMatchObject({ value: 1, upCount: 1 });
    expect(session.calls).toBe(0);
    expect(await db.vote.findFirst({ where: { argumentId: argument.id }, select: { userId: true } })).toEqual({ userId: member.id });

    // Without the header, the session path is unchanged.
    expect((await call(thesesRoute, {})).status).toBe(200);
    expect(session.calls).toBe(1);
  });

  it("answers unknown, revoked and malformed credentials with 401, never as an anonymous request", async () => {
    const member = await makeUser();
    const { token, secret } = await createApiToken({ actor: member, input: { name: "soon revoked" } });
    const unknown = `agora_${"A".repeat(43)}`;
    await revokeApiToken({ actor: member, tokenId: token.id });

    const invalid = [bearer(unknown), bearer(secret), bearer("agora_short"), bearer("ghp_somebodyelsestoken")];
    const malformed = ["", "Bearer", "Bearer ", `Basic ${Buffer.from("a:b").toString("base64")}`, `Token ${secret}`, `Bearer ${secret} extra`];
    for (const authorization of [...invalid, ...malformed]) {
      session.calls = 0;
      // A public GET would succeed anonymously: the bad credential must still be refused, cookie or not.
      const response = await call(thesesRoute, { authorization, sessionUserId: member.id });
      expect(response.status, authorization).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      const { error } = await response.json();
      expect(error.code).toBe("UNAUTHORIZED");
      expect(error.message).toBe(invalid.includes(authorization) ? "This API token is not valid or was revoked." : 'Send the API token as "Authorization: Bearer <token>".');
      expect(session.calls).toBe(0);
    }
  });

  it("a suspended member's token still reads but is refused writes with 403", async () => {
    const member = await makeUser();
    const { secret } = await createApiToken({ actor: member, input: { name: "suspended" } });
    const argument = await votableArgument();
    await db.user.update({ where: { id: member.id }, data: { suspendedUntil: new Date(Date.now() + 86_400_000) } });

    expect((await call(thesesRoute, { authorization: bearer(secret) })).status).toBe(200);
    const vote = await call(voteRoute, { method: "PUT", params: { id: argument.id }, body: { value: -1 }, authorization: bearer(secret) });
    expect(vote.status).toBe(403);
    expect((await vote.json()).error).toMatchObject({ code: "ACCOUNT_SUSPENDED", message: expect.stringMatching(/suspended until/) });
    expect(await db.vote.count({ where: { argumentId: argument.id } })).toBe(0);
  });

  it("sets lastUsedAt on first use and refreshes it only when an hour old", async () => {
    const member = await makeUser();
    const { token, secret } = await createApiToken({ actor: member, input: { name: "usage" } });
    const lastUsed = async () => (await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt;

    const before = Date.now();
    expect((await call(thesesRoute, { authorization: bearer(secret) })).status).toBe(200);
    const first = await lastUsed();
    expect(first!.getTime()).toBeGreaterThanOrEqual(before - 1000);

    await call(thesesRoute, { authorization: bearer(secret) });
    expect(await lastUsed()).toEqual(first);

    const stale = new Date(Date.now() - 61 * 60 * 1000);
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: stale } });
    // Stale: the lookup plus one conditional UPDATE.
    expect(await countQueries(() => resolveBearerToken(bearer(secret)))).toBe(2);
    expect((await lastUsed())!.getTime()).toBeGreaterThan(stale.getTime() + 60 * 60 * 1000);
  });
});
