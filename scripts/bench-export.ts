// `npm run bench:export`: the JSON export of a generated 10,000-argument thesis (server/seed/generate-debate.ts:
// bodies of 300–800 characters, about 10 votes each, 2,000 cited quotes), streamed through the same code the
// export route answers with, five times. Reports the time to the last byte and the growth of the process's
// resident memory over its level before each run (budget: ≤ 2 s, < 100 MB). Builds its own database,
// agora_test_bench_export.
import { randomBytes } from "node:crypto";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
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
    const sorted = [...runs].sort((a, b) => a.ms - b.ms);
    const median = sorted[Math.floor(RUNS / 2)]!;
    const worstGrowth = Math.max(...runs.map((r) => r.growthMb));
    console.log(
      `\nExport of ${SIZE.toLocaleString("en")} arguments: median ${median.ms.toFixed(0)} ms (budget ${BUDGET_MS}), ${mb(median.bytes).toFixed(1)} MB, ` +
        `largest memory growth ${worstGrowth.toFixed(1)} MB (budget ${BUDGET_MB}).`,
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
