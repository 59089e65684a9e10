import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "../db";
import { ConflictError, NotFoundError, UnauthorizedError } from "../errors";
import { LIMITS } from "@/lib/validation/limits";
import type { CreateApiTokenInput } from "@/lib/validation/api-token";
import type { CurrentUser } from "./current-user";

// A recognisable prefix lets secret scanners (and people) tell an Agora token from any other string.
const TOKEN_PREFIX = "agora_";
// "agora_" + base64url of 32 random bytes: 256 bits, nothing to guess and nothing to brute-force offline.
const TOKEN_PATTERN = /^agora_[A-Za-z0-9_-]{43}$/;
// Enough to tell tokens apart in a list, far too little to help guess one.
const DISPLAY_PREFIX_LENGTH = 12;
const LAST_USED_PRECISION_MS = 60 * 60 * 1000;

export const INVALID_TOKEN = "This API token is not valid or was revoked.";
export const MALFORMED_AUTHORIZATION = 'Send the API token as "Authorization: Bearer <token>".';

const TOKEN_FIELDS = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true } as const;

/**
 * Only this digest is stored: a leaked database (or backup) then holds nothing that authenticates. A plain
 * SHA-256 suffices, unlike for passwords, because the secret is random and long, not chosen by a person.
 */
export function hashApiToken(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** Creates a token for the actor; the returned secret exists nowhere else and cannot be shown again. */
export async function createApiToken({ actor, input }: { actor: Pick<CurrentUser, "id">; input: CreateApiTokenInput }) {
  const secret = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const token = await db.$transaction(async (tx) => {
    // Serialises this member's token creations, so two at once cannot both pass the limit. NO KEY UPDATE does
    // not conflict with the KEY SHARE locks the member's other inserts (votes, arguments) take on the row.
    await tx.$queryRaw`SELECT 1 FROM "User" WHERE id = ${actor.id} FOR NO KEY UPDATE`;
    const active = await tx.apiToken.count({ where: { userId: actor.id, revokedAt: null } });
    if (active >= LIMITS.apiTokensPerMember) {
      throw new ConflictError(
        `You already have ${LIMITS.apiTokensPerMember} active API tokens, the most a member can have: revoke one you no longer use first.`,
      );
    }
    return tx.apiToken.create({
      data: { userId: actor.id, name: input.name, tokenHash: hashApiToken(secret), prefix: secret.slice(0, DISPLAY_PREFIX_LENGTH) },
      select: TOKEN_FIELDS,
    });
  });
  return { token, secret };
}

/** The member's tokens, newest first, revoked ones included (so they can see what stopped working). */
export function listApiTokens({ userId }: { userId: string }) {
  return db.apiToken.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { ...TOKEN_FIELDS, revokedAt: true },
  });
}

/**
 * Revokes one of the actor's tokens. The conditional UPDATE is the whole write, so two revocations racing
 * cannot both succeed; the read after a miss only chooses the message.
 */
export async function revokeApiToken({ actor, tokenId }: { actor: Pick<CurrentUser, "id">; tokenId: string }) {
  const revokedAt = new Date();
  const { count } = await db.apiToken.updateMany({ where: { id: tokenId, userId: actor.id, revokedAt: null }, data: { revokedAt } });
  if (count === 0) {
    const own = await db.apiToken.findFirst({ where: { id: tokenId, userId: actor.id }, select: { id: true } });
    // Someone else's token answers exactly like a missing one: ids must not reveal which tokens exist.
    throw own ? new ConflictError("This API token was already revoked.") : new NotFoundError("There is no such API token.");
  }
  return { id: tokenId, revokedAt };
}

type TokenUserRow = CurrentUser & { tokenId: string; lastUsedAt: Date | null };

/**
 * The member an `Authorization` header speaks for, read fresh (a suspension or role change applies at once).
 * This runs on every API request made with a token, votes included: one indexed query, no session decoding,
 * and a write only when lastUsedAt is an hour stale. Anything wrong is a 401, never an anonymous request.
 */
export async function resolveBearerToken(authorization: string): Promise<CurrentUser> {
  const secret = /^Bearer +(\S+) *$/i.exec(authorization)?.[1];
  if (!secret) throw new UnauthorizedError(MALFORMED_AUTHORIZATION);
  // Not shaped like one of ours: refused without a database round trip.
  if (!TOKEN_PATTERN.test(secret)) throw new UnauthorizedError(INVALID_TOKEN);
  // Looked up by digest, so the index lookup's timing says nothing about the secret itself.
  const [row] = await db.$queryRaw<TokenUserRow[]>`
    SELECT u.id, u.name, u.handle, u.email, u.role, u."suspendedUntil", u."createdAt",
           t.id AS "tokenId", t."lastUsedAt"
    FROM "ApiToken" t
    JOIN "User" u ON u.id = t."userId"
    WHERE t."tokenHash" = ${hashApiToken(secret)} AND t."revokedAt" IS NULL`;
  if (!row) throw new UnauthorizedError(INVALID_TOKEN);
  const { tokenId, lastUsedAt, ...user } = row;
  const now = new Date();
  const staleBefore = new Date(now.getTime() - LAST_USED_PRECISION_MS);
  if (!lastUsedAt || lastUsedAt < staleBefore) {
    // Conditional, so concurrent first uses write once; awaited, so a failure surfaces instead of vanishing.
    await db.apiToken.updateMany({
      where: { id: tokenId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] },
      data: { lastUsedAt: now },
    });
  }
  return user;
}
