import "server-only";
import { db } from "../db";
import { RateLimitError } from "../errors";

/**
 * Every limit Agora enforces, in one table. A rule allows `count` units (attempts, or bytes) per window of
 * `minutes` for one key (a member, an address, an account). Tiered rules give accounts younger than
 * NEW_ACCOUNT_HOURS the stricter `new` numbers.
 *
 * Overrides, for deployments and load tests: AGORA_LIMIT_<NAME>=count/minutes for a single rule (e.g.
 * AGORA_LIMIT_QUOTE=100/10), AGORA_LIMIT_<NAME>_<NEW|MEMBER>=count/minutes for a tiered one (e.g.
 * AGORA_LIMIT_POST_NEW=30/10). AGORA_RATE_LIMITS=off lifts the usage limits (`liftable`), never the sign-in
 * throttle, which protects accounts rather than the site's capacity.
 */
type Numbers = readonly [count: number, minutes: number];

interface RuleSpec {
  /** Part of the environment variable's name. */
  env: string;
  /** Single rule, or tiered by the account's age. */
  numbers: Numbers | { new: Numbers; member: Numbers };
  liftable: boolean;
  /** The refusal, before "Try again in …". */
  message: (count: number, minutes: number, who: string) => string;
}

const per = (minutes: number) => (minutes === 1 ? "minute" : `${minutes} minutes`);
const plural = (count: number, one: string, many: string) => `${count.toLocaleString("en")} ${count === 1 ? one : many}`;

export const LIMIT_RULES = {
  // Sign-in (server/auth/verify-credentials.ts). Failed attempts count; a correct password gives its slot back.
  // Per account and address: the guesser is slowed down without locking the account's owner out elsewhere.
  signInAccountAddress: {
    env: "SIGNIN_ACCOUNT_ADDRESS",
    numbers: [5, 15],
    liftable: false,
    message: () => "Too many failed sign-ins for this account from your network.",
  },
  // Per account, from everywhere: caps a botnet's guesses. It binds only addresses that have already failed
  // for this account, so the owner signing in from a clean address is never refused by it.
  signInAccount: {
    env: "SIGNIN_ACCOUNT",
    numbers: [100, 60],
    liftable: false,
    message: () => "Too many failed sign-ins for this account.",
  },
  // Per address, across accounts: stops one place from spraying a common password at many accounts.
  signInAddress: {
    env: "SIGNIN_ADDRESS",
    numbers: [30, 15],
    liftable: false,
    message: () => "Too many failed sign-ins from your network.",
  },
  // "Forgot password?": per address, refused out loud; per account (keyed by the email asked about, existing or
  // not), silently, so the answer never tells whether the account exists (server/auth/password-reset.ts).
  passwordResetAddress: {
    env: "PASSWORD_RESET_ADDRESS",
    numbers: [10, 60],
    liftable: false,
    message: (n, m) => `At most ${plural(n, "password reset", "password resets")} can be asked for from one network per ${per(m)}.`,
  },
  passwordResetAccount: {
    env: "PASSWORD_RESET_ACCOUNT",
    numbers: [3, 60],
    liftable: false,
    message: (n, m) => `At most ${plural(n, "reset email", "reset emails")} go to one address per ${per(m)}.`,
  },
  registerAddress: {
    env: "REGISTER_ADDRESS",
    numbers: [10, 60],
    liftable: true,
    message: (n, m) => `At most ${plural(n, "account", "accounts")} can be created from one network per ${per(m)}.`,
  },
  thesis: {
    env: "THESIS",
    numbers: { new: [10, 60], member: [30, 60] },
    liftable: true,
    message: (n, m, who) => `${who} can open at most ${plural(n, "thesis", "theses")} per ${per(m)}.`,
  },
  post: {
    env: "POST",
    numbers: { new: [30, 10], member: [120, 10] },
    liftable: true,
    message: (n, m, who) => `${who} can post at most ${plural(n, "argument", "arguments")} per ${per(m)}.`,
  },
  flag: {
    env: "FLAG",
    numbers: { new: [20, 60], member: [60, 60] },
    liftable: true,
    message: (n, m, who) => `${who} can file at most ${plural(n, "flag", "flags")} per ${per(m)}.`,
  },
  // Generous: a reader may judge a whole thread in a sitting; this only stops scripted vote storms. Counted by
  // the database function agora_set_vote in its own VoteAllowance row (server/votes/cast-vote.ts).
  vote: {
    env: "VOTE",
    numbers: { new: [120, 10], member: [600, 10] },
    liftable: true,
    message: (n, m, who) => `${who} can cast at most ${plural(n, "vote", "votes")} per ${per(m)}.`,
  },
  // New quotes only: re-quoting an existing passage is free.
  quote: {
    env: "QUOTE",
    numbers: [60, 10],
    liftable: true,
    message: (n, m) => `You can save at most ${plural(n, "new quote", "new quotes")} per ${per(m)}.`,
  },
  // Each costs an outbound fetch, counted whether or not the page turns out usable.
  sourceUrl: {
    env: "SOURCE_URL",
    numbers: [30, 60],
    liftable: true,
    message: (n, m) => `You can add at most ${plural(n, "source", "sources")} by URL per ${per(m)}.`,
  },
  sourcePaste: {
    env: "SOURCE_PASTE",
    numbers: [20, 60],
    liftable: true,
    message: (n, m) => `You can paste at most ${plural(n, "source", "sources")} per ${per(m)}.`,
  },
  // Bytes of pasted text (UTF-8): twenty full-length pastes an hour, not a bulk upload channel.
  sourcePasteBytes: {
    env: "SOURCE_PASTE_BYTES",
    numbers: [4_000_000, 60],
    liftable: true,
    message: (n, m) => `You can paste at most ${(n / 1_000_000).toLocaleString("en")} MB of source text per ${per(m)}.`,
  },
} satisfies Record<string, RuleSpec>;

export type LimitName = keyof typeof LIMIT_RULES;

export interface LimitRule {
  bucket: string;
  limit: number;
  windowSeconds: number;
  message: string;
}

export const NEW_ACCOUNT_HOURS = 24;

export function isNewAccount(user: { createdAt: Date } | null): boolean {
  return !user || Date.now() - user.createdAt.getTime() < NEW_ACCOUNT_HOURS * 3_600_000;
}

export function limitsDisabled(): boolean {
  return process.env.AGORA_RATE_LIMITS === "off";
}

function parseOverride(value: string | undefined): Numbers | null {
  const match = value?.trim().match(/^(\d+)\/(\d+(?:\.\d+)?)$/);
  if (!match) return null;
  const [count, minutes] = [Number(match[1]), Number(match[2])];
  return count > 0 && minutes > 0 ? [count, minutes] : null;
}

/**
 * The rule in force for `name` (null when AGORA_RATE_LIMITS=off lifts it). Tiered rules need the actor's
 * account age: pass `{ newAccount }`.
 */
export function limitRule(name: LimitName, { newAccount = false }: { newAccount?: boolean } = {}): LimitRule | null {
  const spec: RuleSpec = LIMIT_RULES[name];
  if (spec.liftable && limitsDisabled()) return null;
  let numbers: Numbers;
  let bucket: string = name;
  let who = "Members";
  if ("new" in spec.numbers) {
    const tier = newAccount ? "NEW" : "MEMBER";
    numbers = parseOverride(process.env[`AGORA_LIMIT_${spec.env}_${tier}`]) ?? (newAccount ? spec.numbers.new : spec.numbers.member);
    bucket = `${name}:${tier.toLowerCase()}`;
    who = newAccount ? `New accounts (first ${NEW_ACCOUNT_HOURS} hours)` : "Members";
  } else {
    numbers = parseOverride(process.env[`AGORA_LIMIT_${spec.env}`]) ?? spec.numbers;
  }
  const [limit, minutes] = numbers;
  return { bucket, limit, windowSeconds: Math.round(minutes * 60), message: spec.message(limit, minutes, who) };
}

/** What a successful `takeLimit` counted, so that `refundLimit` can give exactly that back. */
export interface LimitTicket {
  bucket: string;
  key: string;
  cost: number;
  expiresAt: Date;
  /** The window's count with this take included. */
  count: number;
}

// One in this many takes also deletes a batch of counters whose window has ended: no scheduler needed, and
// the table stays the size of the recently active keys.
const PRUNE_ONE_IN = 200;

/**
 * Checks and counts `cost` units against `rule` for `key` in one statement, or throws RateLimitError (saying
 * when to retry) and counts nothing. The upsert takes the counter's row lock, so parallel callers queue on it
 * and each sees the count the previous one left: exactly `limit` units pass per window, however many requests
 * arrive at once. It runs on its own (autocommit), never inside the caller's transaction: there the row lock
 * would be held, and every other request of the same key kept waiting with a pooled connection, until that
 * whole transaction ends. Callers whose work then fails give the units back (`withLimits` does both).
 *
 * `ignoreLimit` counts without refusing (the sign-in throttle counts every failure towards the account's
 * ceiling, but applies the ceiling only to some addresses).
 */
export async function takeLimit(
  rule: LimitRule,
  key: string,
  { cost = 1, ignoreLimit = false }: { cost?: number; ignoreLimit?: boolean } = {},
): Promise<LimitTicket> {
  if (cost > rule.limit && !ignoreLimit) throw refusal(rule, rule.windowSeconds);
  const max = ignoreLimit ? null : rule.limit;
  // Timestamps are UTC without a zone, as Prisma stores DateTime: the server's time zone must not matter.
  const rows = await db.$queryRaw<{ count: number; expiresAt: Date }[]>`
    INSERT INTO "RateLimitCounter" AS c (bucket, key, count, "expiresAt")
    VALUES (${rule.bucket}, ${key}, ${cost}, (clock_timestamp() AT TIME ZONE 'UTC') + make_interval(secs => ${rule.windowSeconds}))
    ON CONFLICT (bucket, key) DO UPDATE SET
      count = CASE WHEN c."expiresAt" <= (clock_timestamp() AT TIME ZONE 'UTC') THEN EXCLUDED.count ELSE c.count + EXCLUDED.count END,
      "expiresAt" = CASE WHEN c."expiresAt" <= (clock_timestamp() AT TIME ZONE 'UTC') THEN EXCLUDED."expiresAt" ELSE c."expiresAt" END
    WHERE c."expiresAt" <= (clock_timestamp() AT TIME ZONE 'UTC') OR ${max}::integer IS NULL OR c.count + EXCLUDED.count <= ${max}::integer
    RETURNING count, "expiresAt"`;
  if (Math.random() * PRUNE_ONE_IN < 1) await pruneExpiredCounters();
  const row = rows[0];
  if (!row) {
    const [current] = await db.$queryRaw<{ expiresAt: Date }[]>`
      SELECT "expiresAt" FROM "RateLimitCounter" WHERE bucket = ${rule.bucket} AND key = ${key}`;
    const wait = current ? Math.ceil((current.expiresAt.getTime() - Date.now()) / 1000) : rule.windowSeconds;
    throw refusal(rule, wait);
  }
  return { bucket: rule.bucket, key, cost, expiresAt: row.expiresAt, count: row.count };
}

/**
 * Gives back what `ticket` counted, for attempts that turn out not to count (a correct password, a write that
 * failed). Nothing is given back to a window that has since restarted.
 */
export async function refundLimit(ticket: LimitTicket): Promise<void> {
  await db.$executeRaw`
    UPDATE "RateLimitCounter" SET count = greatest(0, count - ${ticket.cost})
    WHERE bucket = ${ticket.bucket} AND key = ${ticket.key} AND "expiresAt" = ${ticket.expiresAt}`;
}

export interface LimitCharge {
  rule: LimitRule | null;
  key: string;
  cost?: number;
}

/**
 * Takes every charge (a null rule is lifted), then runs `work`. A refused charge gives back the ones already
 * taken, and a failing `work` gives back all of them: a refused or failed attempt counts nothing.
 */
export async function withLimits<T>(charges: LimitCharge[], work: () => Promise<T>): Promise<T> {
  const tickets: LimitTicket[] = [];
  try {
    for (const { rule, key, cost } of charges) if (rule) tickets.push(await takeLimit(rule, key, { cost }));
    return await work();
  } catch (error) {
    await Promise.all(tickets.map((ticket) => refundLimit(ticket)));
    throw error;
  }
}

/** Counters whose window has ended count nothing; deletes up to `batch` of them. Returns how many went. */
export async function pruneExpiredCounters(batch = 1000): Promise<number> {
  return db.$executeRaw`
    DELETE FROM "RateLimitCounter" WHERE ctid = ANY (ARRAY(
      SELECT ctid FROM "RateLimitCounter" WHERE "expiresAt" < (clock_timestamp() AT TIME ZONE 'UTC') LIMIT ${batch}
    ))`;
}

function refusal(rule: LimitRule, waitSeconds: number): RateLimitError {
  const wait = Math.max(1, waitSeconds);
  return new RateLimitError(`${rule.message} Try again in ${formatWait(wait)}.`, wait);
}

/** A member's tiered limit, by the account's age. */
export async function memberLimit(name: "thesis" | "post" | "flag", userId: string): Promise<LimitCharge> {
  if (LIMIT_RULES[name].liftable && limitsDisabled()) return { rule: null, key: "" };
  const user = await db.user.findUnique({ where: { id: userId }, select: { createdAt: true } });
  return { rule: limitRule(name, { newAccount: isNewAccount(user) }), key: `user:${userId}` };
}

export function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.ceil(minutes / 60);
  return `${hours} hour${hours === 1 ? "" : "s"}`;
}
