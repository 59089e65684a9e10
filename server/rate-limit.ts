import "server-only";
import { db, type Tx } from "./db";
import { RateLimitError } from "./errors";

export interface RateLimitRule {
  bucket: string;
  limit: number;
  windowSeconds: number;
  message: string;
}

/** Throws RateLimitError (saying when to retry) if `key` already used up `rule` in its sliding window. */
export async function enforceRateLimit(rule: RateLimitRule, key: string, tx: Tx | typeof db = db): Promise<void> {
  const since = new Date(Date.now() - rule.windowSeconds * 1000);
  const hits = await tx.rateLimitHit.findMany({
    where: { bucket: rule.bucket, key, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    take: rule.limit,
    select: { createdAt: true },
  });
  if (hits.length < rule.limit) return;
  // The window frees a slot when the oldest of the last `limit` hits leaves it.
  const oldest = hits[hits.length - 1]!.createdAt.getTime();
  const retryAfterSeconds = Math.max(1, Math.ceil((oldest + rule.windowSeconds * 1000 - Date.now()) / 1000));
  throw new RateLimitError(`${rule.message} Try again in ${formatWait(retryAfterSeconds)}.`, retryAfterSeconds);
}

export async function recordRateLimitHit(bucket: string, keys: string[], tx: Tx | typeof db = db): Promise<void> {
  await tx.rateLimitHit.createMany({ data: keys.map((key) => ({ bucket, key })) });
}

export function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.ceil(minutes / 60);
  return `${hours} hour${hours === 1 ? "" : "s"}`;
}
