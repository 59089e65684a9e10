import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { LiveHub, latestLiveEventId, subscribeLive, type LiveEventRow } from "@/server/live/subscribe";
import { publishLive, thesisTopic } from "@/server/live/publish";
import { thesisEventStream } from "@/server/live/thesis-stream";
import { castVote } from "@/server/votes/cast-vote";
import { editArgument } from "@/server/arguments/edit-argument";
import { performModerationAction } from "@/server/moderation/perform-moderation-action";
import { makeArgument, makeThesis, makeUser } from "../support/factories";
import { makeMember } from "../support/moderation-fixtures";

const hubs: LiveHub[] = [];
afterAll(async () => {
  await Promise.all(hubs.map((hub) => hub.close()));
});

/** Collects what a subscription delivers, and waits until a condition on it holds. */
function collector() {
  const events: LiveEventRow[] = [];
  const waiters: (() => void)[] = [];
  return {
    events,
    deliver: (batch: LiveEventRow[]) => {
      events.push(...batch);
      waiters.splice(0).forEach((wake) => wake());
    },
    async until(done: (events: LiveEventRow[]) => boolean, ms = 5000) {
      const deadline = Date.now() + ms;
      while (!done(events)) {
        if (Date.now() > deadline) throw new Error(`Timed out; got ${JSON.stringify(events)}`);
        await new Promise<void>((wake) => {
          waiters.push(wake);
          setTimeout(wake, 100);
        });
      }
    },
  };
}

/** An SSE stream read as text, message by message. */
function readStream(stream: ReadableStream<Uint8Array>) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  return {
    async until(pattern: RegExp, ms = 5000): Promise<string> {
      const deadline = Date.now() + ms;
      while (!pattern.test(text)) {
        const chunk = await Promise.race([reader.read(), new Promise<null>((resolve) => setTimeout(() => resolve(null), deadline - Date.now()))]);
        if (chunk === null) throw new Error(`Timed out waiting for ${pattern}; got:\n${text}`);
        if (chunk.done) throw new Error(`Stream ended before ${pattern}; got:\n${text}`);
        text += decoder.decode(chunk.value);
      }
      return text;
    },
    get text() {
      return text;
    },
  };
}

function messages(text: string) {
  return text
    .split("\n\n")
    .filter((block) => block.includes("data: "))
    .map((block) => ({
      id: /^id: (.*)$/m.exec(block)?.[1],
      event: /^event: (.*)$/m.exec(block)?.[1],
      data: JSON.parse(/^data: (.*)$/m.exec(block)![1]!),
    }));
}

async function thesisWithAuthor() {
  const author = await makeUser();
  const thesis = await makeThesis(author);
  return { author, thesis, topic: thesisTopic(thesis.id) };
}

describe("live events (LISTEN/NOTIFY and the replay log)", () => {
  it("delivers an event written in a committed transaction, and nothing from a rolled-back one", async () => {
    const { author, thesis, topic } = await thesisWithAuthor();
    const seen = collector();
    const unsubscribe = await subscribeLive(topic, await latestLiveEventId(topic), seen.deliver);

    await expect(
      db.$transaction(async (tx) => {
        await publishLive(tx, topic, "ARGUMENT_CREATED", "a-rolled-back");
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    const argument = await makeArgument(author, { thesisId: thesis.id });

    await seen.until((events) => events.some((e) => e.subjectId === argument.id));
    unsubscribe();
    expect(seen.events.map((e) => [e.kind, e.subjectId])).toEqual([["ARGUMENT_CREATED", argument.id]]);
  });

  it("reaches subscribers of two processes, each with its own LISTEN connection", async () => {
    const { author, thesis, topic } = await thesisWithAuthor();
    const [one, two] = [new LiveHub(), new LiveHub()];
    hubs.push(one, two);
    const after = await latestLiveEventId(topic);
    const [seenOne, seenTwo] = [collector(), collector()];
    await one.subscribe(topic, after, seenOne.deliver);
    await two.subscribe(topic, after, seenTwo.deliver);
    const connections = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'agora-live' AND datname = current_database()`;
    expect(connections[0]!.n).toBeGreaterThanOrEqual(2);

    const argument = await makeArgument(author, { thesisId: thesis.id });
    for (const seen of [seenOne, seenTwo]) await seen.until((events) => events.some((e) => e.subjectId === argument.id));
  });

  it("loses nothing when its LISTEN connection drops: it listens again and reads what it missed", async () => {
    const { author, thesis, topic } = await thesisWithAuthor();
    const hub = new LiveHub();
    hubs.push(hub);
    const seen = collector();
    await hub.subscribe(topic, await latestLiveEventId(topic), seen.deliver);
    await db.$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'agora-live' AND datname = current_database()`;
    // Written while no LISTEN connection is up: its notification is lost, its row is not.
    const argument = await makeArgument(author, { thesisId: thesis.id });
    await seen.until((events) => events.some((e) => e.subjectId === argument.id), 10_000);
  });

  it("keeps events of one thesis in commit order under concurrent writers", async () => {
    const { author, thesis, topic } = await thesisWithAuthor();
    const seen = collector();
    const unsubscribe = await subscribeLive(topic, await latestLiveEventId(topic), seen.deliver);
    const created = await Promise.all(Array.from({ length: 12 }, () => makeArgument(author, { thesisId: thesis.id })));
    await seen.until((events) => events.length >= 12);
    unsubscribe();
    expect(seen.events.map((e) => e.subjectId).sort(), JSON.stringify(seen.events)).toEqual(created.map((a) => a.id).sort());
    const ids = seen.events.map((e) => BigInt(e.id));
    expect([...ids].sort((a, b) => (a < b ? -1 : 1))).toEqual(ids);
  });
});

describe("a thesis's SSE stream", () => {
  it("sends new arguments and vote counts, and resumes after Last-Event-ID with what was missed", async () => {
    const { author, thesis } = await thesisWithAuthor();
    const voter = await makeUser();
    const first = await makeArgument(author, { thesisId: thesis.id });
    const controller = new AbortController();
    const stream = readStream(thesisEventStream({ thesis, viewer: null, moderates: false, after: await latestLiveEventId(thesisTopic(thesis.id)), signal: controller.signal }));

    const reply = await makeArgument(author, { thesisId: thesis.id, parentId: first.id, stance: "CON" });
    await castVote({ actor: voter, argumentId: first.id, value: 1 });
    const text = await stream.until(/event: votes/);
    const [created, votes] = messages(text);
    expect(created!.event).toBe("argument");
    expect(created!.data).toEqual({ id: reply.id, parentId: first.id, stance: "CON", change: "created", reason: null });
    expect(votes!.data.arguments).toEqual([expect.objectContaining({ id: first.id, upCount: 1, downCount: 0 })]);
    expect(votes!.data.thesisStrength).toBeGreaterThan(0.5);
    controller.abort();

    // Away: two more arguments and a vote. The browser comes back with the last id it got.
    const missed = [await makeArgument(author, { thesisId: thesis.id, stance: "CON" }), await makeArgument(author, { thesisId: thesis.id })];
    await castVote({ actor: voter, argumentId: reply.id, value: -1 });
    const resumed = readStream(thesisEventStream({ thesis, viewer: null, moderates: false, after: BigInt(votes!.id!), signal: new AbortController().signal }));
    const replayed = messages(await resumed.until(/event: votes/));
    expect(replayed.filter((m) => m.event === "argument").map((m) => m.data.id)).toEqual(missed.map((a) => a.id));
    // A reply's vote moves its parent's strength too: both go out.
    expect(replayed.at(-1)!.data.arguments.map((a: { id: string }) => a.id)).toEqual([first.id, reply.id]);
    expect(replayed.every((m) => BigInt(m.id!) > BigInt(votes!.id!))).toBe(true);
  });

  it("tells everyone an argument was hidden, and sends its later edits only to those who may read it", async () => {
    const { author, thesis } = await thesisWithAuthor();
    const moderator = await makeMember({ role: "MODERATOR" });
    const argument = await makeArgument(author, { thesisId: thesis.id, body: `Original ${randomUUID()}` });
    const after = await latestLiveEventId(thesisTopic(thesis.id));
    const open = (viewer: { id: string; role: "USER" | "MODERATOR" | "ADMIN" } | null, moderates: boolean) =>
      readStream(thesisEventStream({ thesis, viewer, moderates, after, signal: new AbortController().signal }));
    const visitor = open(null, false);
    const mod = open({ id: moderator.id, role: "MODERATOR" }, true);

    await performModerationAction({ actor: moderator, input: { action: "HIDE", targetType: "ARGUMENT", targetId: argument.id, reason: "Off topic here" } });
    await editArgument({ actor: author, input: { argumentId: argument.id, body: `Changed ${randomUUID()}` } });
    const marker = await makeArgument(author, { thesisId: thesis.id });

    const forVisitor = messages(await visitor.until(new RegExp(marker.id)));
    expect(forVisitor.map((m) => [m.data.id, m.data.change])).toEqual([
      [argument.id, "hidden"],
      [marker.id, "created"],
    ]);
    expect(forVisitor[0]!.data.reason).toBe("Off topic here");
    expect(visitor.text).not.toContain("Changed");
    const forModerator = messages(await mod.until(new RegExp(marker.id)));
    expect(forModerator.map((m) => m.data.change)).toEqual(["hidden", "edited", "created"]);
  });
});
