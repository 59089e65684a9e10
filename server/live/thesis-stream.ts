import "server-only";
import { openEventStream } from "./event-stream-response";
import { db } from "../db";
import type { Viewer } from "../access/visibility";
import { LIVE_EVENTS, type LiveArgumentMessage, type LiveVoteState, type LiveVotesMessage } from "@/lib/live/messages";
import { isReplayable, latestLiveEventId, subscribeLive, type LiveEventRow } from "./subscribe";
import { thesisTopic } from "./publish";

interface ArgumentState extends LiveVoteState {
  parentId: string | null;
  stance: "PRO" | "CON";
  status: "VISIBLE" | "HIDDEN";
  authorId: string;
  moderationNote: string | null;
  path: string;
}

interface Batch {
  argumentsById: Map<string, ArgumentState>;
  thesisStrength: number;
}

/** One read per batch of events, shared by every stream of the thesis that gets the same batch. */
const batches = new WeakMap<LiveEventRow[], Promise<Batch>>();

function loadBatch(thesisId: string, events: LiveEventRow[]): Promise<Batch> {
  let batch = batches.get(events);
  if (!batch) {
    batch = readBatch(thesisId, events);
    batches.set(events, batch);
  }
  return batch;
}

async function readBatch(thesisId: string, events: LiveEventRow[]): Promise<Batch> {
  const ids = [...new Set(events.map((e) => e.subjectId))];
  // A vote moves the strength of every argument above it: their current state goes out with it.
  const rows = await db.$queryRaw<(ArgumentState & { thesisStrength: number })[]>`
    WITH subjects AS (SELECT path FROM "Argument" WHERE id = ANY(${ids}) AND "thesisId" = ${thesisId})
    SELECT a.id, a."parentId", a.stance::text AS stance, a.status::text AS status, a."authorId", a."moderationNote",
           a.path, a."upCount", a."downCount", a."staleUpCount", a."staleDownCount", a.strength, t.strength AS "thesisStrength"
      FROM "Argument" a JOIN "Thesis" t ON t.id = a."thesisId"
     WHERE a."thesisId" = ${thesisId} AND a.id IN (SELECT unnest(string_to_array(path, '/')) FROM subjects)`;
  const thesisStrength = rows[0]?.thesisStrength ?? 0.5;
  return { argumentsById: new Map(rows.map(({ thesisStrength: _t, ...row }) => [row.id, row])), thesisStrength };
}

const CHANGES: Record<string, LiveArgumentMessage["change"]> = {
  ARGUMENT_CREATED: "created",
  ARGUMENT_EDITED: "edited",
  ARGUMENT_HIDDEN: "hidden",
  ARGUMENT_RESTORED: "restored",
};

/**
 * The SSE messages one viewer gets for a batch. Hidden arguments: everyone learns that one was hidden, with the
 * public reason (pages show that notice to all); their edits and votes go only to those who may read them.
 */
function messagesFor(events: LiveEventRow[], batch: Batch, canRead: (a: ArgumentState) => boolean): string {
  let out = "";
  const lastVote = new Map<string, string>();
  for (const e of events) if (e.kind === "VOTES_CHANGED") lastVote.set(e.subjectId, e.id);
  for (const event of events) {
    const argument = batch.argumentsById.get(event.subjectId);
    if (!argument) continue;
    if (event.kind === "VOTES_CHANGED") {
      // Only the newest of an argument's vote events: each carries the state now, not a difference.
      if (lastVote.get(event.subjectId) !== event.id || !canRead(argument)) continue;
      const path = argument.path.split("/").map((id) => batch.argumentsById.get(id)).filter((a) => a !== undefined);
      const message: LiveVotesMessage = {
        arguments: path.filter(canRead).map(({ id, upCount, downCount, staleUpCount, staleDownCount, strength }) => ({ id, upCount, downCount, staleUpCount, staleDownCount, strength })),
        thesisStrength: batch.thesisStrength,
      };
      out += sse(event.id, LIVE_EVENTS.votes, message);
      continue;
    }
    const change = CHANGES[event.kind];
    if (!change || (change === "edited" && !canRead(argument))) continue;
    const message: LiveArgumentMessage = {
      id: argument.id,
      parentId: argument.parentId,
      stance: argument.stance,
      change,
      reason: change === "hidden" ? argument.moderationNote : null,
    };
    out += sse(event.id, LIVE_EVENTS.argument, message);
  }
  return out;
}

function sse(id: string, event: string, data: unknown): string {
  return `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * The live stream of one thesis for one viewer, from the event after `after`: new, edited, hidden and restored
 * arguments, and vote counts with strengths. It ends when the client goes away (`signal`) or after
 * AGORA_LIVE_STREAM_SECONDS, and always lets go of its subscription.
 */
export function thesisEventStream({
  thesis,
  viewer,
  moderates,
  after,
  signal,
}: {
  thesis: { id: string };
  viewer: Viewer;
  moderates: boolean;
  after: bigint;
  signal: AbortSignal;
}): ReadableStream<Uint8Array> {
  const canRead = (a: ArgumentState) => a.status === "VISIBLE" || moderates || a.authorId === viewer?.id;
  const topic = thesisTopic(thesis.id);
  return openEventStream(signal, async (channel) => {
    let from = after;
    if (!(await isReplayable(after))) {
      from = await latestLiveEventId(topic);
      channel.send(sse(String(from), LIVE_EVENTS.reset, {}));
    }
    if (!channel.open) return () => {};
    let sending = Promise.resolve();
    return subscribeLive(topic, from, (events) => {
      // In order: a batch's messages are written only after the previous batch's.
      sending = sending.then(async () => {
        const batch = await loadBatch(thesis.id, events).catch(() => null);
        if (batch) channel.send(messagesFor(events, batch, canRead));
        else channel.close(); // the browser reconnects from the last id it got, so nothing is lost
      });
    });
  });
}

/**
 * The newest event of a thesis, by slug, as a page's stream cursor. A page reads it before its data: events that
 * commit later have larger ids (agora_publish_live numbers a topic's events in commit order), so the stream
 * replays whatever the page's data may have missed. "0" for an unknown slug or a thesis with no event yet.
 */
export async function latestThesisEventId(slug: string): Promise<string> {
  const [row] = await db.$queryRaw<{ id: string | null }[]>`
    SELECT max(e.id)::text AS id FROM "LiveEvent" e JOIN "Thesis" t ON e.topic = 'thesis:' || t.id WHERE t.slug = ${slug}`;
  return row?.id ?? "0";
}
