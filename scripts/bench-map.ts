// `npm run bench:map`: the argument map page (/t/<slug>/map) at 500 and 10,000 arguments, against the production
// server, compared with the same rows fetched by plain SQL through `pg` at the same concurrency.
//
// Builds its own database (agora_test_bench_map on the local test server) with generated debates
// (server/seed/generate-debate.ts), starts `npm start` on it (the production build), drives each map with
// autocannon and prints a table; writes it as JSON to docs/bench/map-latest.json. Target: p50 ≤ 300 ms at 10,000.
//
// Knobs: BENCH_MAP_SIZES (500,10000), BENCH_CONCURRENCY (8), BENCH_SECONDS (8), BENCH_PORT (3192).
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { testDatabaseUrl } from "./db/test-database";
import { startServer } from "./bench/server";
import { CONCURRENCY, SECONDS, drive, driveSql, type Load } from "./bench/load";

const root = path.resolve(__dirname, "..");
const SIZES = (process.env.BENCH_MAP_SIZES ?? "500,10000").split(",").map(Number);
const TARGET_P50_MS = 300;

async function main() {
  const databaseUrl = testDatabaseUrl("agora_test_bench_map");
  const { url: baseUrl, server } = await startServer(databaseUrl, Number(process.env.BENCH_PORT ?? 3192));
  process.env.DATABASE_URL = databaseUrl;
  const { db, closeDatabase } = await import("../server/db");
  const { generateDebate } = await import("../server/seed/generate-debate");
  const { getArgumentMap } = await import("../server/arguments/get-argument-map");
  const pool = new pg.Pool({ connectionString: databaseUrl, max: CONCURRENCY });
  const rows: { arguments: number; nodes: number; drawn: number; page: Load; sql: Load }[] = [];
  try {
    const tag = randomBytes(3).toString("hex");
    const authors = await db.user.createManyAndReturn({
      data: Array.from({ length: 20 }, (_, i) => ({ email: `map-${tag}-${i}@example.test`, name: `Map ${tag} ${i}`, nameKey: `map ${tag} ${i}`, handle: `map-${tag}-${i}` })),
      select: { id: true },
    });
    const voters = await db.user.createManyAndReturn({
      data: Array.from({ length: 40 }, (_, i) => ({ email: `mapv-${tag}-${i}@example.test`, name: `Map voter ${tag} ${i}`, nameKey: `map voter ${tag} ${i}`, handle: `mapv-${tag}-${i}` })),
      select: { id: true },
    });
    for (const n of SIZES) {
      // Votes give the arguments different strengths, so node sizes and the order of siblings vary as in life.
      const debate = await generateDebate({ slug: `bench-map-${tag}-${n}`, size: n, authorIds: authors.map((a) => a.id), voterIds: voters.map((v) => v.id), votesPerArgument: 4, seed: n });
      const map = await getArgumentMap(debate.slug, null);
      // One request first, so the first timed ones do not pay for loading the page's code.
      const first = await fetch(`${baseUrl}/t/${debate.slug}/map`);
      if (!first.ok) throw new Error(`The map answered ${first.status}.`);
      await first.arrayBuffer();
      const page = await drive(`${baseUrl}/t/${debate.slug}/map`);
      // The rows the map is drawn from: the thesis, then the visible tree's five short columns.
      const sql = await driveSql(pool, async (client) => {
        const thesis = (await client.query(`SELECT t.*, u.name, u.handle FROM "Thesis" t JOIN "User" u ON u.id = t."authorId" WHERE t.slug = $1`, [debate.slug])).rows[0];
        const tree = await client.query(
          `SELECT id, "parentId", stance, strength, left(body, 120) AS opening FROM "Argument" WHERE "thesisId" = $1 AND status = 'VISIBLE'`,
          [thesis.id],
        );
        return Buffer.byteLength(JSON.stringify([thesis, tree.rows]));
      });
      rows.push({ arguments: n, nodes: map.nodeCount, drawn: map.drawnArguments, page, sql });
      console.log(`${n.toLocaleString("en")} arguments: map p50 ${page.p50.toFixed(1)} ms (${page.errors} errors), plain SQL p50 ${sql.p50.toFixed(1)} ms`);
    }
  } finally {
    await pool.end();
    await closeDatabase();
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  }

  const lines = [
    `Agora argument-map benchmark, ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}, concurrency ${CONCURRENCY}, ${SECONDS} s per row`,
    "",
    "| arguments | nodes drawn | map p50 ms | p95 ms | req/s | bytes | plain SQL p50 ms | ratio to SQL |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map(
      (r) =>
        `| ${r.arguments.toLocaleString("en")} | ${r.nodes} (${r.drawn} arguments) | ${r.page.p50.toFixed(1)} | ${r.page.p95.toFixed(1)} | ${r.page.rps.toFixed(0)} | ${r.page.bytes.toLocaleString("en")} | ${r.sql.p50.toFixed(2)} | ${(r.page.p50 / r.sql.p50).toFixed(1)}× |`,
    ),
  ];
  const largest = rows[rows.length - 1]!;
  const met = largest.page.p50 <= TARGET_P50_MS && largest.page.errors === 0;
  lines.push("", `Target: map of ${largest.arguments.toLocaleString("en")} arguments p50 ≤ ${TARGET_P50_MS} ms — ${met ? "met" : "MISSED"} (${largest.page.p50.toFixed(1)} ms).`);
  const table = lines.join("\n");
  console.log(`\n${table}`);
  mkdirSync(path.join(root, "docs", "bench"), { recursive: true });
  writeFileSync(path.join(root, "docs", "bench", "map-latest.json"), `${JSON.stringify({ date: new Date().toISOString(), concurrency: CONCURRENCY, seconds: SECONDS, loadAverage: os.loadavg(), rows, table }, null, 2)}\n`);
  if (!met) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
