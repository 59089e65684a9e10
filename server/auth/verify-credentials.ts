import "server-only";
import { db } from "../db";
import { loginSchema } from "@/lib/validation/auth";
import { enforceRateLimit, recordRateLimitHit, type RateLimitRule } from "../rate-limit";
import { burnPasswordCheck, verifyPassword } from "./password";

const FAILED_LOGIN = "failed-login";
// Per account: stops guessing one password; per IP: stops spraying many accounts from one place.
export const LOGIN_LIMITS = {
  account: { bucket: FAILED_LOGIN, limit: 5, windowSeconds: 15 * 60, message: "Too many failed sign-ins for this account." },
  ip: { bucket: FAILED_LOGIN, limit: 30, windowSeconds: 15 * 60, message: "Too many failed sign-ins from your network." },
} satisfies Record<string, RateLimitRule>;

/**
 * Returns the user for a correct email and password, null for wrong credentials; throws RateLimitError
 * when the account or the IP has failed too often recently (checked before the password, so a locked
 * account cannot be probed).
 */
export async function verifyCredentials(credentials: unknown, ip: string) {
  const parsed = loginSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const keys = [`account:${email}`, `ip:${ip}`];

  await enforceRateLimit(LOGIN_LIMITS.account, keys[0]!);
  await enforceRateLimit(LOGIN_LIMITS.ip, keys[1]!);

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true },
  });
  const ok = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);
  if (!user || !ok) {
    await recordRateLimitHit(FAILED_LOGIN, keys);
    return null;
  }
  return { id: user.id, name: user.name, email: user.email };
}
