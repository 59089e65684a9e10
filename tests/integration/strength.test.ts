import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { setVote } from "@/server/votes/cast-vote";
import { editArgument } from "@/server/arguments/edit-argument";
import { performModerationAction } from "@/server/moderation/perform-moderation-action";
import { verifyStrength } from "@/server/strength/verify-strength";
import { computeStrengths } from "@/lib/scoring/dfquad";
import { seededRandom } from "@/lib/seeded-random";
import { ForbiddenError } from "@/server/errors";
import { makeArgument, makeThesis, makeUser } from "../support/factories";
import { makeMember } from "../support/moderation-fixtures";

async function makeVoters(count: number) {
  const tag = randomUUID().slice(0, 8);
  await db.user.createMany({
    data: Array.from({ length: count }, (_, i) => ({ email: `sv-${tag}-${i}@example.test`, name: `SV ${tag} ${i}`, nameKey: `sv ${tag} ${i}`, handle: `sv-${tag}-${i}` })),
  });
  return db.user.findMany({ where: { handle: { startsWith: `sv-${tag}-` } }, select: { id: true, createdAt: true } });
}

/** The thesis strength from scratch, ignoring everything stored but the vote counters. */
async function recomputedThesis(thesisId: string) {
  const rows = await db.argument.findMany({ where: { thesisId }, select: { id: true, parentId: true, stance: true, status: true, upCount: true, downCount: true } });
  return computeStrengths(rows).thesis;
}

describe("stored strength", () => {
  it("equals a full recompute after random sequences of votes, posts, edits, hides and restores", async () => {
    const author = await makeUser();
    const voters = await makeVoters(12);
    // Posts spread over several writers: one member alone would meet the posting limit.
    const writers = await makeVoters(8);
    for (const seed of [1, 2, 3]) {
      // A failing sequence replays exactly from its seed.
      const random = seededRandom(seed);
      const rand = random.next;
      const pick = random.pick;
      const thesis = await makeThesis(author);
      const ids: string[] = [];
      const writerOf = new Map<string, { id: string }>();
      const hidden = new Set<string>();
      for (let step = 0; step < 90; step++) {
        const roll = rand();
        if (ids.length < 4 || roll < 0.2) {
          const parentId = ids.length > 0 && rand() < 0.75 ? pick(ids) : null;
          const writer = pick(writers);
          const created = await makeArgument(writer, { thesisId: thesis.id, parentId, stance: rand() < 0.5 ? "PRO" : "CON" });
          ids.push(created.id);
          writerOf.set(created.id, writer);
        } else if (roll < 0.8) {
          const target = pick(ids);
          if (hidden.has(target)) continue;
          const value = rand() < 0.15 ? null : rand() < 0.65 ? 1 : -1;
          await setVote({ actor: pick(voters), argumentId: target, value });
        } else if (roll < 0.88) {
          const target = pick(ids);
          await editArgument({ actor: writerOf.get(target)!, input: { argumentId: target, body: `Rewritten ${randomUUID()}` } });
        } else {
          const target = pick(ids);
          const action = hidden.has(target) ? "RESTORE" : "HIDE";
          await performModerationAction({ actor: author, input: { action, targetType: "ARGUMENT", targetId: target, reason: `Step ${step}` } as never });
          if (action === "HIDE") hidden.add(target);
          else hidden.delete(target);
        }
      }
      const result = await verifyStrength(thesis.id);
      expect(result.arguments).toBe(ids.length);
      expect(result.mismatches, `seed ${seed}`).toEqual([]);
      const stored = await db.thesis.findUniqueOrThrow({ where: { id: thesis.id }, select: { strength: true } });
      expect(stored.strength).toBeCloseTo(await recomputedThesis(thesis.id), 9);
      // The sequence must have moved the thesis, or the comparison proves little.
      expect(stored.strength).not.toBe(0.5);
    }
  });

  it("keeps exact strength, without deadlocks, under a burst of parallel votes, an edit and a hide on one branch", async () => {
    const author = await makeUser();
    const voters = await makeVoters(40);
    const thesis = await makeThesis(author);
    const top = await makeArgument(author, { thesisId: thesis.id, stance: "PRO" });
    const mid = await makeArgument(author, { thesisId: thesis.id, parentId: top.id, stance: "CON" });
    const leaf = await makeArgument(author, { thesisId: thesis.id, parentId: mid.id, stance: "CON" });
    const other = await makeArgument(author, { thesisId: thesis.id, stance: "CON" });
    // Nobody moderates their own content: a site moderator hides the author's argument.
    const moderator = await makeMember({ role: "MODERATOR" });
    const targets = [top.id, mid.id, leaf.id, other.id];
    // Each member votes on the reply and on its ancestors at once (the lock-order case), while the author edits the
    // middle argument and a site moderator hides another: every writer of this thesis at the same moment.
    await Promise.all([
      ...voters.flatMap((voter, i) =>
        targets.map((argumentId, j) =>
          // Votes that arrive after the hide are refused, and only those.
          setVote({ actor: voter, argumentId, value: (i + j) % 3 === 0 ? -1 : 1 }).catch((error: unknown) => {
            if (!(argumentId === other.id && error instanceof ForbiddenError)) throw error;
          }),
        ),
      ),
      editArgument({ actor: author, input: { argumentId: mid.id, body: `A rewritten middle ${randomUUID()}` } }),
      performModerationAction({ actor: moderator, input: { action: "HIDE", targetType: "ARGUMENT", targetId: other.id, reason: "Burst" } as never }),
    ]);
    const result = await verifyStrength(thesis.id);
    expect(result.mismatches).toEqual([]);
    const stored = await db.thesis.findUniqueOrThrow({ where: { id: thesis.id }, select: { strength: true } });
    expect(stored.strength).toBeCloseTo(await recomputedThesis(thesis.id), 9);
  });

  it("finds a tampered stored value", async () => {
    const author = await makeUser();
    const [voter] = await makeVoters(1);
    const thesis = await makeThesis(author);
    const argument = await makeArgument(author, { thesisId: thesis.id });
    await setVote({ actor: voter!, argumentId: argument.id, value: 1 });
    expect((await verifyStrength(thesis.id)).mismatches).toEqual([]);
    await db.argument.update({ where: { id: argument.id }, data: { strength: 0.9 } });
    expect((await verifyStrength(thesis.id)).mismatches).toEqual([expect.objectContaining({ argumentId: argument.id, field: "strength", stored: 0.9 })]);
  });
});
