import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { castVote, setVote, withdrawVote } from "@/server/votes/cast-vote";
import { getViewerVotes } from "@/server/votes/get-viewer-votes";
import { editArgument } from "@/server/arguments/edit-argument";
import { setThesisStance } from "@/server/stances/set-thesis-stance";
import { getStanceSummary } from "@/server/stances/get-stance-summary";
import { getThesisStrength } from "@/server/strength/get-thesis-strength";
import { performModerationAction } from "@/server/moderation/perform-moderation-action";
import { ForbiddenError, NotFoundError, RateLimitError } from "@/server/errors";
import { castVoteSchema, stanceValueSchema } from "@/lib/validation/vote";
import { wilsonLowerBound } from "@/lib/scoring/wilson";
import { makeArgument, makeThesis, makeUser } from "../support/factories";
import { makeMember } from "../support/moderation-fixtures";

/** Voters without passwords: hashing 120 Argon2id passwords would only slow the test down. */
async function makeVoters(count: number) {
  const tag = randomUUID().slice(0, 8);
  const data = Array.from({ length: count }, (_, i) => ({
    email: `voter-${tag}-${i}@example.test`,
    name: `Voter ${tag} ${i}`,
    nameKey: `voter ${tag} ${i}`,
    handle: `voter-${tag}-${i}`,
  }));
  await db.user.createMany({ data });
  return db.user.findMany({ where: { handle: { startsWith: `voter-${tag}-` } }, select: { id: true, createdAt: true } });
}

/** Every counter of the argument recomputed from the votes table. */
async function countsFromVotes(argumentId: string) {
  const argument = await db.argument.findUniqueOrThrow({ where: { id: argumentId } });
  const votes = await db.vote.findMany({ where: { argumentId } });
  const current = votes.filter((v) => v.revisionId === argument.currentRevisionId);
  const stale = votes.filter((v) => v.revisionId !== argument.currentRevisionId);
  const expected = {
    upCount: current.filter((v) => v.value === 1).length,
    downCount: current.filter((v) => v.value === -1).length,
    staleUpCount: stale.filter((v) => v.value === 1).length,
    staleDownCount: stale.filter((v) => v.value === -1).length,
  };
  const stored = {
    upCount: argument.upCount,
    downCount: argument.downCount,
    staleUpCount: argument.staleUpCount,
    staleDownCount: argument.staleDownCount,
  };
  return { expected, stored, wilsonScore: argument.wilsonScore };
}

async function setup() {
  const [author, voter] = await Promise.all([makeUser(), makeUser()]);
  const thesis = await makeThesis(author);
  const argument = await makeArgument(author, { thesisId: thesis.id });
  return { author, voter, thesis, argument };
}

describe("votes", () => {
  it("casts, changes, replays and withdraws a vote with counters in step", async () => {
    const { voter, argument } = await setup();
    const up = await castVote({ actor: voter, argumentId: argument.id, value: 1 });
    expect(up).toMatchObject({ value: 1, upCount: 1, downCount: 0, changed: true });
    expect(up.wilsonScore).toBeCloseTo(wilsonLowerBound(1, 0), 12);

    const replay = await castVote({ actor: voter, argumentId: argument.id, value: 1 });
    expect(replay).toMatchObject({ value: 1, upCount: 1, downCount: 0, changed: false });
    expect(await db.vote.count({ where: { argumentId: argument.id } })).toBe(1);

    const down = await castVote({ actor: voter, argumentId: argument.id, value: -1 });
    expect(down).toMatchObject({ value: -1, upCount: 0, downCount: 1, changed: true });

    const gone = await withdrawVote({ actor: voter, argumentId: argument.id });
    expect(gone).toMatchObject({ value: null, upCount: 0, downCount: 0, changed: true });
    const again = await withdrawVote({ actor: voter, argumentId: argument.id });
    expect(again).toMatchObject({ value: null, changed: false });
    expect(await db.vote.count({ where: { argumentId: argument.id } })).toBe(0);
    const { expected, stored } = await countsFromVotes(argument.id);
    expect(stored).toEqual(expected);
  });

  it("refuses bad votes with clear errors and leaves the counts untouched", async () => {
    const { author, voter, thesis, argument } = await setup();
    await castVote({ actor: voter, argumentId: argument.id, value: 1 });

    await expect(castVote({ actor: author, argumentId: argument.id, value: 1 })).rejects.toThrow("You cannot vote on your own argument.");
    await expect(castVote({ actor: voter, argumentId: "doesnotexist", value: 1 })).rejects.toBeInstanceOf(NotFoundError);

    // Malformed values never reach the data function: the shared schema refuses them.
    for (const value of [0, 2, "1", true, null, 1.5]) {
      expect(castVoteSchema.safeParse({ argumentId: argument.id, value }).success).toBe(false);
    }
    expect(castVoteSchema.safeParse({ argumentId: "bad id!", value: 1 }).success).toBe(false);

    const other = await makeUser();
    await db.argument.update({ where: { id: argument.id }, data: { status: "HIDDEN" } });
    await expect(castVote({ actor: other, argumentId: argument.id, value: 1 })).rejects.toThrow(/hidden/);
    await expect(withdrawVote({ actor: voter, argumentId: argument.id })).rejects.toBeInstanceOf(ForbiddenError);
    await db.argument.update({ where: { id: argument.id }, data: { status: "VISIBLE" } });

    await db.thesis.update({ where: { id: thesis.id }, data: { status: "LOCKED" } });
    await expect(castVote({ actor: other, argumentId: argument.id, value: -1 })).rejects.toThrow(/locked/);
    await expect(withdrawVote({ actor: voter, argumentId: argument.id })).rejects.toThrow(/locked/);

    const stored = await db.argument.findUniqueOrThrow({ where: { id: argument.id } });
    expect(stored).toMatchObject({ upCount: 1, downCount: 0, staleUpCount: 0, staleDownCount: 0 });
    expect(await db.vote.count({ where: { argumentId: argument.id } })).toBe(1);
  });

  it("keeps every counter exact under 1,000+ concurrent votes, changes and withdrawals from 120 members", async () => {
    const author = await makeUser();
    const thesis = await makeThesis(author);
    const targets = await Promise.all(Array.from({ length: 4 }, () => makeArgument(author, { thesisId: thesis.id })));
    const voters = await makeVoters(120);
    // A fixed pseudo-random script per voter: every voter touches every argument 2–3 times, so the same
    // member's requests race each other as well as other members'.
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const operations: { voter: (typeof voters)[number]; argumentId: string; value: 1 | -1 | null }[] = [];
    for (const voter of voters) {
      for (const target of targets) {
        const steps = 2 + Math.floor(random() * 2);
        for (let s = 0; s < steps; s++) {
          const roll = random();
          operations.push({ voter, argumentId: target.id, value: roll < 0.45 ? 1 : roll < 0.8 ? -1 : null });
        }
      }
    }
    expect(operations.length).toBeGreaterThanOrEqual(1000);
    const results = await Promise.allSettled(
      operations.map((op) => setVote({ actor: op.voter, argumentId: op.argumentId, value: op.value })),
    );
    const failures = results.filter((r) => r.status === "rejected");
    expect(failures).toEqual([]);

    for (const target of targets) {
      const { expected, stored, wilsonScore } = await countsFromVotes(target.id);
      expect(stored).toEqual(expected);
      expect(wilsonScore).toBeCloseTo(wilsonLowerBound(expected.upCount, expected.downCount), 12);
      expect(expected.upCount + expected.downCount).toBeGreaterThan(0);
    }
    // One vote per member per argument, whatever the races.
    const perPair = await db.vote.groupBy({ by: ["userId", "argumentId"], where: { argument: { thesisId: thesis.id } }, _count: true });
    expect(perPair.every((row) => row._count === 1)).toBe(true);
  });

  it("moves votes to stale when the author edits, and back when a voter reconfirms or changes", async () => {
    const { author, voter, argument } = await setup();
    const [second, third] = await Promise.all([makeUser(), makeUser()]);
    await castVote({ actor: voter, argumentId: argument.id, value: 1 });
    await castVote({ actor: second, argumentId: argument.id, value: 1 });
    await castVote({ actor: third, argumentId: argument.id, value: -1 });

    await editArgument({ actor: author, input: { argumentId: argument.id, body: "A sharper version of the argument" } });
    let stored = await db.argument.findUniqueOrThrow({ where: { id: argument.id } });
    expect(stored).toMatchObject({ upCount: 0, downCount: 0, staleUpCount: 2, staleDownCount: 1, wilsonScore: 0 });

    const viewerVotes = await getViewerVotes(voter.id, [argument.id]);
    expect(viewerVotes[argument.id]!.revisionId).not.toBe(stored.currentRevisionId);

    // Reconfirming the same value is not a no-op: the vote moves onto the current revision.
    const reconfirmed = await castVote({ actor: voter, argumentId: argument.id, value: 1 });
    expect(reconfirmed).toMatchObject({ changed: true, upCount: 1, staleUpCount: 1, staleDownCount: 1 });
    await castVote({ actor: third, argumentId: argument.id, value: 1 });
    await withdrawVote({ actor: second, argumentId: argument.id });
    stored = await db.argument.findUniqueOrThrow({ where: { id: argument.id } });
    expect(stored).toMatchObject({ upCount: 2, downCount: 0, staleUpCount: 0, staleDownCount: 0 });
    const { expected } = await countsFromVotes(argument.id);
    expect(expected).toMatchObject({ upCount: 2, downCount: 0, staleUpCount: 0, staleDownCount: 0 });
    expect((await getViewerVotes(voter.id, [argument.id]))[argument.id]!.revisionId).toBe(stored.currentRevisionId);

    // Saving the same text is no edit: votes stay current.
    await editArgument({ actor: author, input: { argumentId: argument.id, body: "A sharper version of the argument" } });
    expect(await db.argument.findUniqueOrThrow({ where: { id: argument.id } })).toMatchObject({ upCount: 2, staleUpCount: 0 });
  });

  it("limits how many votes a member changes per window, without counting replays or refusals", async () => {
    const author = await makeUser();
    const voter = await makeUser();
    const thesis = await makeThesis(author);
    const targets = await Promise.all(Array.from({ length: 4 }, () => makeArgument(author, { thesisId: thesis.id })));
    process.env.AGORA_LIMIT_VOTE_NEW = "3/1";
    try {
      await castVote({ actor: voter, argumentId: targets[0]!.id, value: 1 });
      await castVote({ actor: voter, argumentId: targets[0]!.id, value: 1 }); // replay: not counted
      await expect(castVote({ actor: voter, argumentId: "doesnotexist", value: 1 })).rejects.toBeInstanceOf(NotFoundError);
      await castVote({ actor: voter, argumentId: targets[1]!.id, value: -1 });
      await withdrawVote({ actor: voter, argumentId: targets[1]!.id });
      const refused = castVote({ actor: voter, argumentId: targets[2]!.id, value: 1 });
      await expect(refused).rejects.toBeInstanceOf(RateLimitError);
      await expect(refused).rejects.toThrow("New accounts (first 24 hours) can cast at most 3 votes per minute. Try again in");
      const error = (await refused.catch((e: unknown) => e)) as RateLimitError;
      expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(error.retryAfterSeconds).toBeLessThanOrEqual(60);
      // The refused vote wrote nothing; other members are not affected.
      expect(await db.vote.count({ where: { argumentId: targets[2]!.id } })).toBe(0);
      expect(await db.argument.findUniqueOrThrow({ where: { id: targets[2]!.id } })).toMatchObject({ upCount: 0 });
      const other = await makeUser();
      await expect(castVote({ actor: other, argumentId: targets[2]!.id, value: 1 })).resolves.toMatchObject({ upCount: 1 });

      // Once the window has passed, the member votes again.
      await db.voteAllowance.update({ where: { userId: voter.id }, data: { windowStartedAt: new Date(Date.now() - 61_000) } });
      await expect(castVote({ actor: voter, argumentId: targets[3]!.id, value: 1 })).resolves.toMatchObject({ changed: true });
      expect(await db.voteAllowance.findUniqueOrThrow({ where: { userId: voter.id } })).toMatchObject({ count: 1 });
    } finally {
      delete process.env.AGORA_LIMIT_VOTE_NEW;
    }
  });

  it("stores the same Wilson lower bound as lib/scoring/wilson.ts", async () => {
    // agora_set_vote computes the bound in SQL; every step of 30 mixed votes must match the TypeScript one.
    const author = await makeUser();
    const thesis = await makeThesis(author);
    const argument = await makeArgument(author, { thesisId: thesis.id });
    const voters = await makeVoters(30);
    for (const [i, voter] of voters.entries()) {
      const result = await castVote({ actor: voter, argumentId: argument.id, value: i % 3 === 0 ? -1 : 1 });
      expect(result.wilsonScore).toBeCloseTo(wilsonLowerBound(result.upCount, result.downCount), 12);
    }
    const stored = await db.argument.findUniqueOrThrow({ where: { id: argument.id } });
    expect(stored).toMatchObject({ upCount: 20, downCount: 10 });
    expect(stored.wilsonScore).toBeCloseTo(wilsonLowerBound(20, 10), 12);
  });

  it("loads the viewer's votes on the arguments a page shows, and only those", async () => {
    const { author, voter, thesis, argument } = await setup();
    const other = await makeArgument(author, { thesisId: thesis.id });
    expect(await getViewerVotes(null, [argument.id])).toEqual({});
    await castVote({ actor: voter, argumentId: argument.id, value: -1 });
    await castVote({ actor: voter, argumentId: other.id, value: 1 });
    expect(Object.keys(await getViewerVotes(voter.id, [other.id]))).toEqual([other.id]);
    const votes = await getViewerVotes(voter.id, [argument.id]);
    expect(Object.keys(votes)).toEqual([argument.id]);
    expect(votes[argument.id]!.value).toBe(-1);
  });
});

describe("thesis strength from votes", () => {
  it("keeps DF-QuAD strength on write and reads it back, leaving hidden arguments out", async () => {
    const author = await makeUser();
    const thesis = await makeThesis(author);
    const pro = await makeArgument(author, { thesisId: thesis.id, stance: "PRO" });
    const con = await makeArgument(author, { thesisId: thesis.id, stance: "CON" });
    const voters = await makeVoters(6);
    for (const v of voters) await castVote({ actor: v, argumentId: pro.id, value: 1 });
    for (const v of voters.slice(0, 2)) await castVote({ actor: v, argumentId: con.id, value: 1 });

    const load = async () => getThesisStrength(await db.thesis.findUniqueOrThrow({ where: { id: thesis.id } }));
    const strength = await load();
    const p = wilsonLowerBound(6, 0);
    const c = wilsonLowerBound(2, 0);
    // Support (p) beats attack (c): 0.5 + 0.5 · (p − c).
    expect(strength.thesis).toBeCloseTo(0.5 + 0.5 * (p - c), 12);
    expect((await db.argument.findUniqueOrThrow({ where: { id: pro.id } })).strength).toBeCloseTo(p, 12);
    // Without the argument for, only the attack would remain: the effect is the difference.
    expect(strength.topContributions[0]!.delta).toBeCloseTo(0.5 + 0.5 * (p - c) - (0.5 - 0.5 * c), 12);
    expect(strength.topContributions[0]).toMatchObject({ id: pro.id, stance: "PRO" });
    expect(strength.topContributions[0]!.excerpt).toMatch(/^Argument /);

    // Nobody moderates their own content: a site moderator hides it.
    const moderator = await makeMember({ role: "MODERATOR" });
    await performModerationAction({ actor: moderator, input: { action: "HIDE", targetType: "ARGUMENT", targetId: pro.id, reason: "Test" } as never });
    const without = await load();
    expect(without.thesis).toBeCloseTo(0.5 - 0.5 * c, 12);
    expect(without.topContributions.map((x) => x.id)).toEqual([con.id]);
  });
});

describe("stance poll", () => {
  it("records, changes and clears a member's stance, and summarises the distribution", async () => {
    const [a, b, c] = await Promise.all([makeUser(), makeUser(), makeUser()]);
    const thesis = await makeThesis(a);
    await setThesisStance({ actor: a, thesisId: thesis.id, value: 2 });
    await setThesisStance({ actor: b, thesisId: thesis.id, value: -1 });
    await setThesisStance({ actor: c, thesisId: thesis.id, value: 2 });
    await setThesisStance({ actor: b, thesisId: thesis.id, value: 1 });
    let summary = await getStanceSummary(thesis.id, b.id);
    expect(summary).toEqual({ counts: { [-2]: 0, [-1]: 0, 0: 0, 1: 1, 2: 2 }, total: 3, mine: 1 });
    await setThesisStance({ actor: b, thesisId: thesis.id, value: null });
    summary = await getStanceSummary(thesis.id, b.id);
    expect(summary).toMatchObject({ total: 2, mine: null });
    expect((await getStanceSummary(thesis.id, null)).mine).toBeNull();

    for (const bad of [3, -3, 0.5, "2", null]) expect(stanceValueSchema.safeParse(bad).success).toBe(false);
    await expect(setThesisStance({ actor: a, thesisId: "nosuchthesis", value: 1 })).rejects.toBeInstanceOf(NotFoundError);
    await db.thesis.update({ where: { id: thesis.id }, data: { status: "LOCKED" } });
    await expect(setThesisStance({ actor: a, thesisId: thesis.id, value: -2 })).rejects.toThrow(/locked/);
    expect((await getStanceSummary(thesis.id, a.id)).mine).toBe(2);
  });
});
