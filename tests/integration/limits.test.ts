import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { RateLimitError } from "@/server/errors";
import { limitRule, pruneExpiredCounters, takeLimit } from "@/server/access/limits";
import { verifyCredentials } from "@/server/auth/verify-credentials";
import { registerUser } from "@/server/auth/register-user";
import { resolveClientAddress, parseTrustedProxies } from "@/server/auth/client-address";
import { createThesis } from "@/server/theses/create-thesis";
import { createFlag } from "@/server/flags/create-flag";
import { createQuote } from "@/server/quotes/create-quote";
import { createPastedSource } from "@/server/sources/create-pasted-source";
import { createSourceFromUrl } from "@/server/sources/create-source-from-url";
import { FetchRefusedError } from "@/server/sources/safe-fetch";
import { setVote } from "@/server/votes/cast-vote";
import { createFlagSchema } from "@/lib/validation/moderation";
import { addPastedSourceSchema, createQuoteSchema } from "@/lib/validation/source";
import { makeArgument, makeThesis, makeUser } from "../support/factories";

/**
 * Parallel bursts against every limit: exactly the limit passes, however many requests arrive at once. The old
 * check-then-record code let most of such a burst through.
 */
const uniqueAddress = () => `2001:db8::${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}`;

/** Runs all calls at once; counts those that passed and checks that every other one was a rate-limit refusal. */
async function burst<T>(count: number, call: (i: number) => Promise<T>) {
  const results = await Promise.allSettled(Array.from({ length: count }, (_, i) => call(i)));
  const refused = results.filter((r) => r.status === "rejected" && r.reason instanceof RateLimitError);
  const failed = results.filter((r) => r.status === "rejected" && !(r.reason instanceof RateLimitError));
  const passed = results.filter((r): r is PromiseFulfilledResult<Awaited<T>> => r.status === "fulfilled");
  return { passed, refused: refused.length, failed: failed.map((r) => (r as PromiseRejectedResult).reason as unknown) };
}

const overrides: string[] = [];
function override(name: string, value: string) {
  process.env[name] = value;
  overrides.push(name);
}
afterEach(() => {
  for (const name of overrides.splice(0)) delete process.env[name];
});

describe("sign-in throttle", () => {
  it("checks exactly 5 passwords of a burst of 60 guesses at one account from one address", async () => {
    const user = await makeUser();
    const from = uniqueAddress();
    const { passed, refused, failed } = await burst(60, (i) => verifyCredentials({ email: user.email, password: `guess number ${i}` }, from));
    expect(failed).toEqual([]);
    expect(passed.map((r) => r.value)).toEqual([null, null, null, null, null]);
    expect(refused).toBe(55);
  });

  it("checks exactly 30 guesses of a burst of 80 from one address across accounts", async () => {
    const from = uniqueAddress();
    const { passed, refused } = await burst(80, () => verifyCredentials({ email: `spray-${randomUUID()}@example.test`, password: "guess-guess" }, from));
    expect(passed).toHaveLength(30);
    expect(refused).toBe(50);
  });

  it("does not block the owner's correct password from a clean address after failures elsewhere", async () => {
    const user = await makeUser();
    const attacker = uniqueAddress();
    await burst(20, (i) => verifyCredentials({ email: user.email, password: `guess number ${i}` }, attacker));
    await expect(verifyCredentials({ email: user.email, password: user.password }, attacker)).rejects.toBeInstanceOf(RateLimitError);
    expect(await verifyCredentials({ email: user.email, password: user.password }, uniqueAddress())).toMatchObject({ id: user.id });
  });

  it("ignores a forged X-Forwarded-For naming the owner's address: the attacker's socket is throttled, not the owner", async () => {
    const user = await makeUser();
    const owner = uniqueAddress();
    const attackerSocket = uniqueAddress();
    const trust = parseTrustedProxies(undefined);
    const forged = resolveClientAddress({ socketAddress: attackerSocket, forwardedFor: owner, trust });
    expect(forged).toBe(attackerSocket);
    await burst(30, (i) => verifyCredentials({ email: user.email, password: `guess number ${i}` }, forged));
    const fromOwner = resolveClientAddress({ socketAddress: owner, forwardedFor: null, trust });
    expect(await verifyCredentials({ email: user.email, password: user.password }, fromOwner)).toMatchObject({ id: user.id });
  });

  it("keys the per-address ceiling by the socket, so a new forged X-Forwarded-For per request does not escape it", async () => {
    const socket = uniqueAddress();
    const trust = parseTrustedProxies(undefined);
    const { passed, refused } = await burst(50, (i) =>
      verifyCredentials(
        { email: `spray-${randomUUID()}@example.test`, password: "guess-guess" },
        resolveClientAddress({ socketAddress: socket, forwardedFor: `203.0.113.${i}`, trust }),
      ),
    );
    expect(passed).toHaveLength(30);
    expect(refused).toBe(20);
  });

  it("caps guesses at an account from many addresses, but still lets a clean address try", async () => {
    override("AGORA_LIMIT_SIGNIN_ACCOUNT", "10/60");
    const user = await makeUser();
    const botnet = Array.from({ length: 10 }, () => uniqueAddress());
    const first = await burst(10, (i) => verifyCredentials({ email: user.email, password: `guess ${i} of many` }, botnet[i]!));
    expect(first.passed).toHaveLength(10);
    // The ceiling is reached: addresses that already failed get no further guesses.
    const second = await burst(10, (i) => verifyCredentials({ email: user.email, password: `second guess ${i}` }, botnet[i]!));
    expect(second.refused).toBe(10);
    // The owner, from an address with no failures, signs in.
    expect(await verifyCredentials({ email: user.email, password: user.password }, uniqueAddress())).toMatchObject({ id: user.id });
    // A fresh guesser gets one try, then the ceiling applies to it too.
    const fresh = uniqueAddress();
    expect(await verifyCredentials({ email: user.email, password: "one fresh guess" }, fresh)).toBeNull();
    await expect(verifyCredentials({ email: user.email, password: user.password }, fresh)).rejects.toBeInstanceOf(RateLimitError);
  });

  it("gives the slots of a correct password back: only failures count", async () => {
    const user = await makeUser();
    const from = uniqueAddress();
    for (let i = 0; i < 8; i++) expect(await verifyCredentials({ email: user.email, password: user.password }, from)).toMatchObject({ id: user.id });
    const pair = await db.rateLimitCounter.findUniqueOrThrow({ where: { bucket_key: { bucket: "signInAccountAddress", key: `${user.email}|${from}` } } });
    expect(pair.count).toBe(0);
  });
});

describe("registration", () => {
  it("creates exactly 10 accounts from one address in a burst of 30", async () => {
    const from = uniqueAddress();
    const tag = randomUUID().slice(0, 6);
    const { passed, refused, failed } = await burst(30, (i) =>
      registerUser({ email: `burst-${tag}-${i}@example.test`, name: `Burst ${tag} ${i}`, password: "long enough password" }, { address: from }),
    );
    expect(failed).toEqual([]);
    expect(passed).toHaveLength(10);
    expect(refused).toBe(20);
    expect(await db.user.count({ where: { email: { startsWith: `burst-${tag}-` } } })).toBe(10);
  });
});

describe("posting limits", () => {
  it("opens exactly 10 theses for a new account in a burst of 40", async () => {
    const user = await makeUser();
    const { passed, refused } = await burst(40, (i) => createThesis({ actor: user, input: { title: `Burst thesis ${randomUUID().slice(0, 6)} ${i}`, body: "", topics: [] } }));
    expect(passed).toHaveLength(10);
    expect(refused).toBe(30);
    expect(await db.thesis.count({ where: { authorId: user.id } })).toBe(10);
  });

  it("posts exactly 30 arguments for a new account in a burst of 80", async () => {
    const owner = await makeUser();
    const thesis = await makeThesis(owner);
    const user = await makeUser();
    const { passed, refused } = await burst(80, (i) => makeArgument(user, { thesisId: thesis.id, body: `Burst argument ${i}` }));
    expect(passed).toHaveLength(30);
    expect(refused).toBe(50);
    expect(await db.argument.count({ where: { authorId: user.id } })).toBe(30);
    expect((await db.thesis.findUniqueOrThrow({ where: { id: thesis.id } })).argumentCount).toBe(30);
  });

  it("files exactly the flag limit in a burst on different targets", async () => {
    override("AGORA_LIMIT_FLAG_NEW", "8/60");
    const author = await makeUser();
    const thesis = await makeThesis(author);
    const targets: { id: string }[] = [];
    for (let i = 0; i < 25; i++) targets.push(await makeArgument(author, { thesisId: thesis.id, body: `Flag target ${i}` }));
    const reporter = await makeUser();
    const { passed, refused } = await burst(25, (i) =>
      createFlag({ actor: reporter, input: createFlagSchema.parse({ targetType: "ARGUMENT", targetId: targets[i]!.id, reason: "SPAM" }) }),
    );
    expect(passed).toHaveLength(8);
    expect(refused).toBe(17);
    expect(await db.flag.count({ where: { reporterId: reporter.id } })).toBe(8);
  });
});

describe("evidence limits", () => {
  it("saves exactly the quote limit in a burst of distinct passages", async () => {
    override("AGORA_LIMIT_QUOTE", "12/10");
    const user = await makeUser();
    const sentences = Array.from({ length: 40 }, (_, i) => `Sentence number ${i} says something distinct about topic ${i * 7}.`);
    const source = await createPastedSource({ actor: user, input: addPastedSourceSchema.parse({ title: "Quote burst", text: sentences.join(" ") }) });
    const { passed, refused, failed } = await burst(40, (i) =>
      createQuote({ actor: user, input: createQuoteSchema.parse({ sourceId: source.id, exact: sentences[i] }) }),
    );
    expect(failed).toEqual([]);
    expect(passed).toHaveLength(12);
    expect(refused).toBe(28);
    expect(await db.quote.count({ where: { sourceId: source.id } })).toBe(12);
  });

  it("fetches exactly 30 URL sources in a burst of 50", async () => {
    const user = await makeUser();
    // Loopback is refused by the fetcher: each counted attempt ends in a FetchRefusedError, after the count.
    const { passed, refused, failed } = await burst(50, (i) =>
      createSourceFromUrl({ actor: user, input: { url: `http://127.0.0.1:9/${randomUUID()}-${i}` }, fetchOptions: { allowLoopback: false } }),
    );
    expect(passed).toHaveLength(0);
    expect(failed.filter((e) => e instanceof FetchRefusedError)).toHaveLength(30);
    expect(refused).toBe(20);
  });

  it("stores exactly 20 pasted sources in a burst of 50", async () => {
    const user = await makeUser();
    const { passed, refused } = await burst(50, (i) =>
      createPastedSource({ actor: user, input: addPastedSourceSchema.parse({ title: `Paste ${i}`, text: `Pasted text number ${i}, long enough.` }) }),
    );
    expect(passed).toHaveLength(20);
    expect(refused).toBe(30);
    expect(await db.source.count({ where: { addedById: user.id } })).toBe(20);
  });

  it("stores pasted text up to the byte limit, and a paste refused for bytes is not counted as a paste", async () => {
    override("AGORA_LIMIT_SOURCE_PASTE", "1000/60");
    const user = await makeUser();
    const text = `${"x".repeat(189_995)} end.`; // 190,000 bytes: 21 fit in 4,000,000
    const { passed, refused } = await burst(30, (i) => createPastedSource({ actor: user, input: addPastedSourceSchema.parse({ title: `Big ${i}`, text }) }));
    expect(passed).toHaveLength(21);
    expect(refused).toBe(9);
    const counters = await db.rateLimitCounter.findMany({ where: { key: `user:${user.id}`, bucket: { in: ["sourcePaste", "sourcePasteBytes"] } } });
    expect(Object.fromEntries(counters.map((c) => [c.bucket, c.count]))).toEqual({ sourcePaste: 21, sourcePasteBytes: 21 * 190_000 });
  });
});

describe("votes", () => {
  it("changes exactly the vote limit in one member's burst on different arguments", async () => {
    override("AGORA_LIMIT_VOTE_NEW", "15/10");
    override("AGORA_LIMIT_POST_NEW", "100/10");
    const author = await makeUser();
    const thesis = await makeThesis(author);
    const targets: { id: string }[] = [];
    for (let i = 0; i < 60; i++) targets.push(await makeArgument(author, { thesisId: thesis.id, body: `Vote target ${i}` }));
    const voter = await makeUser();
    // Different arguments: their row locks do not serialise these votes; only the member's allowance row can.
    const { passed, refused, failed } = await burst(60, (i) => setVote({ actor: voter, argumentId: targets[i]!.id, value: 1 }));
    expect(failed).toEqual([]);
    expect(passed.filter((r) => r.value.changed)).toHaveLength(15);
    expect(refused).toBe(45);
    expect(await db.vote.count({ where: { userId: voter.id } })).toBe(15);
    const allowance = await db.voteAllowance.findUniqueOrThrow({ where: { userId: voter.id } });
    expect(allowance.count).toBe(15);
  });
});

describe("counters", () => {
  it("are pruned once their window has ended", async () => {
    const key = `prune-${randomUUID()}`;
    await db.rateLimitCounter.create({ data: { bucket: "quote", key, count: 3, expiresAt: new Date(Date.now() - 1000) } });
    await db.rateLimitCounter.create({ data: { bucket: "quote", key: `${key}-live`, count: 3, expiresAt: new Date(Date.now() + 60_000) } });
    expect(await pruneExpiredCounters()).toBeGreaterThanOrEqual(1);
    expect(await db.rateLimitCounter.count({ where: { key } })).toBe(0);
    expect(await db.rateLimitCounter.count({ where: { key: `${key}-live` } })).toBe(1);
  });

  it("start a new window once the old one has ended", async () => {
    const rule = { ...limitRule("quote")!, bucket: `test-${randomUUID()}`, limit: 2, windowSeconds: 1 };
    await takeLimit(rule, "k");
    await takeLimit(rule, "k");
    await expect(takeLimit(rule, "k")).rejects.toMatchObject({ status: 429, retryAfterSeconds: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await takeLimit(rule, "k")).count).toBe(1);
  });

  it("follow the AGORA_LIMIT_* overrides and AGORA_RATE_LIMITS=off, which never lifts the sign-in throttle", () => {
    override("AGORA_LIMIT_POST_MEMBER", "7/5");
    expect(limitRule("post", { newAccount: false })).toMatchObject({ limit: 7, windowSeconds: 300 });
    expect(limitRule("post", { newAccount: true })).toMatchObject({ limit: 30, windowSeconds: 600 });
    override("AGORA_RATE_LIMITS", "off");
    expect(limitRule("post")).toBeNull();
    expect(limitRule("registerAddress")).toBeNull();
    expect(limitRule("signInAccountAddress")).toMatchObject({ limit: 5 });
  });
});
