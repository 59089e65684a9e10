import "server-only";
import type { Tx } from "../db";
import { enforceRateLimit, recordRateLimitHit, type RateLimitRule } from "../rate-limit";

/**
 * Posting and flagging limits. Accounts younger than NEW_ACCOUNT_HOURS get the stricter ones. Every number
 * can be changed through the environment (AGORA_LIMIT_<KIND>_<NEW|MEMBER>=count/minutes), e.g.
 * AGORA_LIMIT_POST_NEW=30/10 allows new accounts 30 posts per 10 minutes; AGORA_RATE_LIMITS=off turns them
 * all off (the demo seed, load tests).
 */
export type LimitKind = "POST" | "THESIS" | "FLAG" | "VOTE";

const NEW_ACCOUNT_HOURS = 24;

const DEFAULTS: Record<LimitKind, { new: [number, number]; member: [number, number]; noun: [string, string]; verb: string }> = {
  // [count, window in minutes]
  POST: { new: [30, 10], member: [120, 10], noun: ["argument", "arguments"], verb: "post" },
  THESIS: { new: [10, 60], member: [30, 60], noun: ["thesis", "theses"], verb: "open" },
  FLAG: { new: [20, 60], member: [60, 60], noun: ["flag", "flags"], verb: "file" },
  // Generous: a reader may judge a whole thread in a sitting; this only stops scripted vote storms.
  // Enforced by agora_set_vote itself (see server/votes/cast-vote.ts), not by enforcePostingLimit.
  VOTE: { new: [120, 10], member: [600, 10], noun: ["vote", "votes"], verb: "cast" },
};

function parseOverride(value: string | undefined): [number, number] | null {
  const match = value?.trim().match(/^(\d+)\/(\d+(?:\.\d+)?)$/);
  if (!match) return null;
  const [count, minutes] = [Number(match[1]), Number(match[2])];
  return count > 0 && minutes > 0 ? [count, minutes] : null;
}

export function limitsDisabled(): boolean {
  return process.env.AGORA_RATE_LIMITS === "off";
}

export function postingRule(kind: LimitKind, isNewAccount: boolean): RateLimitRule {
  const tier = isNewAccount ? "NEW" : "MEMBER";
  const spec = DEFAULTS[kind];
  const [limit, minutes] = parseOverride(process.env[`AGORA_LIMIT_${kind}_${tier}`]) ?? (isNewAccount ? spec.new : spec.member);
  const who = isNewAccount ? "New accounts (first 24 hours)" : "Members";
  return {
    bucket: `${kind.toLowerCase()}:${tier.toLowerCase()}`,
    limit,
    windowSeconds: Math.round(minutes * 60),
    message: `${who} can ${spec.verb} at most ${limit} ${spec.noun[limit === 1 ? 0 : 1]} per ${minutes === 1 ? "minute" : `${minutes} minutes`}.`,
  };
}

/**
 * Refuses (RateLimitError, saying when to retry) when the user has used up their allowance, otherwise
 * counts this attempt. Runs inside the caller's transaction, so a refused or failed write counts nothing.
 */
export function isNewAccount(user: { createdAt: Date } | null): boolean {
  return !user || Date.now() - user.createdAt.getTime() < NEW_ACCOUNT_HOURS * 3_600_000;
}

export async function enforcePostingLimit(tx: Tx, kind: Exclude<LimitKind, "VOTE">, userId: string): Promise<void> {
  if (limitsDisabled()) return;
  const user = await tx.user.findUnique({ where: { id: userId }, select: { createdAt: true } });
  const rule = postingRule(kind, isNewAccount(user));
  const key = `user:${userId}`;
  await enforceRateLimit(rule, key, tx);
  await recordRateLimitHit(rule.bucket, [key], tx);
}
