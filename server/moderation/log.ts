import "server-only";
import { createHash } from "node:crypto";
import { db, type Tx } from "../db";
import type { ModeratorRole } from "../access/permissions";

export const GENESIS_HASH = "0".repeat(64);

/** Any fixed 64-bit number: every append takes this transaction-scoped lock, so the chain never forks. */
const LOG_LOCK_KEY = 4_271_305_991;

type TargetType = "THESIS" | "ARGUMENT" | "SOURCE" | "QUOTE" | "USER";

export interface LogEntryInput {
  actorId: string;
  actorRole: ModeratorRole;
  action: string;
  targetType: TargetType;
  targetId: string;
  thesisId?: string | null;
  reason?: string | null;
  details?: Record<string, unknown> | null;
}

interface HashedFields {
  actorId: string;
  actorRole: string;
  action: string;
  targetType: TargetType;
  targetId: string;
  thesisId: string | null;
  reason: string | null;
  details: unknown;
  createdAt: Date;
  prevHash: string;
}

/** JSON with object keys sorted at every level: jsonb does not keep key order, the hash must not depend on it. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 over the canonical JSON of exactly these fields (never the row's seq or own hash) and prevHash. */
export function entryHash(fields: HashedFields): string {
  const entry = {
    actorId: fields.actorId,
    actorRole: fields.actorRole,
    action: fields.action,
    targetType: fields.targetType,
    targetId: fields.targetId,
    thesisId: fields.thesisId,
    reason: fields.reason,
    details: fields.details,
    createdAt: fields.createdAt.toISOString(),
  };
  return createHash("sha256").update(canonicalJson(entry)).update("\n").update(fields.prevHash).digest("hex");
}

/**
 * Appends one entry to the moderation log inside the caller's transaction, so the act and its record
 * commit or fail together. The advisory lock serialises appends: each reads the true last hash.
 */
export async function appendModerationLog(tx: Tx, entry: LogEntryInput) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOG_LOCK_KEY}::bigint)`;
  const last = await tx.moderationAction.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  // Milliseconds, as Postgres stores them (timestamp(3)): the hash must match what is read back.
  const createdAt = new Date(Math.floor(Date.now()));
  const details = entry.details ? (JSON.parse(canonicalJson(entry.details)) as object) : null;
  const fields: HashedFields = {
    actorId: entry.actorId,
    actorRole: entry.actorRole,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    thesisId: entry.thesisId ?? null,
    reason: entry.reason ?? null,
    details,
    createdAt,
    prevHash,
  };
  return tx.moderationAction.create({
    data: { ...fields, details: details ?? undefined, hash: entryHash(fields) },
    select: { seq: true, hash: true },
  });
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  /** The first entry whose stored hash or link does not match, with what is wrong. */
  firstBroken: { seq: number; problem: string } | null;
  lastHash: string;
}

const VERIFY_BATCH = 1_000;

/** Recomputes every hash in order and checks each entry links to the one before it. */
export async function verifyModerationLog(client: Tx | typeof db = db): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let after = 0;
  for (;;) {
    const rows = await client.moderationAction.findMany({
      where: { seq: { gt: after } },
      orderBy: { seq: "asc" },
      take: VERIFY_BATCH,
    });
    for (const row of rows) {
      if (row.prevHash !== prevHash) {
        return { ok: false, checked, firstBroken: { seq: row.seq, problem: "does not link to the entry before it" }, lastHash: prevHash };
      }
      const expected = entryHash({ ...row, details: row.details ?? null });
      if (expected !== row.hash) {
        return { ok: false, checked, firstBroken: { seq: row.seq, problem: "its content does not match its hash" }, lastHash: prevHash };
      }
      prevHash = row.hash;
      checked++;
    }
    if (rows.length < VERIFY_BATCH) break;
    after = rows[rows.length - 1]!.seq;
  }
  return { ok: true, checked, firstBroken: null, lastHash: prevHash };
}
