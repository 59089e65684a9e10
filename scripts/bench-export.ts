// `npm run bench:export`: the JSON export of a generated 10,000-argument thesis (server/seed/generate-debate.ts:
// bodies of 300–800 characters, about 10 votes each, 2,000 cited quotes), streamed through the same code the
// export route answers with, five times. Reports the time to the last byte and the growth of the process's
// resident memory over its level before each run (budget: ≤ 2 s, < 100 MB), and the same rows read by plain SQL.
// Builds its own database, agora_test_bench_export, vacuumed after generating as autovacuum would
// (BENCH_EXPORT_VACUUM=0 measures the bloated tables instead).
import { randomBytes } from "node:crypto";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import os from "node:os";
import pg from "pg";
import { resetTestDatabase, testDatabaseUrl } from "./db/test-database";

const SIZE = 10_000;
const RUNS = 5;
const BUDGET_MS = 2_000;
const BUDGET_MB = 100;

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const mb = (bytes: number) => bytes / 1024 / 1024;

async function main() {
  const databaseUrl = testDatabaseUrl("agora_test_bench_export");
  await resetTestDatabase(databaseUrl);
  process.env.DATABASE_URL = databaseUrl;
  const { db, closeDatabase } = await import("../server/db");
  const { generateDebate } = await import("../server/seed/generate-debate");
  const { openThesisExport, streamThesisExport } = await import("../server/interchange/export-thesis");
  try {
    const tag = randomBytes(3).toString("hex");
    const make = async (prefix: string, count: number, role: "USER" | "ADMIN" = "USER") => {
      await db.user.createMany({
        data: Array.from({ length: count }, (_, i) => ({
          email: `${prefix}-${tag}-${i}@example.test`, name: `${prefix} ${tag} ${i}`, nameKey: `${prefix} ${tag} ${i}`, handle: `${prefix}-${tag}-${i}`, role,
        })),
      });
      return db.user.findMany({ where: { handle: { startsWith: `${prefix}-${tag}-` } }, select: { id: true, role: true } });
    };
    const [admin] = await make("admin", 1, "ADMIN");
    const authors = await make("author", 50);
    const voters = await make("voter", 300);
    const t = performance.now();
    const debate = await generateDebate({ slug: `export-bench-${tag}`, size: SIZE, authorIds: authors.map((a) => a.id), voterIds: voters.map((v) => v.id), votesPerArgument: 10, quotes: 2_000 });
    console.log(`Generated ${SIZE.toLocaleString("en")} arguments and ${debate.voteCount.toLocaleString("en")} votes in ${((performance.now() - t) / 1000).toFixed(1)} s.`);
    // Generating leaves several dead row versions per argument (each vote rewrites its counts and strengths up the
    // path). A production server's autovacuum clears them within minutes; the test server runs with it off.
    if (process.env.BENCH_EXPORT_VACUUM !== "0") await db.$executeRawUnsafe(`VACUUM ANALYZE "Argument", "ArgumentRevision", "Citation", "User"`);

    const runs: { ms: number; firstByteMs: number; bytes: number; growthMb: number }[] = [];
    for (let run = 0; run < RUNS; run++) {
      gc();
      const before = process.memoryUsage().rss;
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
      const start = performance.now();
      let firstByteMs = 0;
      let bytes = 0;
      // What the route does for GET /api/v1/theses/:slug/export as an administrator, read as a client would.
      const reader = streamThesisExport(await openThesisExport(debate.slug, admin!)).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        if (bytes === 0) firstByteMs = performance.now() - start;
        bytes += value.byteLength;
        peak = Math.max(peak, process.memoryUsage().rss);
      }
      const ms = performance.now() - start;
      clearInterval(sampler);
      runs.push({ ms, firstByteMs, bytes, growthMb: mb(peak - before) });
      console.log(`run ${run + 1}: ${ms.toFixed(0)} ms (first byte ${firstByteMs.toFixed(0)} ms), ${mb(bytes).toFixed(1)} MB sent, memory growth ${mb(peak - before).toFixed(1)} MB`);
    }
    // The limit to compare with: the same rows (arguments with their authors, revisions with their editors,
    // citations) read by plain SQL through `pg` in the same keyset batches, as rows, nothing serialised.
    const { EXPORT_BATCH } = await import("../server/interchange/export-thesis");
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const sqlMs: number[] = [];
    try {
      const { id: thesisId } = (await client.query(`SELECT id FROM "Thesis" WHERE slug = $1`, [debate.slug])).rows[0];
      for (let run = 0; run < RUNS; run++) {
        const start = performance.now();
        for (let after = ""; ; ) {
          const { rows } = await client.query(
            `SELECT a.*, u.handle, u.name FROM "Argument" a JOIN "User" u ON u.id = a."authorId" WHERE a."thesisId" = $1 AND a.path > $2 ORDER BY a.path LIMIT $3`,
            [thesisId, after, EXPORT_BATCH],
          );
          if (rows.length === 0) break;
          const revisions = await client.query(
            `SELECT r.*, e.handle, e.name FROM "ArgumentRevision" r JOIN "User" e ON e.id = r."editorId" WHERE r."argumentId" = ANY($1) ORDER BY r."argumentId", r.number`,
            [rows.map((row) => row.id)],
          );
          await client.query(`SELECT * FROM "Citation" WHERE "revisionId" = ANY($1)`, [revisions.rows.map((row) => row.id)]);
          after = rows[rows.length - 1].path;
          if (rows.length < EXPORT_BATCH) break;
        }
        sqlMs.push(performance.now() - start);
      }
    } finally {
      await client.end();
    }
    const sqlMedian = [...sqlMs].sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
    const sorted = [...runs].sort((a, b) => a.ms - b.ms);
    const median = sorted[Math.floor(RUNS / 2)]!;
    const worstGrowth = Math.max(...runs.map((r) => r.growthMb));
    console.log(
      `\nExport of ${SIZE.toLocaleString("en")} arguments: median ${median.ms.toFixed(0)} ms (budget ${BUDGET_MS}), ${mb(median.bytes).toFixed(1)} MB, ` +
        `largest memory growth ${worstGrowth.toFixed(1)} MB (budget ${BUDGET_MB}). Plain SQL, the same rows: median ${sqlMedian.toFixed(0)} ms ` +
        `(export ${(median.ms / sqlMedian).toFixed(1)}× that). ${os.cpus().length} cores, load average ${os.loadavg().map((n) => n.toFixed(1)).join(" ")}.`,
    );
    if (median.ms > BUDGET_MS || worstGrowth >= BUDGET_MB) process.exitCode = 1;
  } finally {
    await closeDatabase();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
