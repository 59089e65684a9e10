import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { castVote, withdrawVote } from "@/server/votes/cast-vote";
import { getViewerVotes } from "@/server/votes/get-viewer-votes";
import { editArgument } from "@/server/arguments/edit-argument";
import { listRevisions } from "@/server/arguments/list-revisions";
import { makeArgument, makeThesis, makeUser } from "../support/factories";

// Posted with a typo ("Germnay") for the author to fix.
const BODY = "Closing nuclear plants early raised emissions in Germnay, because coal filled most of the gap they left.";
const FIXED = BODY.replace("Germnay", "Germany");

/** The stored counters against the votes table: current votes are those on the current revision. */
async function counters(argumentId: string) {
  const argument = await db.argument.findUniqueOrThrow({ where: { id: argumentId } });
  const votes = await db.vote.findMany({ where: { argumentId } });
  const tally = (current: boolean, value: number) =>
    votes.filter((v) => (v.revisionId === argument.currentRevisionId) === current && v.value === value).length;
  return {
    stored: { upCount: argument.upCount, downCount: argument.downCount, staleUpCount: argument.staleUpCount, staleDownCount: argument.staleDownCount },
    fromVotes: { upCount: tally(true, 1), downCount: tally(true, -1), staleUpCount: tally(false, 1), staleDownCount: tally(false, -1) },
    wilsonScore: argument.wilsonScore,
    currentRevisionId: argument.currentRevisionId!,
  };
}

async function votedArgument() {
  const [author, up1, up2, down] = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser()]);
  const thesis = await makeThesis(author);
  const argument = await makeArgument(author, { thesisId: thesis.id, body: BODY });
  await castVote({ actor: up1, argumentId: argument.id, value: 1 });
  await castVote({ actor: up2, argumentId: argument.id, value: 1 });
  await castVote({ actor: down, argumentId: argument.id, value: -1 });
  return { author, up1, up2, down, thesis, argument };
}

describe("edits and votes", () => {
  it("keeps the votes current through a typo fix, on the new revision", async () => {
    const { author, up1, down, argument } = await votedArgument();
    const before = await counters(argument.id);

    const result = await editArgument({ actor: author, input: { argumentId: argument.id, body: FIXED } });
    expect(result).toMatchObject({ changed: true, minor: true, majorReason: null });
    const after = await counters(argument.id);
    expect(after.currentRevisionId).not.toBe(before.currentRevisionId);
    expect(after.stored).toEqual({ upCount: 2, downCount: 1, staleUpCount: 0, staleDownCount: 0 });
    expect(after.fromVotes).toEqual(after.stored);
    expect(after.wilsonScore).toBe(before.wilsonScore);
    // The voter's buttons compare the vote's revision with the current one: no "Is it still?" after a typo fix.
    expect((await getViewerVotes(up1.id, [argument.id]))[argument.id]!.revisionId).toBe(after.currentRevisionId);

    // Votes changed after the minor edit keep the counters exact (they count as current, not as stale).
    await castVote({ actor: down, argumentId: argument.id, value: 1 });
    await withdrawVote({ actor: up1, argumentId: argument.id });
    const changed = await counters(argument.id);
    expect(changed.stored).toEqual({ upCount: 2, downCount: 0, staleUpCount: 0, staleDownCount: 0 });
    expect(changed.fromVotes).toEqual(changed.stored);

    const history = await listRevisions(argument.id);
    expect(history.revisions.map((r) => [r.number, r.minor])).toEqual([
      [2, true],
      [1, false],
    ]);
  });

  it("moves the votes to stale when the meaning changes", async () => {
    const { author, argument } = await votedArgument();
    const result = await editArgument({ actor: author, input: { argumentId: argument.id, body: BODY.replace("raised", "did not raise") } });
    expect(result).toMatchObject({ changed: true, minor: false, majorReason: "negation" });
    const after = await counters(argument.id);
    expect(after.stored).toEqual({ upCount: 0, downCount: 0, staleUpCount: 2, staleDownCount: 1 });
    expect(after.fromVotes).toEqual(after.stored);
    expect(after.wilsonScore).toBe(0);
    expect((await listRevisions(argument.id)).revisions[0]!.minor).toBe(false);
  });

  it("leaves stale votes stale through a later typo fix", async () => {
    const { author, up1, argument } = await votedArgument();
    await editArgument({ actor: author, input: { argumentId: argument.id, body: BODY.replace("most of", "nearly all of") } });
    await castVote({ actor: up1, argumentId: argument.id, value: 1 }); // reconfirmed: current again
    const result = await editArgument({ actor: author, input: { argumentId: argument.id, body: FIXED.replace("most of", "nearly all of") } });
    expect(result.minor).toBe(true);
    const after = await counters(argument.id);
    expect(after.stored).toEqual({ upCount: 1, downCount: 0, staleUpCount: 1, staleDownCount: 1 });
    expect(after.fromVotes).toEqual(after.stored);
  });
});
