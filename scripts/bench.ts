// `npm run bench`: the debate view at 1,000, 10,000 and 100,000 arguments, against the production server.
//
// Builds its own database (agora_test_bench_view on the local test server) with generated theses (a bushy tree to
// depth 8, bodies of 300–800 characters, about 10 votes per argument, 2,000 cited quotes: server/seed/
// generate-debate.ts), starts `npm start` on it, drives each view with autocannon at a fixed concurrency, and
// measures the same rows fetched by plain SQL through `pg` at the same concurrency: the limit each view is compared
// with. Then votes/s through the API (tokens) and through the website's own server action, with the strength
// update included; counters and stored strength are checked afterwards. Prints one table and writes it as JSON
// (docs/bench/latest.json).
//
// Knobs: BENCH_SIZES (1000,10000,100000), BENCH_CONCURRENCY (8), BENCH_SECONDS (8), BENCH_PORT (3191).
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { hash } from "@node-rs/argon2";
import { testDatabaseUrl } from "./db/test-database";
import { groupCpuSeconds, serverRssMb, startServer } from "./bench/server";
import { BENCH_PASSWORD, httpClient, signIn } from "./bench/http";
import { CONCURRENCY, SECONDS, drive, driveSql, percentile, timedLoop, type Load } from "./bench/load";

const root = path.resolve(__dirname, "..");
const SIZES = (process.env.BENCH_SIZES ?? "1000,10000,100000").split(",").map(Number);

const size = (rows: unknown) => Buffer.byteLength(JSON.stringify(rows));

const CARD = `a.id, a."parentId", a.stance, a.body, a.status, a.depth, a."replyCount", a."createdAt", a."editedAt", a."upCount", a."downCount",
  a."staleUpCount", a."staleDownCount", a."wilsonScore", a.strength, a."currentRevisionId", u.name, u.handle`;

/** What the thesis first screen reads: the thesis, a page per side, their footnotes, the stances, what moves it most. */
async function firstScreenSql(client: pg.PoolClient, slug: string): Promise<number> {
  const thesis = (await client.query(`SELECT t.*, u.name, u.handle FROM "Thesis" t JOIN "User" u ON u.id = t."authorId" WHERE t.slug = $1`, [slug])).rows[0];
  const side = (stance: string) =>
    client.query(
      `SELECT ${CARD} FROM "Argument" a JOIN "User" u ON u.id = a."authorId" WHERE a."thesisId" = $1 AND a."parentId" IS NULL AND a.stance = $2
        ORDER BY a."wilsonScore" DESC, a."createdAt", a.id LIMIT 11`,
      [thesis.id, stance],
    );
  const pro = (await side("PRO")).rows;
  const con = (await side("CON")).rows;
  const ids = [...pro, ...con].map((r) => r.id);
  const cites = (await client.query(
    `SELECT a.id, c.number, q.exact, s.title FROM "Argument" a JOIN "Citation" c ON c."revisionId" = a."currentRevisionId" JOIN "Quote" q ON q.id = c."quoteId" JOIN "Source" s ON s.id = q."sourceId" WHERE a.id = ANY($1)`,
    [ids],
  )).rows;
  const stances = (await client.query(`SELECT value, count(*) FROM "ThesisStance" WHERE "thesisId" = $1 GROUP BY value`, [thesis.id])).rows;
  const strongest = (await client.query(
    `SELECT id, stance, strength, body FROM "Argument" WHERE "thesisId" = $1 AND "parentId" IS NULL AND status = 'VISIBLE' ORDER BY strength DESC LIMIT 6`,
    [thesis.id],
  )).rows;
  return size([thesis, pro, con, cites, stances, strongest]);
}

/** What an argument's focus view reads: the argument, its path, reply counts, a page per side, footnotes. */
async function focusSql(client: pg.PoolClient, argumentId: string): Promise<number> {
  const focus = (await client.query(`SELECT ${CARD}, a.path, a."thesisId" FROM "Argument" a JOIN "User" u ON u.id = a."authorId" WHERE a.id = $1`, [argumentId])).rows[0];
  const thesis = (await client.query(`SELECT * FROM "Thesis" WHERE id = $1`, [focus.thesisId])).rows[0];
  const ancestors = (await client.query(`SELECT ${CARD} FROM "Argument" a JOIN "User" u ON u.id = a."authorId" WHERE a.id = ANY($1)`, [focus.path.split("/").slice(0, -1)])).rows;
  const counts = (await client.query(`SELECT stance, count(*) FROM "Argument" WHERE "parentId" = $1 GROUP BY stance`, [argumentId])).rows;
  const side = (stance: string) =>
    client.query(
      `SELECT ${CARD} FROM "Argument" a JOIN "User" u ON u.id = a."authorId" WHERE a."thesisId" = $1 AND a."parentId" = $2 AND a.stance = $3
        ORDER BY a."wilsonScore" DESC, a."createdAt", a.id LIMIT 11`,
      [focus.thesisId, argumentId, stance],
    );
  const pro = (await side("PRO")).rows;
  const con = (await side("CON")).rows;
  const cites = (await client.query(
    `SELECT a.id, c.number, q.exact, s.title FROM "Argument" a JOIN "Citation" c ON c."revisionId" = a."currentRevisionId" JOIN "Quote" q ON q.id = c."quoteId" JOIN "Source" s ON s.id = q."sourceId" WHERE a.id = ANY($1)`,
    [[argumentId, ...pro.map((r) => r.id), ...con.map((r) => r.id)]],
  )).rows;
  return size([focus, thesis, ancestors, counts, pro, con, cites]);
}

async function voteLoad(send: ReturnType<typeof httpClient>, request: () => [string, string, Record<string, string>, string]) {
  const statuses = new Map<number, number>();
  let bytes = 0;
  const { latencies, rate } = await timedLoop(async () => {
    const [method, urlPath, headers, body] = request();
    const answer = await send(method, urlPath, headers, body);
    bytes = Math.max(bytes, answer.bytes);
    statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
  });
  return { rate, p50: percentile(latencies, 0.5), bytes, statuses: Object.fromEntries(statuses) };
}

function voteActionId(): string {
  const manifest = JSON.parse(readFileSync(path.join(root, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === "voteAction");
  if (!found) throw new Error("voteAction is not in the build's server-reference manifest.");
  return found[0];
}

async function main() {
  const databaseUrl = testDatabaseUrl("agora_test_bench_view");
  const port = Number(process.env.BENCH_PORT ?? 3191);
  const { url: baseUrl, server } = await startServer(databaseUrl, port);
  process.env.DATABASE_URL = databaseUrl;
  process.env.AGORA_QUERY_EVENTS = "1";
  const { db, closeDatabase } = await import("../server/db");
  const { generateDebate } = await import("../server/seed/generate-debate");
  const { verifyStrength } = await import("../server/strength/verify-strength");
  const { getThesisFirstScreen } = await import("../server/theses/get-thesis-first-screen");
  const { getArgumentFocus } = await import("../server/arguments/get-argument-focus");
  let queries = 0;
  (db as unknown as { $on(e: "query", cb: () => void): void }).$on("query", () => queries++);
  const countQueries = async (run: () => Promise<unknown>) => {
    queries = 0;
    await run();
    return queries;
  };
  const pool = new pg.Pool({ connectionString: databaseUrl, max: CONCURRENCY });
  // The server's own CPU per answer: unlike latency, it does not depend on what else the machine runs.
  const driveServer = async (url: string) => {
    const before = groupCpuSeconds(server.pid);
    const load = await drive(url);
    const after = groupCpuSeconds(server.pid);
    const requests = load.rps * SECONDS;
    return { ...load, cpuMs: before !== null && after !== null && requests > 0 ? ((after - before) * 1000) / requests : null };
  };
  const results: Record<string, unknown>[] = [];
  try {
    const tag = randomBytes(3).toString("hex");
    const passwordHash = await hash(BENCH_PASSWORD, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    const make = async (prefix: string, count: number) => {
      await db.user.createMany({
        data: Array.from({ length: count }, (_, i) => ({
          email: `${prefix}-${tag}-${i}@example.test`,
          name: `${prefix} ${tag} ${i}`,
          nameKey: `${prefix} ${tag} ${i}`,
          handle: `${prefix}-${tag}-${i}`,
          passwordHash,
          // A day old: ordinary members' limits, not a new account's.
          createdAt: new Date(Date.now() - 2 * 86_400_000),
        })),
      });
      return db.user.findMany({ where: { handle: { startsWith: `${prefix}-${tag}-` } }, select: { id: true, email: true } });
    };
    const authors = await make("author", 50);
    const voters = await make("voter", 300);
    const firstPage = { sort: "best" as const, cursors: { PRO: null, CON: null } };
    // What any page costs through Next here, whatever it shows: the sign-in form reads nothing from the database.
    const floor = await driveServer(`${baseUrl}/login`);

    for (const n of SIZES) {
      const t0 = performance.now();
      const debate = await generateDebate({
        slug: `bench-${tag}-${n}`,
        size: n,
        authorIds: authors.map((a) => a.id),
        voterIds: voters.map((v) => v.id),
        votesPerArgument: 10,
        quotes: Math.min(2_000, Math.floor(n / 2)),
        seed: n,
      });
      // What autovacuum does to freshly loaded tables within minutes (it is off on the shared test server): without
      // it, the first view measured after a bulk load pays for setting hint bits and plans on stale statistics.
      await db.$executeRawUnsafe(`VACUUM ANALYZE "Argument", "ArgumentRevision", "Vote", "Citation", "Quote", "Source", "Thesis", "User"`);
      // And the load's dirty pages written out now, not by the checkpointer during the measurements: on two cores a
      // million freshly inserted votes being flushed made every view of the next minute cost 1.2-1.7x the CPU.
      await db.$executeRawUnsafe("CHECKPOINT");
      console.log(`\n${n.toLocaleString("en")} arguments: generated in ${((performance.now() - t0) / 1000).toFixed(1)} s (${debate.voteCount.toLocaleString("en")} votes)`);
      const viewer = null;
      const row: Record<string, unknown> = {
        arguments: n,
        queries: {
          firstScreen: await countQueries(() => getThesisFirstScreen(debate.slug, viewer, firstPage)),
          focus: await countQueries(() => getArgumentFocus(debate.slug, debate.deepestId, viewer, firstPage)),
        },
      };
      const focusPath = `/t/${debate.slug}/a/${debate.deepestId}`;
      row.page = await driveServer(`${baseUrl}/t/${debate.slug}`);
      row.focusPage = await driveServer(`${baseUrl}${focusPath}`);
      row.json = await driveServer(`${baseUrl}/api/v1/theses/${debate.slug}`);
      row.focusJson = await driveServer(`${baseUrl}/api/v1/arguments/${debate.deepestId}`);
      row.sql = await driveSql(pool, (client) => firstScreenSql(client, debate.slug));
      row.focusSql = await driveSql(pool, (client) => focusSql(client, debate.deepestId));
      row.deepestDepth = (await db.argument.findUniqueOrThrow({ where: { id: debate.deepestId }, select: { depth: true } })).depth;
      row.debate = debate;
      results.push(row);
      const l = (x: unknown) => x as Load;
      console.log(
        `  first screen: p50 ${l(row.page).p50.toFixed(1)} ms, p95 ${l(row.page).p95.toFixed(1)} ms, ${l(row.page).rps.toFixed(0)} req/s, ${l(row.page).bytes} B;` +
          ` plain SQL p50 ${l(row.sql).p50.toFixed(1)} ms; JSON p50 ${l(row.json).p50.toFixed(1)} ms, ${l(row.json).bytes} B`,
      );
      console.log(
        `  focus (depth ${row.deepestDepth}): p50 ${l(row.focusPage).p50.toFixed(1)} ms, p95 ${l(row.focusPage).p95.toFixed(1)} ms, ${l(row.focusPage).bytes} B;` +
          ` plain SQL p50 ${l(row.focusSql).p50.toFixed(1)} ms; JSON p50 ${l(row.focusJson).p50.toFixed(1)} ms`,
      );
    }

    // ───────────── Votes, with the strength update, on the largest debate ─────────────
    const largest = results[results.length - 1]!.debate as { slug: string; thesisId: string; argumentIds: string[] };
    const send = httpClient(baseUrl, CONCURRENCY);
    let state = 4242;
    const rand = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pickArgument = () => largest.argumentIds[Math.floor(rand() * largest.argumentIds.length)]!;
    const tokens: string[] = [];
    for (const voter of voters.slice(0, 100)) {
      const secret = `agora_${randomBytes(32).toString("base64url")}`;
      await db.apiToken.create({ data: { userId: voter.id, name: "bench", tokenHash: createHash("sha256").update(secret).digest("hex"), prefix: secret.slice(0, 12) } });
      tokens.push(secret);
    }
    const cpu0 = groupCpuSeconds(server.pid);
    const api = await voteLoad(send, () => {
      const roll = rand();
      const auth = { authorization: `Bearer ${tokens[Math.floor(rand() * tokens.length)]}` };
      return roll < 0.15
        ? ["DELETE", `/api/v1/arguments/${pickArgument()}/vote`, auth, ""]
        : ["PUT", `/api/v1/arguments/${pickArgument()}/vote`, { ...auth, "content-type": "application/json" }, JSON.stringify({ value: roll < 0.6 ? 1 : -1 })];
    });
    const cpu1 = groupCpuSeconds(server.pid);
    const actionId = voteActionId();
    const sessions: string[] = [];
    for (const voter of voters.slice(100, 140)) sessions.push(await signIn(baseUrl, voter.email));
    const action = await voteLoad(send, () => [
      "POST",
      `/t/${largest.slug}`,
      { "next-action": actionId, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", cookie: sessions[Math.floor(rand() * sessions.length)]!, origin: baseUrl },
      JSON.stringify([{ argumentId: pickArgument(), value: rand() < 0.6 ? 1 : -1 }]),
    ]);
    const cpu2 = groupCpuSeconds(server.pid);

    const wrong = (
      await pool.query(
        `SELECT a.id FROM "Argument" a LEFT JOIN "Vote" v ON v."argumentId" = a.id
          WHERE a."thesisId" = $1 GROUP BY a.id
         HAVING a."upCount" <> count(v.*) FILTER (WHERE v.value = 1 AND v."revisionId" = a."currentRevisionId")
             OR a."downCount" <> count(v.*) FILTER (WHERE v.value = -1 AND v."revisionId" = a."currentRevisionId")`,
        [largest.thesisId],
      )
    ).rowCount;
    const strength = await verifyStrength(largest.thesisId);
    const votes = {
      api: { ...api, cpuMsPerVote: cpu0 !== null && cpu1 !== null ? ((cpu1 - cpu0) * 1000) / (api.rate * SECONDS) : null },
      action: { ...action, cpuMsPerVote: cpu1 !== null && cpu2 !== null ? ((cpu2 - cpu1) * 1000) / (action.rate * SECONDS) : null },
      countersWrong: wrong,
      strengthMismatches: strength.mismatches.length,
    };
    const rss = serverRssMb(server.pid);

    // ───────────── The table ─────────────
    const base = results[0]!;
    const lines: string[] = [];
    const l = (r: Record<string, unknown>, k: string) => r[k] as Load;
    lines.push(`Agora debate-view benchmark, ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), concurrency ${CONCURRENCY}, ${SECONDS} s per row`);
    lines.push("");
    lines.push("| arguments | view | p50 ms | p95 ms | req/s | server CPU ms/req | bytes | plain SQL p50 ms | ratio to SQL | queries |");
    lines.push("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (const r of results) {
      const q = r.queries as { firstScreen: number; focus: number };
      const rowOf = (name: string, load: Load & { cpuMs?: number | null }, sql: Load, queries: number | string) =>
        `| ${(r.arguments as number).toLocaleString("en")} | ${name} | ${load.p50.toFixed(1)} | ${load.p95.toFixed(1)} | ${load.rps.toFixed(0)} | ${load.cpuMs?.toFixed(1) ?? "?"} | ${load.bytes.toLocaleString("en")} | ${sql.p50.toFixed(2)} | ${(load.p50 / sql.p50).toFixed(1)}× | ${queries} |`;
      lines.push(rowOf("thesis first screen (HTML)", l(r, "page"), l(r, "sql"), q.firstScreen));
      lines.push(rowOf("thesis first screen (JSON)", l(r, "json"), l(r, "sql"), q.firstScreen));
      lines.push(rowOf(`focus, depth ${r.deepestDepth} (HTML)`, l(r, "focusPage"), l(r, "focusSql"), q.focus));
      lines.push(rowOf(`focus, depth ${r.deepestDepth} (JSON)`, l(r, "focusJson"), l(r, "focusSql"), q.focus));
    }
    const last = results[results.length - 1]!;
    const check = (ok: boolean) => (ok ? "met" : "MISSED");
    const bytesRatio = l(last, "page").bytes / l(base, "page").bytes;
    const p50Ratio = l(last, "page").p50 / l(base, "page").p50;
    const sqlRatio = l(last, "page").p50 / l(last, "sql").p50;
    const jsonRatio = l(last, "json").p50 / l(last, "sql").p50;
    const sameQueries = results.every((r) => JSON.stringify(r.queries) === JSON.stringify(base.queries));
    lines.push("");
    lines.push(`Targets (largest vs smallest, ${(last.arguments as number).toLocaleString("en")} vs ${(base.arguments as number).toLocaleString("en")} arguments):`);
    lines.push(`- first-screen bytes within 10%: ${bytesRatio.toFixed(3)}× — ${check(Math.abs(bytesRatio - 1) <= 0.1)}`);
    lines.push(`- first-screen p50 within 1.5×: ${p50Ratio.toFixed(2)}× — ${check(p50Ratio <= 1.5)}`);
    lines.push(`- first-screen p50 within 3× plain SQL: ${sqlRatio.toFixed(1)}× — ${check(sqlRatio <= 3)}`);
    lines.push(`- JSON p50 within 2× plain SQL: ${jsonRatio.toFixed(1)}× — ${check(jsonRatio <= 2)}`);
    lines.push(`- queries per view constant: ${check(sameQueries)}`);
    lines.push(
      `Next's own floor on this machine: the sign-in page (a form, no query) answers at p50 ${floor.p50.toFixed(1)} ms, ${floor.rps.toFixed(0)} req/s, ` +
        `${floor.cpuMs?.toFixed(1) ?? "?"} ms of server CPU per answer; 3× plain SQL would be p50 ${(3 * l(last, "sql").p50).toFixed(1)} ms.`,
    );
    lines.push("");
    lines.push(
      `Votes on the ${(last.arguments as number).toLocaleString("en")}-argument thesis, strength kept on write: API tokens ${api.rate.toFixed(0)} votes/s (p50 ${api.p50.toFixed(1)} ms, ${api.bytes} B per answer, ` +
        `statuses ${JSON.stringify(api.statuses)}); website vote action ${action.rate.toFixed(0)} votes/s (p50 ${action.p50.toFixed(1)} ms, ${action.bytes} B per answer, statuses ${JSON.stringify(action.statuses)}).`,
    );
    lines.push(`Counters checked against the votes table: ${wrong === 0 ? "all exact" : `${wrong} WRONG`}; stored strength vs full recompute: ${strength.mismatches.length === 0 ? "all equal" : `${strength.mismatches.length} DIFFER`}.`);
    lines.push(`Server RSS after the run: ${rss?.toFixed(0) ?? "?"} MB.`);
    const table = lines.join("\n");
    console.log(`\n${table}`);
    mkdirSync(path.join(root, "docs", "bench"), { recursive: true });
    writeFileSync(
      path.join(root, "docs", "bench", "latest.json"),
      `${JSON.stringify({ date: new Date().toISOString(), machine: { cores: os.cpus().length, model: os.cpus()[0]?.model }, concurrency: CONCURRENCY, seconds: SECONDS, floor, results: results.map(({ debate: _d, ...r }) => r), votes, rssMb: rss, table }, null, 2)}\n`,
    );
    if (wrong !== 0 || strength.mismatches.length !== 0) process.exitCode = 1;
  } finally {
    await pool.end();
    await closeDatabase();
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
