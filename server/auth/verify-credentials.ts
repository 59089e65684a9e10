import "server-only";
import { db } from "../db";
import { loginSchema } from "@/lib/validation/auth";
import { limitRule, refundLimit, takeLimit, type LimitTicket } from "../access/limits";
import { burnPasswordCheck, verifyPassword } from "./password";

/**
 * The sign-in throttle (policy in README, "Accounts and security"). Each attempt first takes a slot from three
 * counters, atomically, so a burst of parallel guesses gets exactly as many password checks as the limits allow:
 * - this account from this address (5 per 15 minutes): slows the guesser without touching the owner elsewhere;
 * - this address across accounts (30 per 15 minutes): stops password spraying from one place;
 * - this account from everywhere (100 per hour): caps a botnet, but never refuses the first attempt of an
 *   address with no failures for this account, so the owner on a clean address is not locked out by someone
 *   else's guessing (an address gets one try past the ceiling, not five).
 * A correct password gives its slots back: only failures count.
 */
export async function verifyCredentials(credentials: unknown, address: string) {
  const parsed = loginSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;

  const tickets = await takeSignInSlots(email, address);
  let user: Awaited<ReturnType<typeof checkPassword>> = null;
  let checked = false;
  try {
    user = await checkPassword(email, password);
    checked = true;
  } finally {
    // Kept only for a wrong password: a correct one, or a failure of ours, is not the guesser's.
    if (user || !checked) await refundAll(tickets);
  }
  return user;
}

/**
 * The slots an attempt needs, taken in a fixed order; when one is refused, those already taken are given
 * back, so a refused attempt counts nothing. Throws RateLimitError, saying when to retry.
 */
async function takeSignInSlots(email: string, address: string): Promise<LimitTicket[]> {
  const tickets: LimitTicket[] = [];
  try {
    const pair = await takeLimit(limitRule("signInAccountAddress")!, `${email}|${address}`);
    tickets.push(pair);
    tickets.push(await takeLimit(limitRule("signInAddress")!, address));
    // The pair's first attempt in its window comes from an address with no failures for this account: counted
    // towards the account's ceiling, never refused by it.
    tickets.push(await takeLimit(limitRule("signInAccount")!, email, { ignoreLimit: pair.count === 1 }));
  } catch (error) {
    await refundAll(tickets);
    throw error;
  }
  return tickets;
}

function refundAll(tickets: LimitTicket[]) {
  return Promise.all(tickets.map((ticket) => refundLimit(ticket)));
}

async function checkPassword(email: string, password: string) {
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true },
  });
  // An unknown email costs the same time as a wrong password: timing must not reveal which accounts exist.
  const ok = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);
  return user && ok ? { id: user.id, name: user.name, email: user.email } : null;
}
