import "server-only";
import pg from "pg";
import { db, embeddedDatabase } from "../db";
import { UNREAD_CHANNEL } from "./publish";

/** One row of the replay log, as publishLive wrote it. Ids are decimal strings (bigint). */
export interface LiveEventRow {
  id: string;
  kind: string;
  subjectId: string;
}

type Deliver = (events: LiveEventRow[]) => void;

interface Subscriber {
  /** The last event id this subscriber has been given. */
  cursor: bigint;
  deliver: Deliver;
}

interface TopicState {
  subscribers: Set<Subscriber>;
  reading: boolean;
  /** A notification arrived while reading: read again. */
  again: boolean;
}

const CHANNEL = "agora_live";
const BATCH = 500;
/** Rows older than this are pruned; a stream that was away longer is told to reload (see isReplayable). */
export const LIVE_RETENTION_MINUTES = 10;

/**
 * The process's side of live updates: one LISTEN connection for the whole process (a dedicated `pg` client with
 * DATABASE_URL; on the embedded database, PGlite's own listen, which hears the NOTIFYs of its one process). A
 * notification names a topic; the topic's rows after the lowest subscriber cursor are read once and handed to
 * every subscriber of the topic, each from its own cursor. Reading the table rather than trusting notifications
 * is what makes replay after Last-Event-ID, and a dropped LISTEN connection, lose nothing. One per process
 * (subscribeLive); the tests make two to stand for two app processes on one database.
 */
export class LiveHub {
  private topics = new Map<string, TopicState>();
  private members = new Map<string, Set<() => void>>();
  private ready: Promise<void> | null = null;
  private client: pg.Client | null = null;
  private pruneTimer: NodeJS.Timeout | null = null;

  /** Resolves once LISTEN is in place, so that no commit after it can go unnoticed. */
  private start(): Promise<void> {
    this.ready ??= this.listen().catch((error) => {
      this.ready = null;
      throw error;
    });
    return this.ready;
  }

  private async listen(): Promise<void> {
    const url = process.env.DATABASE_URL;
    if (url) {
      const client = new pg.Client({ connectionString: url, application_name: "agora-live" });
      client.on("notification", (message) => {
        if (!message.payload) return;
        if (message.channel === UNREAD_CHANNEL) this.membersChanged(message.payload);
        else this.changed(message.payload);
      });
      client.on("error", () => this.reconnect(client));
      client.on("end", () => this.reconnect(client));
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      await client.query(`LISTEN ${UNREAD_CHANNEL}`);
      this.client = client;
    } else {
      await embeddedDatabase().listen(CHANNEL, (topic) => this.changed(topic));
      await embeddedDatabase().listen(UNREAD_CHANNEL, (ids) => this.membersChanged(ids));
    }
    this.pruneTimer ??= setInterval(() => void this.prune(), 60_000).unref();
  }

  /** The LISTEN connection died: listen again, then re-read every followed topic for what it did not hear. */
  private reconnect(client: pg.Client) {
    if (this.client !== client) return;
    this.client = null;
    this.ready = null;
    this.listenAgain();
  }

  private listenAgain() {
    setTimeout(() => {
      this.start().then(
        () => {
          this.topics.forEach((_state, topic) => this.changed(topic));
          // What a member missed while the connection was down is in their count, read afresh.
          this.members.forEach((callbacks) => callbacks.forEach((callback) => callback()));
        },
        () => this.listenAgain(),
      );
    }, 1000).unref();
  }

  /** Old rows go, except each topic's newest: a quiet page's cursor stays valid however long it stays open. */
  private async prune() {
    await db.$executeRaw`
      DELETE FROM "LiveEvent" e
       WHERE e."createdAt" < now() - make_interval(mins => ${LIVE_RETENTION_MINUTES})
         AND EXISTS (SELECT 1 FROM "LiveEvent" n WHERE n.topic = e.topic AND n.id > e.id)`.catch(() => {});
  }

  /** Stops listening (tests and scripts; a server's hub lives as long as its process). */
  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    this.pruneTimer = null;
    this.topics.clear();
    this.members.clear();
    await client?.end();
  }

  async subscribe(topic: string, after: bigint, deliver: Deliver): Promise<() => void> {
    await this.start();
    let state = this.topics.get(topic);
    if (!state) this.topics.set(topic, (state = { subscribers: new Set(), reading: false, again: false }));
    const subscriber: Subscriber = { cursor: after, deliver };
    state.subscribers.add(subscriber);
    this.changed(topic); // replays what the subscriber missed
    return () => {
      state.subscribers.delete(subscriber);
      if (state.subscribers.size === 0 && this.topics.get(topic) === state) this.topics.delete(topic);
    };
  }

  /** `changed` is called (with no data) whenever the member's notifications change; returns the unsubscribe. */
  async subscribeMember(userId: string, changed: () => void): Promise<() => void> {
    await this.start();
    let callbacks = this.members.get(userId);
    if (!callbacks) this.members.set(userId, (callbacks = new Set()));
    callbacks.add(changed);
    return () => {
      callbacks.delete(changed);
      if (callbacks.size === 0 && this.members.get(userId) === callbacks) this.members.delete(userId);
    };
  }

  private membersChanged(payload: string) {
    for (const id of payload.split(",")) this.members.get(id)?.forEach((callback) => callback());
  }

  private changed(topic: string) {
    const state = this.topics.get(topic);
    if (!state) return;
    if (state.reading) {
      state.again = true;
      return;
    }
    state.reading = true;
    void this.read(topic, state).finally(() => (state.reading = false));
  }

  private async read(topic: string, state: TopicState) {
    do {
      state.again = false;
      if (state.subscribers.size === 0) return;
      const from = [...state.subscribers].map((s) => s.cursor).reduce((min, cursor) => (cursor < min ? cursor : min));
      let rows: LiveEventRow[];
      try {
        rows = await db.$queryRaw<LiveEventRow[]>`
          SELECT id::text AS id, kind, "subjectId" FROM "LiveEvent" WHERE topic = ${topic} AND id > ${from} ORDER BY id LIMIT ${BATCH}`;
      } catch {
        // The database is unreachable for now; the next notification (or subscriber) reads again.
        return;
      }
      if (rows.length === 0) continue;
      const last = BigInt(rows.at(-1)!.id);
      for (const subscriber of state.subscribers) {
        // The same array for every subscriber that missed nothing of it, so they can share work done on it.
        const fresh = subscriber.cursor === from ? rows : rows.filter((row) => BigInt(row.id) > subscriber.cursor);
        subscriber.cursor = last > subscriber.cursor ? last : subscriber.cursor;
        if (fresh.length > 0) subscriber.deliver(fresh);
      }
      if (rows.length === BATCH) state.again = true;
    } while (state.again);
  }
}

const globalForLive = globalThis as unknown as { agoraLiveHub?: LiveHub };

/**
 * Follows a topic from the event after `after` (0: from the oldest kept): `deliver` gets each new event once, in
 * order, in batches. Returns the unsubscribe function; call it when the client goes away.
 */
export function subscribeLive(topic: string, after: bigint, deliver: Deliver): Promise<() => void> {
  globalForLive.agoraLiveHub ??= new LiveHub();
  return globalForLive.agoraLiveHub.subscribe(topic, after, deliver);
}

/** Calls `changed` whenever the member's notifications change (after the writing transaction commits). */
export function subscribeMemberSignals(userId: string, changed: () => void): Promise<() => void> {
  globalForLive.agoraLiveHub ??= new LiveHub();
  return globalForLive.agoraLiveHub.subscribeMember(userId, changed);
}

/** The newest event id of a topic now: a page reads it before its data, and its stream starts after it. */
export async function latestLiveEventId(topic: string): Promise<bigint> {
  const [row] = await db.$queryRaw<{ id: string | null }[]>`SELECT max(id)::text AS id FROM "LiveEvent" WHERE topic = ${topic}`;
  return BigInt(row?.id ?? 0);
}

/**
 * Whether everything after `after` is still kept. Event `after` was delivered (or read as the newest) so it
 * existed; while it still does, nothing newer of its topic was pruned (pruning goes oldest first and keeps each
 * topic's newest). 0 means the topic had no event when the page was read.
 */
export async function isReplayable(after: bigint): Promise<boolean> {
  if (after === 0n) return true;
  const rows = await db.$queryRaw<unknown[]>`SELECT 1 FROM "LiveEvent" WHERE id = ${after}`;
  return rows.length > 0;
}
