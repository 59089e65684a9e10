// Benchmark (not a test): votes per second through the REST API of a production server, and the DF-QuAD
// recompute time of a 10,000-argument thesis. Prints the measured numbers.
//
//   npx tsx scripts/bench-votes.ts                 # resets agora_test_bench on the local test server, starts
//                                                  # `npm start` against it on BENCH_PORT (3190), drives it
//   BENCH_URL=http://host:port DATABASE_URL=… npx tsx scripts/bench-votes.ts   # an already running server
//
// Votes are measured twice: with API tokens (what scripts and apps use; the production server answers them on
// its fast path, see server/api/fast-routes.ts) and with session cookies (through Next and Auth.js; the
// website itself votes through a server action, which costs the same). BENCH_SESSIONS=0 skips the second.
// The load generator is a lean keep-alive HTTP/1.1 client, like the API clients it stands for (curl, scripts):
// it does not ask for gzip, and it runs on the machine it measures, so its own CPU counts against the result.
//
// Knobs: BENCH_USERS (200), BENCH_ARGUMENTS (50), BENCH_CONCURRENCY (64), BENCH_SECONDS (15).
import { execSync, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { hash } from "@node-rs/argon2";
import { computeStrengths, type StrengthInput } from "../lib/scoring/dfquad";
import { testDatabaseUrl } from "./db/test-database";
import { groupCpuSeconds, startServer } from "./bench/server";
import { BENCH_PASSWORD, httpClient, signIn } from "./bench/http";

const USERS = Number(process.env.BENCH_USERS ?? 200);
const ARGUMENTS = Number(process.env.BENCH_ARGUMENTS ?? 50);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const id = (prefix: string) => `${prefix}${randomBytes(12).toString("hex")}`;

// ───────────── DF-QuAD recompute ─────────────

function syntheticTree(n: number): StrengthInput[] {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: n }, (_, i) => ({
    id: `a${i}`,
    // Bushy near the top, deep chains further down: a parent among the earlier arguments.
    parentId: i < 30 ? null : `a${Math.floor(random() ** 0.5 * i)}`,
    stance: random() < 0.5 ? ("PRO" as const) : ("CON" as const),
    upCount: Math.floor(random() * 40),
    downCount: Math.floor(random() * 20),
    status: random() < 0.01 ? ("HIDDEN" as const) : ("VISIBLE" as const),
  }));
}

function benchStrength() {
  const rows = syntheticTree(10_000);
  const time = (contributions: boolean) => {
    for (let i = 0; i < 20; i++) computeStrengths(rows, { contributions });
    const samples: number[] = [];
    for (let i = 0; i < 100; i++) {
      const t = performance.now();
      computeStrengths(rows, { contributions });
      samples.push(performance.now() - t);
    }
    samples.sort((a, b) => a - b);
    return { median: samples[50]!, p95: samples[95]!, max: samples[99]! };
  };
  const bare = time(false);
  const full = time(true);
  // First call in a fresh process, as a page request after a deploy would see it.
  console.log(`DF-QuAD, 10,000 arguments: median ${bare.median.toFixed(2)} ms, p95 ${bare.p95.toFixed(2)} ms, max ${bare.max.toFixed(2)} ms (goal ≤ 50 ms)`);
  console.log(`  with every argument's contribution to the thesis: median ${full.median.toFixed(2)} ms, p95 ${full.p95.toFixed(2)} ms`);
  return bare;
}

// ───────────── Votes through the API ─────────────

async function seed(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const passwordHash = await hash(BENCH_PASSWORD, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    const tag = randomBytes(4).toString("hex");
    const users = Array.from({ length: USERS + 1 }, (_, i) => ({ id: id("u"), email: `bench-${tag}-${i}@example.test`, name: `Bench ${tag} ${i}` }));
    for (const u of users) {
      await client.query(
        `INSERT INTO "User" (id, email, name, "nameKey", handle, "passwordHash", "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, now())`,
        [u.id, u.email, u.name, u.name.toLowerCase(), u.email.split("@")[0], passwordHash],
      );
    }
    const author = users[0]!;
    const thesisId = id("t");
    await client.query(`INSERT INTO "Thesis" (id, slug, title, "authorId", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [
      thesisId,
      `bench-${tag}`,
      `Benchmark thesis ${tag}`,
      author.id,
    ]);
    const argumentIds: string[] = [];
    for (let i = 0; i < ARGUMENTS; i++) {
      const argumentId = id("a");
      const revisionId = id("r");
      await client.query(
        `INSERT INTO "Argument" (id, "thesisId", stance, body, "authorId", depth, path) VALUES ($1, $2, $3, $4, $5, 0, $1)`,
        [argumentId, thesisId, i % 2 ? "CON" : "PRO", `Benchmark argument ${i}`, author.id],
      );
      await client.query(`INSERT INTO "ArgumentRevision" (id, "argumentId", number, body, "editorId") VALUES ($1, $2, 1, $3, $4)`, [
        revisionId,
        argumentId,
        `Benchmark argument ${i}`,
        author.id,
      ]);
      await client.query(`UPDATE "Argument" SET "currentRevisionId" = $1 WHERE id = $2`, [revisionId, argumentId]);
      argumentIds.push(argumentId);
    }
    return { voters: users.slice(1), argumentIds, thesisId };
  } finally {
    await client.end();
  }
}

async function pool<T>(items: T[], width: number, run: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => { while (next < items.length) await run(items[next++]!); }));
}

/** One API token per member, made through POST /api/v1/tokens with the member's session, as a script author would. */
async function createToken(baseUrl: string, session: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/tokens`, {
    method: "POST",
    headers: { cookie: session, "content-type": "application/json" },
    body: JSON.stringify({ name: "bench" }),
  });
  if (response.status !== 201) throw new Error(`Creating an API token failed: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { secret: string }).secret;
}

async function benchVotes(baseUrl: string, databaseUrl: string, serverGroup: number | undefined, mode: "token" | "session") {
  const { voters, argumentIds } = await seed(databaseUrl);
  const t0 = performance.now();
  const credentials: Record<string, string>[] = [];
  await pool(voters, 4, async (v) => {
    const session = await signIn(baseUrl, v.email);
    credentials.push(mode === "token" ? { authorization: `Bearer ${await createToken(baseUrl, session)}` } : { cookie: session });
  });
  console.log(
    `\n${mode === "token" ? "API tokens (Authorization: Bearer)" : "Session cookies (as a browser would call the API)"}: ` +
      `${credentials.length} members signed in in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${argumentIds.length} arguments.`,
  );

  const send = httpClient(baseUrl, CONCURRENCY);
  let seedState = 99;
  const random = () => (seedState = (seedState * 1103515245 + 12345) % 2147483648) / 2147483648;
  const statuses = new Map<number, number>();
  const latencies: number[] = [];
  const vote = async () => {
    const auth = credentials[Math.floor(random() * credentials.length)]!;
    const argumentId = argumentIds[Math.floor(random() * argumentIds.length)]!;
    const roll = random();
    const t = performance.now();
    const { status } =
      roll < 0.15
        ? await send("DELETE", `/api/v1/arguments/${argumentId}/vote`, auth)
        : await send("PUT", `/api/v1/arguments/${argumentId}/vote`, { ...auth, "content-type": "application/json" }, JSON.stringify({ value: roll < 0.6 ? 1 : -1 }));
    latencies.push(performance.now() - t);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  };
  // Warm-up (JIT, connection pools), then the measured window.
  const warm = Date.now() + 3_000;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => { while (Date.now() < warm) await vote(); }));
  statuses.clear();
  latencies.length = 0;
  const start = performance.now();
  const cpuBefore = groupCpuSeconds(serverGroup);
  const end = Date.now() + SECONDS * 1000;
  const perSecond: number[] = [];
  let lastCount = 0;
  const ticker = setInterval(() => {
    perSecond.push(latencies.length - lastCount);
    lastCount = latencies.length;
  }, 1000);
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => { while (Date.now() < end) await vote(); }));
  clearInterval(ticker);
  const elapsed = (performance.now() - start) / 1000;
  const cpuAfter = groupCpuSeconds(serverGroup);
  latencies.sort((a, b) => a - b);
  const rate = latencies.length / elapsed;
  console.log(
    `Votes through PUT/DELETE /api/v1/arguments/:id/vote: ${latencies.length} in ${elapsed.toFixed(1)} s = ${rate.toFixed(0)} votes/s ` +
      `(${CONCURRENCY} concurrent clients, ${credentials.length} members; goal ≥ 1,000/s)`,
  );
  console.log(`  per second: ${perSecond.join(", ")}`);
  console.log(`  latency p50 ${latencies[Math.floor(latencies.length / 2)]!.toFixed(1)} ms, p95 ${latencies[Math.floor(latencies.length * 0.95)]!.toFixed(1)} ms, p99 ${latencies[Math.floor(latencies.length * 0.99)]!.toFixed(1)} ms`);
  console.log(`  statuses: ${[...statuses].map(([s, n]) => `${s}×${n}`).join(", ")}`);
  if (cpuBefore !== null && cpuAfter !== null) {
    const perVote = ((cpuAfter - cpuBefore) * 1000) / latencies.length;
    console.log(
      `  app server CPU: ${perVote.toFixed(2)} ms per vote → one fully available core serves ≈ ${(1000 / perVote).toFixed(0)} votes/s ` +
        `(load average now ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")} on ${execSync("nproc").toString().trim()} cores)`,
    );
  }

  // Every counter against the votes table.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query(
    `SELECT a.id, a."upCount", a."downCount",
            count(v.*) FILTER (WHERE v.value = 1 AND v."revisionId" = a."currentRevisionId")::int AS up,
            count(v.*) FILTER (WHERE v.value = -1 AND v."revisionId" = a."currentRevisionId")::int AS down
     FROM "Argument" a LEFT JOIN "Vote" v ON v."argumentId" = a.id
     WHERE a.id = ANY($1) GROUP BY a.id`,
    [argumentIds],
  );
  await client.end();
  const wrong = rows.filter((r) => r.upCount !== r.up || r.downCount !== r.down);
  console.log(`  counters checked against the votes table: ${wrong.length === 0 ? "all exact" : `${wrong.length} WRONG`}`);
  return { rate, wrong: wrong.length };
}

async function main() {
  const strength = benchStrength();
  let server: ChildProcess | undefined;
  try {
    let baseUrl = process.env.BENCH_URL;
    let databaseUrl = process.env.DATABASE_URL;
    if (!baseUrl) {
      databaseUrl = testDatabaseUrl("agora_test_bench");
      const started = await startServer(databaseUrl, Number(process.env.BENCH_PORT ?? 3190));
      baseUrl = started.url;
      server = started.server;
    }
    if (!databaseUrl) throw new Error("Set DATABASE_URL to the database of the server at BENCH_URL.");
    const token = await benchVotes(baseUrl, databaseUrl, server?.pid, "token");
    const session = process.env.BENCH_SESSIONS === "0" ? null : await benchVotes(baseUrl, databaseUrl, server?.pid, "session");
    const exact = token.wrong === 0 && (session?.wrong ?? 0) === 0;
    console.log(
      `\nSummary: ${token.rate.toFixed(0)} votes/s with API tokens (goal ≥ 1,000)` +
        `${session ? `, ${session.rate.toFixed(0)} votes/s with session cookies` : ""}; counters ${exact ? "exact" : "WRONG"}; ` +
        `DF-QuAD 10,000 arguments ${strength.median.toFixed(2)} ms median (goal ≤ 50 ms).`,
    );
  } finally {
    // The whole process group: the start script and the server processes under it.
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
