import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetTestDatabase, testDatabaseUrl } from "@/scripts/db/test-database";
import {
  api,
  createToken,
  insertMembers,
  signIn,
  signOut,
  startProductionServer,
  type ProductionServer,
} from "../support/production-server";

// Two production servers (`npm start`, each its own `next start`) on one PostgreSQL, as two machines behind a
// load balancer: nothing that must be shared may live in one process's memory.
const databaseUrl = testDatabaseUrl("agora_test_multi");
const basePort = Number(process.env.PRODUCTION_TEST_PORT ?? 3280);
const THESIS_LIMIT = 10;
let servers: ProductionServer[] = [];

/** One statement on the shared database, on a connection of its own. */
async function query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await client.query<R>(sql, values);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await resetTestDatabase(databaseUrl);
  // One after the other: the first builds the app if the build is stale, the second finds it current.
  const env = { AGORA_LIMIT_THESIS_NEW: `${THESIS_LIMIT}/60`, AGORA_LIMIT_THESIS_MEMBER: `${THESIS_LIMIT}/60` };
  servers.push(await startProductionServer({ databaseUrl, port: basePort, env }));
  servers.push(await startProductionServer({ databaseUrl, port: basePort + 1, env }));
}, 900_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  servers = [];
});

describe("two app processes on one PostgreSQL", () => {
  it("keep a limit exact: a parallel burst split across both passes exactly the limit", async () => {
    const [a, b] = servers.map((server) => server.url) as [string, string];
    const [member] = await insertMembers(databaseUrl, 1);
    const token = await createToken(a, await signIn(a, member!.email));
    const burst = await Promise.all(
      Array.from({ length: 60 }, (_, i) => api(i % 2 ? b : a, "POST", "/api/v1/theses", token, { title: `Burst thesis number ${i}` })),
    );
    const statuses = burst.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(THESIS_LIMIT);
    expect(statuses.filter((status) => status === 429)).toHaveLength(60 - THESIS_LIMIT);
    const listed = await api(b, "GET", "/api/v1/theses?sort=newest", token);
    const theses = listed.json.theses as { title: string }[];
    expect(theses.filter((thesis) => thesis.title.startsWith("Burst thesis number"))).toHaveLength(THESIS_LIMIT);
  }, 120_000);

  it("keep vote counters exact: each voter votes through both at once, and the counts equal the rows", async () => {
    const [a, b] = servers.map((server) => server.url) as [string, string];
    const members = await insertMembers(databaseUrl, 21);
    const tokens = await Promise.all(members.map(async (member, i) => {
      const via = i % 2 ? b : a;
      return createToken(via, await signIn(via, member.email));
    }));
    const [authorToken, ...voters] = tokens as [string, ...string[]];
    const thesis = (await api(a, "POST", "/api/v1/theses", authorToken, { title: "Counted through two processes" })).json.thesis as { slug: string };
    const created = await api(b, "POST", `/api/v1/theses/${thesis.slug}/arguments`, authorToken, { stance: "PRO", body: "Count every vote once." });
    const argumentId = (created.json.argument as { id: string }).id;
    // Up through one process and down through the other, at the same moment: one of the two wins for each voter.
    const answers = await Promise.all(
      voters.flatMap((token) => [
        api(a, "PUT", `/api/v1/arguments/${argumentId}/vote`, token, { value: 1 }),
        api(b, "PUT", `/api/v1/arguments/${argumentId}/vote`, token, { value: -1 }),
      ]),
    );
    expect(answers.map((answer) => answer.status).filter((status) => status !== 200)).toEqual([]);
    const { rows } = await query<{ up: number; down: number; upCount: number; downCount: number }>(
      `SELECT count(*) FILTER (WHERE v.value = 1)::int AS up, count(*) FILTER (WHERE v.value = -1)::int AS down,
              a."upCount", a."downCount"
         FROM "Argument" a LEFT JOIN "Vote" v ON v."argumentId" = a.id
        WHERE a.id = $1 GROUP BY a.id`,
      [argumentId],
    );
    const [counts] = rows;
    expect(counts!.up + counts!.down).toBe(voters.length);
    expect({ up: counts!.upCount, down: counts!.downCount }).toEqual({ up: counts!.up, down: counts!.down });
    const counted = { up: counts!.up, down: counts!.down };
    // Either process answers the same, stored counts.
    for (const via of [a, b]) {
      const shown = await api(via, "GET", `/api/v1/arguments/${argumentId}`, authorToken);
      expect(shown.json.argument).toMatchObject({ upCount: counted.up, downCount: counted.down });
    }
  }, 180_000);

  it("keep sessions revocable: signed out on one, refused on the other", async () => {
    const [a, b] = servers.map((server) => server.url) as [string, string];
    const [member] = await insertMembers(databaseUrl, 1);
    const session = await signIn(a, member!.email);
    expect((await fetch(`${b}/api/v1/tokens`, { headers: { cookie: session } })).status).toBe(200);
    await signOut(a, session);
    expect((await fetch(`${a}/api/v1/tokens`, { headers: { cookie: session } })).status).toBe(401);
    expect((await fetch(`${b}/api/v1/tokens`, { headers: { cookie: session } })).status).toBe(401);
  }, 120_000);

  it("keep the moderation log one chain: acts sent in parallel through both verify", async () => {
    const [a, b] = servers.map((server) => server.url) as [string, string];
    const [admin] = await insertMembers(databaseUrl, 1, { role: "ADMIN" });
    const token = await createToken(b, await signIn(b, admin!.email));
    const theses = await Promise.all(
      Array.from({ length: 6 }, async (_, i) => (await api(a, "POST", "/api/v1/theses", token, { title: `Thesis to lock ${i}` })).json.thesis as { id: string }),
    );
    const acts = await Promise.all(
      theses.flatMap((thesis, i) =>
        Array.from({ length: 4 }, (_, j) => api((i + j) % 2 ? b : a, "POST", "/api/v1/moderation/actions", token, { action: "LOCK", thesisId: thesis.id, reason: `Lock ${i}.${j}` })),
      ),
    );
    // Four parallel locks of each thesis, through both processes: exactly one of each is the act, the rest are refused.
    expect(acts.filter((act) => act.status === 200)).toHaveLength(theses.length);
    expect(acts.filter((act) => act.status === 409)).toHaveLength(theses.length * 3);
    for (const url of [a, b]) {
      const verified = await api(url, "GET", "/api/v1/moderation/log/verify", token);
      expect(verified.status).toBe(200);
      expect(verified.json).toMatchObject({ ok: true });
      expect(verified.json.checked).toBeGreaterThanOrEqual(theses.length);
    }
  }, 120_000);

  it("tell the watchers of posts made through both processes, each post once, a moment later", async () => {
    const [a, b] = servers.map((server) => server.url) as [string, string];
    const [owner, watcher, ...posters] = await insertMembers(databaseUrl, 6);
    const ownerToken = await createToken(a, await signIn(a, owner!.email));
    const watcherToken = await createToken(b, await signIn(b, watcher!.email));
    const tokens = await Promise.all(posters.map(async (poster, i) => createToken(i % 2 ? b : a, await signIn(i % 2 ? b : a, poster.email))));
    const thesis = (await api(a, "POST", "/api/v1/theses", ownerToken, { title: "Watched through two processes" })).json.thesis as { id: string; slug: string };
    expect((await api(b, "PUT", "/api/v1/watches", watcherToken, { targetType: "THESIS", targetId: thesis.id })).status).toBe(200);

    const posts = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        api(i % 2 ? b : a, "POST", `/api/v1/theses/${thesis.slug}/arguments`, tokens[i % tokens.length]!, { stance: i % 3 ? "PRO" : "CON", body: `Posted through both, number ${i}.` }),
      ),
    );
    expect(posts.map((post) => post.status)).toEqual(Array(12).fill(201));
    const told = async () => {
      const { rows } = await query<{ userId: string; kind: string; count: number }>(
        `SELECT "userId", kind::text, count FROM "Notification" WHERE "thesisId" = $1 ORDER BY "userId", kind`,
        [thesis.id],
      );
      return rows;
    };
    // One unread row each for the thesis, counting every post once, whichever process took which posts.
    const expected = [owner!.id, watcher!.id].sort().map((userId) => ({ userId, kind: "NEW_ARGUMENT", count: 12 }));
    await expect.poll(told, { timeout: 20_000, interval: 200 }).toEqual(expected);
    expect((await query(`SELECT 1 FROM "PendingWatcherNotification" p JOIN "Argument" x ON x.id = p."argumentId" WHERE x."thesisId" = $1`, [thesis.id])).rowCount).toBe(0);

    // A process stopped right after a post tells that post's watchers before it exits (the other, idle, does not).
    const last = await api(b, "POST", `/api/v1/theses/${thesis.slug}/arguments`, tokens[1]!, { stance: "PRO", body: "Posted just before a stop." });
    expect(last.status).toBe(201);
    await servers[1]!.stop();
    expect(await told()).toEqual(expected.map((row) => ({ ...row, count: 13 })));
  }, 120_000);
});
