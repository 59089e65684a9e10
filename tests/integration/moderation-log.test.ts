import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { GENESIS_HASH, verifyModerationLog } from "@/server/moderation/log";
import { performModerationAction } from "@/server/moderation/perform-moderation-action";
import { makeArgument, makeThesis } from "../support/factories";
import { makeMember } from "../support/moderation-fixtures";

class Rollback extends Error {
  constructor(readonly result: unknown) {
    super("rollback");
  }
}

/**
 * Tampers inside a transaction with triggers switched off (as a database superuser could), runs the
 * verification on what the tampering left, then rolls back so parallel tests never see a broken chain.
 */
async function verifyAfterTampering(sql: string) {
  try {
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
      const changed = await tx.$executeRawUnsafe(sql);
      expect(changed).toBe(1);
      throw new Rollback(await verifyModerationLog(tx));
    });
  } catch (error) {
    if (error instanceof Rollback) return error.result as Awaited<ReturnType<typeof verifyModerationLog>>;
    throw error;
  }
  throw new Error("unreachable");
}

async function someActs() {
  const [owner, author, moderator] = await Promise.all([makeMember(), makeMember(), makeMember({ role: "MODERATOR" })]);
  const thesis = await makeThesis(owner);
  const argument = await makeArgument(author, { thesisId: thesis.id });
  const hide = await performModerationAction({
    actor: owner,
    input: { action: "HIDE", targetType: "ARGUMENT", targetId: argument.id, reason: "Personal attack" },
  });
  const lock = await performModerationAction({ actor: moderator, input: { action: "LOCK", thesisId: thesis.id, reason: "Cooling off" } });
  const suspend = await performModerationAction({
    actor: moderator,
    input: { action: "SUSPEND", userId: author.id, hours: 48, reason: "Repeated abuse" },
  });
  return { seqs: [hide.logSeq, lock.logSeq, suspend.logSeq], thesis, argument };
}

describe("the moderation log is a hash chain", () => {
  it("records each act with actor, role, target, reason and a hash linked to the previous entry", async () => {
    const { seqs, thesis, argument } = await someActs();
    const rows = await db.moderationAction.findMany({ where: { seq: { in: seqs } }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => [r.action, r.actorRole, r.targetType])).toEqual([
      ["HIDE", "THESIS_OWNER", "ARGUMENT"],
      ["LOCK", "MODERATOR", "THESIS"],
      ["SUSPEND", "MODERATOR", "USER"],
    ]);
    expect(rows[0]).toMatchObject({ targetId: argument.id, thesisId: thesis.id, reason: "Personal attack" });
    expect(rows[2]!.details).toMatchObject({ hours: 48 });
    for (const row of rows) expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    const first = await db.moderationAction.findFirstOrThrow({ orderBy: { seq: "asc" } });
    expect(first.prevHash).toBe(GENESIS_HASH);
    const result = await verifyModerationLog();
    expect(result).toMatchObject({ ok: true, firstBroken: null });
    // Every entry up to ours was checked (other files may append more while this runs, and those count too).
    expect(result.checked).toBeGreaterThanOrEqual(await db.moderationAction.count({ where: { seq: { lte: Math.max(...seqs) } } }));
  });

  it("keeps one unforked chain when many moderators act at once", async () => {
    const moderator = await makeMember({ role: "MODERATOR" });
    const owner = await makeMember();
    const theses = await Promise.all(Array.from({ length: 8 }, () => makeThesis(owner)));
    await Promise.all(
      theses.map((thesis) => performModerationAction({ actor: moderator, input: { action: "LOCK", thesisId: thesis.id, reason: "Parallel" } })),
    );
    const rows = await db.moderationAction.findMany({ orderBy: { seq: "asc" }, select: { prevHash: true, hash: true } });
    expect(new Set(rows.map((r) => r.prevHash)).size).toBe(rows.length);
    expect((await verifyModerationLog()).ok).toBe(true);
  });

  it("the database refuses to update or delete an entry", async () => {
    const { seqs } = await someActs();
    await expect(db.$executeRawUnsafe(`UPDATE "ModerationAction" SET reason = 'x' WHERE seq = ${seqs[0]}`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`DELETE FROM "ModerationAction" WHERE seq = ${seqs[0]}`)).rejects.toThrow(/append-only/);
    expect(await db.moderationAction.count({ where: { seq: { in: seqs } } })).toBe(3);
  });

  it("altering any stored field, or removing an entry, makes verification fail at that entry", async () => {
    const { seqs } = await someActs();
    const [hideSeq, lockSeq, suspendSeq] = seqs as [number, number, number];
    const tampering: [string, number][] = [
      [`UPDATE "ModerationAction" SET reason = 'Nothing to see' WHERE seq = ${hideSeq}`, hideSeq],
      [`UPDATE "ModerationAction" SET action = 'RESTORE' WHERE seq = ${lockSeq}`, lockSeq],
      [`UPDATE "ModerationAction" SET "actorRole" = 'ADMIN' WHERE seq = ${lockSeq}`, lockSeq],
      [`UPDATE "ModerationAction" SET "targetId" = 'someoneelse' WHERE seq = ${suspendSeq}`, suspendSeq],
      [`UPDATE "ModerationAction" SET details = '{"hours": 1}' WHERE seq = ${suspendSeq}`, suspendSeq],
      [`UPDATE "ModerationAction" SET "createdAt" = "createdAt" - interval '1 day' WHERE seq = ${hideSeq}`, hideSeq],
      [`UPDATE "ModerationAction" SET "actorId" = (SELECT id FROM "User" LIMIT 1 OFFSET 1) WHERE seq = ${hideSeq} AND "actorId" <> (SELECT id FROM "User" LIMIT 1 OFFSET 1)`, hideSeq],
      // Rewriting an entry together with its own hash still breaks the link from the entry after it.
      [`UPDATE "ModerationAction" SET hash = repeat('a', 64) WHERE seq = ${lockSeq}`, lockSeq],
      [`DELETE FROM "ModerationAction" WHERE seq = ${lockSeq}`, suspendSeq],
    ];
    for (const [sql, brokenAt] of tampering) {
      const result = await verifyAfterTampering(sql);
      expect(result.ok, sql).toBe(false);
      expect(result.firstBroken?.seq, sql).toBe(brokenAt);
    }
    expect((await verifyModerationLog()).ok).toBe(true);
  });
});
