// `npm run bench:search` (also run by `npm run bench`): full-text search over 1,000, 10,000 and 100,000 arguments,
// against the production server, compared with the plain SQL of the same query through `pg` at the same
// concurrency.
//
// Builds its own database (agora_test_bench_search on the local test server) and grows one corpus: generated debates
// (server/seed/generate-debate.ts: the tree, authors, revisions) of 1,000, then 9,000, then 90,000 arguments, so
// search covers 1k, 10k and 100k arguments in turn. The generator's bodies repeat 30 words, so that every word is
// in every argument; for search the bench rewrites them (arguments and their revisions) as text with the shape of
// prose: stop words, a Zipf-distributed vocabulary of 20,000 words, and set phrases. A common word is then in most
// arguments, a rare one in about 0.1%, as in real debates. After each step the arguments table is compacted (VACUUM
// FULL: the generator and the rewrite write each row three times) and analysed, as on a live site.
//
// For each size, five queries (common word, rare word, two-word phrase, common word filtered to one thesis's
// arguments, common word newest first), each measured four ways at BENCH_CONCURRENCY:
//   - HTTP: GET /api/v1/search on the production server (autocannon), what API clients and the page see;
//   - function: searchContent() in this process (the app's code and Prisma, no HTTP), at the largest size only;
//   - app SQL: the statement searchContent issues (searchStatement, literally), through `pg`;
//   - plain SQL: the same statement without ts_headline (raw title and body instead of snippets), through `pg`:
//     the same rows in the same order, the limit the app is compared with.
// Targets at 100,000 arguments: HTTP p50 ≤ 50 ms and ≤ 3× plain SQL. Prints a table, writes docs/bench/
// search-latest.json.
//
// Knobs: BENCH_SEARCH_SIZES (1000,10000,100000), BENCH_CONCURRENCY (8), BENCH_SECONDS (8), BENCH_PORT (3193).
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { seededRandom } from "@/lib/seeded-random";
import { testDatabaseUrl } from "./db/test-database";
import { startServer } from "./bench/server";
import { CONCURRENCY, SECONDS, drive, driveSql, percentile, timedLoop, type Load } from "./bench/load";

const root = path.resolve(__dirname, "..");
const SIZES = (process.env.BENCH_SEARCH_SIZES ?? "1000,10000,100000").split(",").map(Number);
const TARGET_P50_MS = 50;
const TARGET_RATIO = 3;

// ───────────── Text with the shape of prose ─────────────

const TOPICAL = (
  "negotiations ceasefire sanctions sovereignty guarantees territory security alliance reconstruction evidence " +
  "claims military economy pressure referendum neutrality aid treaty border elections leadership frontline " +
  "diplomacy inflation energy exports reserves escalation deterrence commitments monitoring withdrawal"
).split(" ");
const STOP = "the of and to a in is that for it as with be on not this but by are from or have an they which would will was".split(" ");
/** Set phrases, one of which a good part of the arguments use: what a quoted two-word query finds. */
const PHRASES = ["security guarantees", "energy exports", "border monitoring", "peace talks", "frozen conflict", "war crimes", "grain corridor", "prisoner exchange", "air defence", "debt relief"];
const VOCABULARY_SIZE = 20_000;

/** The debate's own words first (the most frequent), then invented words as the long tail; Zipf weights 1/rank. */
function vocabulary() {
  const random = seededRandom(20_000);
  const words = new Set(TOPICAL);
  const onsets = "b c d f g h k l m n p r s t v w z br dr gr pl st tr".split(" ");
  const vowels = "a e i o u ai ea ou".split(" ");
  while (words.size < VOCABULARY_SIZE) {
    let word = "";
    for (let s = random.int(2, 4); s > 0; s--) word += random.pick(onsets) + random.pick(vowels);
    words.add(word + random.pick(["", "n", "r", "s", "l", "t"]));
  }
  const list = [...words];
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= list.length; rank++) cumulative.push((total += 1 / rank));
  return { list, cumulative, total };
}

function bodyWriter(seed: number) {
  const { list, cumulative, total } = vocabulary();
  const random = seededRandom(seed);
  const zipf = () => {
    const x = random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return list[lo]!;
  };
  return () => {
    const length = 300 + Math.floor(random.next() * 500);
    const phrase = random.chance(0.4) ? random.pick(PHRASES) : null;
    const phraseAt = Math.floor(random.next() * length);
    let body = "";
    let sentence = 0;
    while (body.length < length) {
      if (phrase && body.length >= phraseAt && !body.includes(phrase)) body += `${phrase} `;
      let word = random.chance(0.45) ? random.pick(STOP) : zipf();
      if (sentence === 0) word = word[0]!.toUpperCase() + word.slice(1);
      sentence++;
      const end = sentence > 8 && random.chance(0.12);
      body += end ? `${word}. ` : `${word} `;
      if (end) sentence = 0;
    }
    return `${body.trim().replace(/[^.]$/, "$&.")}`;
  };
}

/**
 * The plain SQL of a search: the app's statement with each ts_headline(…) replaced by the text it would cut, and
 * the headline options' parameters left out (the others renumbered).
 */
function withoutHeadlines(text: string, values: unknown[]): { text: string; values: unknown[] } {
  const dropped = new Set<number>();
  const cut = text.replace(/ts_headline\('english', (.+?), q\.query, \$(\d+)\)/g, (_, document: string, n: string) => {
    dropped.add(Number(n));
    return document;
  });
  if (dropped.size === 0) throw new Error("The search statement has no ts_headline to leave out: update the bench.");
  const kept = values.map((_, i) => i + 1).filter((n) => !dropped.has(n));
  const renumber = new Map(kept.map((n, i) => [n, i + 1]));
  return { text: cut.replace(/\$(\d+)/g, (_, n: string) => `$${renumber.get(Number(n))}`), values: kept.map((n) => values[n - 1]) };
}

/** What each row of the table measures. */
interface Query {
  name: string;
  params: Record<string, string>;
}

interface Row {
  arguments: number;
  query: string;
  url: string;
  matches: number;
  http: Load;
  fn: Load | null;
  appSql: Load;
  sql: Load;
}

async function main() {
  const databaseUrl = testDatabaseUrl("agora_test_bench_search");
  const { url: baseUrl, server } = await startServer(databaseUrl, Number(process.env.BENCH_PORT ?? 3193));
  process.env.DATABASE_URL = databaseUrl;
  const { db, closeDatabase } = await import("../server/db");
  const { generateDebate } = await import("../server/seed/generate-debate");
  const { searchContent, searchStatement } = await import("../server/search/search-content");
  const { searchParamsSchema } = await import("../lib/validation/search");
  const pool = new pg.Pool({ connectionString: databaseUrl, max: CONCURRENCY });
  const rows: Row[] = [];
  const { list } = vocabulary();
  const common = list[2]!; // the third most frequent word: in most arguments
  const rare = list[2_999]!; // rank 3,000: in about 0.2% of them
  try {
    const tag = randomBytes(3).toString("hex");
    const authors = await db.user.createManyAndReturn({
      data: Array.from({ length: 20 }, (_, i) => ({ email: `search-${tag}-${i}@example.test`, name: `Search ${tag} ${i}`, nameKey: `search ${tag} ${i}`, handle: `search-${tag}-${i}` })),
      select: { id: true },
    });
    const write = bodyWriter(4242);
    let total = 0;
    let firstThesis: { slug: string; id: string } | null = null;
    for (const n of SIZES) {
      const started = performance.now();
      const debate = await generateDebate({ slug: `bench-search-${tag}-${n}`, size: n - total, authorIds: authors.map((a) => a.id), seed: n });
      firstThesis ??= { slug: debate.slug, id: debate.thesisId };
      for (let k = 0; k < debate.argumentIds.length; k += 5_000) {
        const ids = debate.argumentIds.slice(k, k + 5_000);
        const bodies = ids.map(() => write());
        await pool.query(`UPDATE "Argument" a SET body = u.body FROM unnest($1::text[], $2::text[]) AS u(id, body) WHERE a.id = u.id`, [ids, bodies]);
        await pool.query(`UPDATE "ArgumentRevision" r SET body = u.body FROM unnest($1::text[], $2::text[]) AS u(id, body) WHERE r.id = 'r' || u.id`, [ids, bodies]);
      }
      // The generator and the rewrite leave three versions of every argument row; compact the table as a restored
      // or long-running site's is (autovacuum keeps a live table near its size), and give the planner statistics.
      await pool.query(`VACUUM FULL ANALYZE "Argument"`);
      await pool.query(`VACUUM ANALYZE "ArgumentRevision"`);
      await pool.query(`VACUUM ANALYZE "Thesis"`);
      total = n;
      console.log(`${n.toLocaleString("en")} arguments generated (${((performance.now() - started) / 1000).toFixed(0)} s)`);

      const queries: Query[] = [
        { name: `common word (${common})`, params: { q: common } },
        { name: `rare word (${rare})`, params: { q: rare } },
        { name: `phrase ("${PHRASES[0]}")`, params: { q: `"${PHRASES[0]}"` } },
        { name: `common word, kind=argument, thesis of ${SIZES[0]!.toLocaleString("en")}`, params: { q: common, kind: "argument", thesis: firstThesis.slug } },
        { name: `common word, newest`, params: { q: common, sort: "newest" } },
      ];
      for (const query of queries) {
        const params = searchParamsSchema.parse(query.params);
        const url = `${baseUrl}/api/v1/search?${new URLSearchParams(query.params)}`;
        const filters = { thesisId: params.thesis ? firstThesis.id : null, topicId: null, authorId: null };
        const statement = searchStatement(params, null, filters);
        const plain = withoutHeadlines(statement.text, statement.values);
        const matches = Number(
          (
            await pool.query(
              `SELECT count(*) FROM "Argument" a WHERE a.search @@ websearch_to_tsquery('english', $1) AND ($2::text IS NULL OR a."thesisId" = $2)`,
              [params.q, filters.thesisId],
            )
          ).rows[0].count,
        );

        // One request first (loads the route's code), and the same page from every path: the HTTP answer, the
        // app's statement and the plain SQL list the same results in the same order.
        const first = await fetch(url);
        if (!first.ok) throw new Error(`Search answered ${first.status}: ${await first.text()}`);
        const answer = (await first.json()) as { results: { id: string }[] };
        const appIds = (await pool.query(statement.text, statement.values)).rows.sort((a, b) => Number(a.position) - Number(b.position)).map((r) => r.id);
        const plainIds = (await pool.query(plain.text, plain.values)).rows.sort((a, b) => Number(a.position) - Number(b.position)).map((r) => r.id);
        const httpIds = answer.results.map((r) => r.id);
        if (httpIds.length === 0) throw new Error(`No results for ${query.name}.`);
        if (JSON.stringify(appIds.slice(0, httpIds.length)) !== JSON.stringify(httpIds) || JSON.stringify(plainIds) !== JSON.stringify(appIds)) {
          throw new Error(`The HTTP answer, the app's statement and the plain SQL disagree for ${query.name}.`);
        }

        const http = await drive(url);
        let fn: Load | null = null;
        if (n === SIZES[SIZES.length - 1]) {
          const loop = await timedLoop(async () => {
            await searchContent({ params, viewer: null });
          });
          fn = { p50: percentile(loop.latencies, 0.5), p95: percentile(loop.latencies, 0.95), rps: loop.rate, bytes: 0, errors: 0 };
        }
        const appSql = await driveSql(pool, async (client) => Buffer.byteLength(JSON.stringify((await client.query(statement.text, statement.values)).rows)));
        const sql = await driveSql(pool, async (client) => Buffer.byteLength(JSON.stringify((await client.query(plain.text, plain.values)).rows)));
        rows.push({ arguments: n, query: query.name, url: url.slice(baseUrl.length), matches, http, fn, appSql, sql });
        console.log(
          `${n.toLocaleString("en")} · ${query.name}: ${matches} matches, HTTP p50 ${http.p50.toFixed(1)} ms (${http.errors} errors), function ${fn?.p50.toFixed(1) ?? "—"}, app SQL ${appSql.p50.toFixed(1)}, plain SQL ${sql.p50.toFixed(1)} ms · load ${os.loadavg()[0]!.toFixed(1)}`,
        );
      }
    }
  } finally {
    await pool.end();
    await closeDatabase();
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  }

  const largest = Math.max(...rows.map((r) => r.arguments));
  const smallest = Math.min(...rows.map((r) => r.arguments));
  const lines = [
    `Agora search benchmark, ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}, concurrency ${CONCURRENCY}, ${SECONDS} s per measurement`,
    "",
    "| arguments | query | matches | HTTP p50 ms | p95 ms | req/s | function p50 ms | app SQL p50 ms | plain SQL p50 ms | p95 ms | HTTP / plain SQL |",
    "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map(
      (r) =>
        `| ${r.arguments.toLocaleString("en")} | ${r.query} | ${r.matches.toLocaleString("en")} | ${r.http.p50.toFixed(1)} | ${r.http.p95.toFixed(1)} | ${r.http.rps.toFixed(0)} | ${r.fn?.p50.toFixed(1) ?? "—"} | ${r.appSql.p50.toFixed(1)} | ${r.sql.p50.toFixed(1)} | ${r.sql.p95.toFixed(1)} | ${(r.http.p50 / r.sql.p50).toFixed(1)}× |`,
    ),
    "",
    "Plain SQL: the app's statement (searchStatement, run through `pg`) with ts_headline left out: the same rows and order, raw text instead of snippets. App SQL: the statement as the app issues it, with snippets.",
  ];
  const names = [...new Set(rows.map((r) => r.query))];
  lines.push("", `Cost growth, HTTP p50 at ${largest.toLocaleString("en")} ÷ at ${smallest.toLocaleString("en")} arguments (plain SQL in brackets):`);
  for (const name of names) {
    const a = rows.find((r) => r.query === name && r.arguments === smallest)!;
    const b = rows.find((r) => r.query === name && r.arguments === largest)!;
    lines.push(`- ${name}: ${(b.http.p50 / a.http.p50).toFixed(1)}× (${(b.sql.p50 / a.sql.p50).toFixed(1)}×)`);
  }
  const at = rows.filter((r) => r.arguments === largest);
  const met = at.every((r) => r.http.p50 <= TARGET_P50_MS && r.http.p50 <= TARGET_RATIO * r.sql.p50 && r.http.errors === 0);
  lines.push("", `Targets at ${largest.toLocaleString("en")} arguments, every query: HTTP p50 ≤ ${TARGET_P50_MS} ms and ≤ ${TARGET_RATIO}× plain SQL — ${met ? "met" : "MISSED"}:`);
  for (const r of at) {
    const ok = r.http.p50 <= TARGET_P50_MS && r.http.p50 <= TARGET_RATIO * r.sql.p50 && r.http.errors === 0;
    lines.push(`- ${r.query}: ${r.http.p50.toFixed(1)} ms, ${(r.http.p50 / r.sql.p50).toFixed(1)}× — ${ok ? "met" : "MISSED"}`);
  }
  const table = lines.join("\n");
  console.log(`\n${table}`);
  mkdirSync(path.join(root, "docs", "bench"), { recursive: true });
  writeFileSync(
    path.join(root, "docs", "bench", "search-latest.json"),
    `${JSON.stringify({ date: new Date().toISOString(), machine: { cores: os.cpus().length, model: os.cpus()[0]?.model }, concurrency: CONCURRENCY, seconds: SECONDS, loadAverage: os.loadavg(), rows, table }, null, 2)}\n`,
  );
  if (!met) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
