import http, { type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// No session cookie in these calls: Auth.js (which needs Next's runtime) would only ever answer "signed out".
vi.mock("@/auth", () => ({ auth: async () => null }));

import { db } from "@/server/db";
import { fastRouteFor } from "@/server/api/fast-routes";
import { DELETE as deleteVoteRoute, PUT as putVoteRoute } from "@/app/api/v1/arguments/[id]/vote/route";
import { GET as thesisViewRoute } from "@/app/api/v1/theses/[slug]/route";
import { GET as focusViewRoute } from "@/app/api/v1/arguments/[id]/route";
import { performModerationAction } from "@/server/moderation/perform-moderation-action";
import { makeMember, makeQuote, makeSource } from "../support/moderation-fixtures";
import { castVote } from "@/server/votes/cast-vote";
import { createApiToken, revokeApiToken } from "@/server/auth/api-tokens";
import { API_SECURITY_HEADERS } from "@/lib/security-headers";
import { makeArgument, makeThesis, makeUser } from "../support/factories";

// The production server's fast path (scripts/serve.ts) on a real HTTP server; what it does not claim, this
// stand-in for Next answers with 599, so a test sees exactly which requests the fast path takes.
let server: Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((request, response) => {
    const fast = fastRouteFor(request);
    if (fast) void fast(response);
    else response.writeHead(599).end("next");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

interface Call {
  method: "PUT" | "DELETE";
  argumentId: string;
  headers?: Record<string, string>;
  body?: string;
}

async function viaFastPath({ method, argumentId, headers = {}, body }: Call) {
  const response = await fetch(`${base}/api/v1/arguments/${encodeURIComponent(argumentId)}/vote`, { method, headers, body });
  return { status: response.status, headers: response.headers, body: response.status === 599 ? null : await response.json() };
}

/** The same call through the Next route handler that `next dev` and cookie callers use. */
async function viaNextRoute({ method, argumentId, headers = {}, body }: Call) {
  const request = new Request(`http://agora.test/api/v1/arguments/${argumentId}/vote`, { method, headers, body });
  const handler = method === "PUT" ? putVoteRoute : deleteVoteRoute;
  const response = await handler(request, { params: Promise.resolve({ id: argumentId }) });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

async function setup() {
  const [author, voter] = await Promise.all([makeUser(), makeUser()]);
  const thesis = await makeThesis(author);
  const argument = await makeArgument(author, { thesisId: thesis.id });
  const { secret } = await createApiToken({ actor: voter, input: { name: "fast path" } });
  return { author, voter, thesis, argument, secret, auth: { authorization: `Bearer ${secret}` } };
}

const json = { "content-type": "application/json" };

describe("the production server's fast path for API-token votes", () => {
  it("casts, replays, changes and withdraws votes, with the security headers Next would add", async () => {
    const { argument, auth } = await setup();
    const cast = await viaFastPath({ method: "PUT", argumentId: argument.id, headers: { ...auth, ...json }, body: '{"value":1}' });
    expect(cast.status).toBe(200);
    expect(cast.body).toEqual({
      vote: { argumentId: argument.id, value: 1, upCount: 1, downCount: 0, staleUpCount: 0, staleDownCount: 0, wilsonScore: expect.any(Number), strength: expect.any(Number), thesisStrength: expect.any(Number), changed: true },
    });
    for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) expect(cast.headers.get(name)).toBe(value);
    expect(cast.headers.get("content-type")).toBe("application/json");

    const replay = await viaFastPath({ method: "PUT", argumentId: argument.id, headers: { ...auth, ...json }, body: '{"value":1}' });
    expect(replay.body.vote).toMatchObject({ value: 1, upCount: 1, changed: false });
    const changed = await viaFastPath({ method: "PUT", argumentId: argument.id, headers: { ...auth, ...json }, body: '{"value":-1}' });
    expect(changed.body.vote).toMatchObject({ value: -1, upCount: 0, downCount: 1, changed: true });
    const withdrawn = await viaFastPath({ method: "DELETE", argumentId: argument.id, headers: auth });
    expect(withdrawn.body.vote).toMatchObject({ value: null, upCount: 0, downCount: 0, changed: true });
    expect(await db.vote.count({ where: { argumentId: argument.id } })).toBe(0);
  });

  it("answers every refusal exactly as the Next route handler does, and changes nothing", async () => {
    const { author, argument, thesis, secret, auth, voter } = await setup();
    const hidden = await makeArgument(author, { thesisId: thesis.id });
    await db.argument.update({ where: { id: hidden.id }, data: { status: "HIDDEN" } });
    const { secret: authorSecret } = await createApiToken({ actor: author, input: { name: "author" } });
    const { secret: revokedSecret, token: revoked } = await createApiToken({ actor: voter, input: { name: "old" } });
    await revokeApiToken({ actor: voter, tokenId: revoked.id });

    const cases: [string, Call, number][] = [
      ["no such argument", { method: "PUT", argumentId: "doesnotexist", headers: { ...auth, ...json }, body: '{"value":1}' }, 404],
      ["a hidden argument", { method: "PUT", argumentId: hidden.id, headers: { ...auth, ...json }, body: '{"value":1}' }, 403],
      ["one's own argument", { method: "PUT", argumentId: argument.id, headers: { authorization: `Bearer ${authorSecret}`, ...json }, body: '{"value":1}' }, 403],
      ["a value of 2", { method: "PUT", argumentId: argument.id, headers: { ...auth, ...json }, body: '{"value":2}' }, 422],
      ['a value of "1"', { method: "PUT", argumentId: argument.id, headers: { ...auth, ...json }, body: '{"value":"1"}' }, 422],
      ["no body", { method: "PUT", argumentId: argument.id, headers: { ...auth, ...json } }, 400],
      ["broken JSON", { method: "PUT", argumentId: argument.id, headers: { ...auth, ...json }, body: '{"value":' }, 400],
      ["a form body", { method: "PUT", argumentId: argument.id, headers: { ...auth, "content-type": "application/x-www-form-urlencoded" }, body: "value=1" }, 415],
      ["a malformed id", { method: "PUT", argumentId: "bad id!", headers: { ...auth, ...json }, body: '{"value":1}' }, 404],
      ["a NUL id", { method: "PUT", argumentId: "\u0000", headers: { ...auth, ...json }, body: '{"value":1}' }, 404],
      ["a revoked token", { method: "PUT", argumentId: argument.id, headers: { authorization: `Bearer ${revokedSecret}`, ...json }, body: '{"value":1}' }, 401],
      ["an unknown token", { method: "DELETE", argumentId: argument.id, headers: { authorization: `Bearer ${secret.slice(0, -4)}AAAA` } }, 401],
      ["not a bearer token", { method: "DELETE", argumentId: argument.id, headers: { authorization: `Basic ${secret}` } }, 401],
    ];
    for (const [label, call, status] of cases) {
      const fast = await viaFastPath(call);
      const next = await viaNextRoute(call);
      expect({ label, status: fast.status, body: fast.body }).toEqual({ label, status, body: next.body });
      expect(next.status, label).toBe(status);
      if (status === 401) expect(fast.headers.get("www-authenticate")).toBe('Bearer realm="agora"');
    }
    expect(await db.vote.count({ where: { argumentId: { in: [argument.id, hidden.id] } } })).toBe(0);

    // A suspended member's token still authenticates, but cannot vote.
    await db.user.update({ where: { id: voter.id }, data: { suspendedUntil: new Date(Date.now() + 3_600_000) } });
    const suspended = await viaFastPath({ method: "PUT", argumentId: argument.id, headers: { ...auth, ...json }, body: '{"value":1}' });
    expect(suspended.status).toBe(403);
    expect(suspended.body.error).toMatchObject({ code: "ACCOUNT_SUSPENDED", message: expect.stringMatching(/suspended until/) });
  });

  it("refuses votes past the member's rate limit with 429 and Retry-After, on both paths", async () => {
    const { author, thesis, argument, auth } = await setup();
    const second = await makeArgument(author, { thesisId: thesis.id });
    process.env.AGORA_LIMIT_VOTE_NEW = "1/10";
    try {
      const call = (argumentId: string): Call => ({ method: "PUT", argumentId, headers: { ...auth, ...json }, body: '{"value":1}' });
      expect((await viaFastPath(call(argument.id))).status).toBe(200);
      const fast = await viaFastPath(call(second.id));
      const next = await viaNextRoute(call(second.id));
      expect(fast.status).toBe(429);
      expect(fast.body).toEqual(next.body);
      expect(fast.body.error.code).toBe("RATE_LIMITED");
      expect(fast.body.error.message).toMatch(/^New accounts \(first 24 hours\) can cast at most 1 vote per 10 minutes\. Try again in (9|10) minutes\.$/);
      expect(Number(fast.headers.get("retry-after"))).toBeGreaterThan(500);
      expect(await db.vote.count({ where: { argumentId: second.id } })).toBe(0);
    } finally {
      delete process.env.AGORA_LIMIT_VOTE_NEW;
    }
  });

  it("refuses a body over 16 KB with 413 and still answers on the same connection", async () => {
    const { argument, auth } = await setup();
    const big = await viaFastPath({ method: "PUT", argumentId: argument.id, headers: { ...auth, ...json }, body: JSON.stringify({ value: 1, pad: "x".repeat(20_000) }) });
    expect(big).toMatchObject({ status: 413, body: { error: { code: "PAYLOAD_TOO_LARGE", message: "The request body is larger than 16 KB." } } });
    expect(await db.vote.count({ where: { argumentId: argument.id } })).toBe(0);
  });

  it("leaves session-cookie calls, other methods and other addresses to Next", async () => {
    const { argument, auth } = await setup();
    const cookie = await fetch(`${base}/api/v1/arguments/${argument.id}/vote`, { method: "PUT", headers: { cookie: "authjs.session-token=x", ...json }, body: '{"value":1}' });
    expect(cookie.status).toBe(599);
    for (const [method, path] of [
      ["GET", `/api/v1/arguments/${argument.id}/vote`],
      ["POST", `/api/v1/arguments/${argument.id}/vote`],
      ["PUT", `/api/v1/arguments/${argument.id}/vote/`],
      ["PUT", `/api/v1/arguments/${argument.id}`],
    ] as const) {
      const response = await fetch(`${base}${path}`, { method, headers: { ...auth, ...json }, body: method === "GET" ? undefined : '{"value":1}' });
      expect(response.status, `${method} ${path}`).toBe(599);
    }
    expect(await db.vote.count({ where: { argumentId: argument.id } })).toBe(0);
  });

  it("refuses what Next would answer with a 500: unknown methods (TRACE) and malformed percent-escapes", async () => {
    const { argument, auth } = await setup();
    // fetch() refuses to send TRACE, so a raw request.
    const trace = await new Promise<{ status: number; allow: string | undefined; body: string }>((resolve, reject) => {
      const request = http.request(`${base}/api/v1/arguments/${argument.id}/vote`, { method: "TRACE", headers: auth }, (response) => {
        let body = "";
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode!, allow: response.headers.allow, body }));
      });
      request.on("error", reject);
      request.end();
    });
    expect(trace.status).toBe(405);
    expect(trace.allow).toContain("PUT");
    expect(JSON.parse(trace.body).error.code).toBe("METHOD_NOT_ALLOWED");
    for (const path of ["/api/v1/arguments/%E0%A4%A/vote", "/t/%zz", "/sources/%"]) {
      const response = await fetch(`${base}${path}`, { method: "PUT", headers: { ...auth, ...json }, body: '{"value":1}' });
      expect(response.status, path).toBe(400);
      expect((await response.json()).error.code).toBe("BAD_REQUEST");
    }
    expect(await db.vote.count({ where: { argumentId: argument.id } })).toBe(0);
  });
});

describe("the production server's fast path for the debate views read without a cookie", () => {
  /** GET `path` through the fast path and through the Next route handler (as `next dev` and cookie callers get it). */
  async function bothPaths(path: string, headers: Record<string, string> = {}) {
    const fast = await fetch(`${base}${path}`, { headers });
    const fastBody = fast.status === 599 ? null : await fast.json();
    const url = new URL(path, "http://agora.test");
    const [, , , kind, segment] = url.pathname.split("/");
    const request = new Request(url, { headers });
    const segmentValue = decodeURIComponent(segment!);
    const next =
      kind === "theses"
        ? await thesisViewRoute(request, { params: Promise.resolve({ slug: segmentValue }) })
        : await focusViewRoute(request, { params: Promise.resolve({ id: segmentValue }) });
    return { fast: { status: fast.status, headers: fast.headers, body: fastBody }, next: { status: next.status, body: await next.json() } };
  }

  it("answer the thesis view and a focus, pages and refusals included, exactly as the route handlers do", async () => {
    const [author, replier] = await Promise.all([makeUser(), makeUser()]);
    const thesis = await makeThesis(author);
    const top = await makeArgument(author, { thesisId: thesis.id, stance: "PRO" });
    for (let i = 0; i < 24; i++) await makeArgument(replier, { thesisId: thesis.id, stance: i % 2 ? "CON" : "PRO" });
    const reply = await makeArgument(replier, { thesisId: thesis.id, parentId: top.id, stance: "CON" });
    const hidden = await makeArgument(replier, { thesisId: thesis.id, parentId: top.id });
    const moderator = await makeMember({ role: "MODERATOR" });
    await performModerationAction({ actor: moderator, input: { action: "HIDE", targetType: "ARGUMENT", targetId: hidden.id, reason: "Spam" } });
    const { secret } = await createApiToken({ actor: replier, input: { name: "reader" } });
    const token = { authorization: `Bearer ${secret}` };

    const first = await bothPaths(`/api/v1/theses/${thesis.slug}`);
    expect(first.fast.status).toBe(200);
    expect(first.fast.body).toEqual(first.next.body);
    for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) expect(first.fast.headers.get(name)).toBe(value);
    expect(first.fast.headers.get("cache-control")).toBe("no-store");
    const nextPage = first.fast.body.arguments.PRO.nextCursor as string;
    expect(nextPage).toEqual(expect.any(String));

    const cases: [string, string, Record<string, string>, number][] = [
      ["the next page of one side", `/api/v1/theses/${thesis.slug}?pro=${encodeURIComponent(nextPage)}`, {}, 200],
      ["with an API token", `/api/v1/theses/${thesis.slug}?sort=newest`, token, 200],
      ["a focus", `/api/v1/arguments/${top.id}`, {}, 200],
      ["a focus with a token", `/api/v1/arguments/${reply.id}?sort=disputed`, token, 200],
      ["a hidden argument's focus", `/api/v1/arguments/${hidden.id}`, {}, 200],
      ["an unknown sort", `/api/v1/theses/${thesis.slug}?sort=random`, {}, 422],
      ["a damaged cursor", `/api/v1/theses/${thesis.slug}?con=garbage!`, {}, 422],
      ["a damaged cursor on a focus", `/api/v1/arguments/${top.id}?pro=%00`, {}, 422],
      ["no such thesis", "/api/v1/theses/no-such-thesis-here", {}, 404],
      ["a malformed slug", "/api/v1/theses/Not%20A%20Slug", {}, 404],
      ["no such argument", "/api/v1/arguments/anoargumentatall", {}, 404],
      ["a malformed id", "/api/v1/arguments/bad%20id!", {}, 404],
      ["an unknown token", `/api/v1/theses/${thesis.slug}`, { authorization: `Bearer ${secret.slice(0, -4)}AAAA` }, 401],
    ];
    for (const [label, path, headers, status] of cases) {
      const { fast, next } = await bothPaths(path, headers);
      expect({ label, status: fast.status, body: fast.body }).toEqual({ label, status, body: next.body });
      expect(next.status, label).toBe(status);
    }

    // Each card carries the caller's vote and its footnotes, as the page's card shows them.
    const source = await makeSource(author.id);
    const quote = await makeQuote(source.id, author.id);
    const cited = await makeArgument(author, { thesisId: thesis.id, stance: "CON", body: `Evidence [[q:${quote.id}]].` });
    await castVote({ actor: replier, argumentId: cited.id, value: -1 });
    const item = async (headers: Record<string, string>) => {
      const { fast, next } = await bothPaths(`/api/v1/theses/${thesis.slug}?sort=newest`, headers);
      expect(fast.body).toEqual(next.body);
      return (fast.body.arguments.CON.items as { id: string }[]).find((i) => i.id === cited.id) as Record<string, unknown>;
    };
    const footnote = { number: 1, quoteId: quote.id, exact: "brown fox", quoteHidden: false, sourceId: source.id, sourceTitle: expect.stringMatching(/^Source /) };
    expect(await item(token)).toMatchObject({ myVote: -1, citations: [expect.objectContaining(footnote)] });
    expect(await item({})).toMatchObject({ myVote: null, citations: [expect.objectContaining(footnote)] });
    const focus = await bothPaths(`/api/v1/arguments/${cited.id}`, token);
    expect(focus.fast.body.argument).toMatchObject({ myVote: -1, citations: [expect.objectContaining(footnote)] });
    // Once hidden, its card shows neither its text nor its footnotes.
    await performModerationAction({ actor: moderator, input: { action: "HIDE", targetType: "ARGUMENT", targetId: cited.id, reason: "Off topic" } });
    const redacted = await bothPaths(`/api/v1/arguments/${cited.id}`);
    expect(redacted.fast.body).toEqual(redacted.next.body);
    expect(redacted.fast.body.argument).toMatchObject({ body: "", bodyRedacted: true, citations: [] });
  });

  it("leave cookie calls, other reads and HEAD to Next", async () => {
    const [author] = await Promise.all([makeUser()]);
    const thesis = await makeThesis(author);
    const argument = await makeArgument(author, { thesisId: thesis.id });
    expect((await fetch(`${base}/api/v1/theses/${thesis.slug}`, { headers: { cookie: "authjs.session-token=x" } })).status).toBe(599);
    expect((await fetch(`${base}/api/v1/theses/${thesis.slug}`, { method: "HEAD" })).status).toBe(599);
    for (const path of ["/api/v1/theses", `/api/v1/theses/${thesis.slug}/`, `/api/v1/theses/${thesis.slug}/map`, `/api/v1/arguments/${argument.id}/revisions`, `/t/${thesis.slug}`]) {
      expect((await fetch(`${base}${path}`)).status, path).toBe(599);
    }
  });
});
