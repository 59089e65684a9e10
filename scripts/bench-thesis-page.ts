// Benchmark (not a test): how the thesis page's data loading scales with the size of the debate.
// Builds theses of growing size in a throw-away database, then measures the number of SQL queries and the
// median time of getThesisPage / getArgumentBranch. The query count must stay flat as the thesis grows.
//   npm run bench:thesis-page
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { resetTestDatabase, testDatabaseUrl } from "./db/test-database";

const SIZES = [10, 1_000, 10_000];
const RUNS = 15;

async function main() {
  const url = testDatabaseUrl("agora_test_bench");
  await resetTestDatabase(url);
  process.env.DATABASE_URL = url;
  process.env.AGORA_QUERY_EVENTS = "1";
  const { db, closeDatabase } = await import("../server/db");
  const { getThesisPage } = await import("../server/theses/get-thesis-page");
  const { getArgumentBranch } = await import("../server/arguments/get-argument-branch");

  let queries = 0;
  (db as unknown as { $on(e: "query", cb: () => void): void }).$on("query", () => queries++);
  const author = await db.user.create({ data: { email: "bench@example.test", name: "Bench", nameKey: "bench", handle: "bench" } });

  console.log("arguments | queries (page) | median ms (page) | queries (branch) | median ms (branch)");
  for (const size of SIZES) {
    const thesis = await db.thesis.create({ data: { slug: `bench-${size}`, title: `Bench ${size}`, authorId: author.id } });
    // A bushy tree: each new argument replies to a random earlier one (or the thesis), like a lively debate.
    const rows: { id: string; parentId: string | null; depth: number; path: string }[] = [];
    for (let i = 0; i < size; i++) {
      const parent = i < 5 || Math.random() < 0.15 ? null : rows[Math.floor(Math.random() * rows.length)]!;
      const id = `a${randomBytes(12).toString("hex")}`;
      rows.push({ id, parentId: parent?.id ?? null, depth: parent ? parent.depth + 1 : 0, path: parent ? `${parent.path}/${id}` : id });
    }
    for (let i = 0; i < rows.length; i += 1_000) {
      await db.argument.createMany({
        data: rows.slice(i, i + 1_000).map((row, j) => ({
          ...row,
          thesisId: thesis.id,
          authorId: author.id,
          stance: j % 2 ? ("CON" as const) : ("PRO" as const),
          body: `Benchmark argument ${i + j} with a little **Markdown** to render.`,
        })),
      });
    }
    const deepest = rows.reduce((a, b) => (b.depth > a.depth ? b : a));
    const branchRoot = rows.find((r) => r.id === deepest.path.split("/")[Math.max(0, deepest.depth - 3)])!;

    const measure = async (run: () => Promise<unknown>) => {
      const times: number[] = [];
      let count = 0;
      for (let r = 0; r < RUNS; r++) {
        queries = 0;
        const start = performance.now();
        await run();
        times.push(performance.now() - start);
        count = queries;
      }
      times.sort((a, b) => a - b);
      return { count, median: times[Math.floor(times.length / 2)]! };
    };
    const page = await measure(() => getThesisPage(thesis.slug));
    const branch = await measure(() => getArgumentBranch(thesis.slug, branchRoot.id));
    console.log(
      `${String(size).padStart(9)} | ${String(page.count).padStart(14)} | ${page.median.toFixed(1).padStart(16)} | ${String(branch.count).padStart(16)} | ${branch.median.toFixed(1).padStart(18)}`,
    );
  }
  await closeDatabase();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
