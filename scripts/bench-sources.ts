// Benchmark (not a test): a source page with 200 quotes, server-side — loading (getSourcePage) and rendering
// the page body to HTML — against the 100 ms budget. Builds its data in a throw-away database.
//   npx tsx scripts/bench-sources.ts
import Module from "node:module";
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { resetTestDatabase, testDatabaseUrl } from "./db/test-database";

// `server-only` throws outside a React Server Components bundler; this script is server code by nature.
const require = Module.createRequire(__filename);
require.cache[require.resolve("server-only")] = { exports: {} } as NodeJS.Module;

const QUOTES = 200;
const RUNS = 21;

function snapshotText(): string {
  const corpus = path.resolve(__dirname, "../../shared/corpus");
  const files = ["putins-terms-for-peace.txt", "negotiations-of-attrition.txt", "putin-cannot-accept-statehood-deal.txt"].map((f) => path.join(corpus, f));
  const base = files.every(existsSync)
    ? files.map((f) => readFileSync(f, "utf8")).join("\n\n")
    : readFileSync(path.join(__dirname, "../tests/fixtures/anchoring/typography.txt"), "utf8");
  let text = "";
  for (let i = 0; text.length < 100_000; i++) text += `Part ${i}.\n\n${base}\n\n`;
  return text;
}

async function main() {
  // Measure the production build of React, as `next start` runs it (the development build adds checks).
  (process.env as Record<string, string>).NODE_ENV = "production";
  // 200 quotes by one member would trip the per-member quote limit.
  process.env.AGORA_RATE_LIMITS = "off";
  const { createElement } = await import("react");
  const { renderToString } = await import("react-dom/server");
  const url = testDatabaseUrl("agora_test_bench_sources");
  await resetTestDatabase(url);
  process.env.DATABASE_URL = url;
  const { db, closeDatabase } = await import("../server/db");
  const { createPastedSource } = await import("../server/sources/create-pasted-source");
  const { createQuote } = await import("../server/quotes/create-quote");
  const { getSourcePage } = await import("../server/sources/get-source-page");
  const { SourceBody, SourceHeader } = await import("../components/sources/source-view");

  const user = await db.user.create({ data: { email: "bench@example.test", name: "Bench", nameKey: "bench", handle: "bench" } });
  const thesis = await db.thesis.create({ data: { slug: "bench-sources", title: "Bench sources", authorId: user.id } });
  const text = snapshotText();
  const source = await createPastedSource({
    actor: user,
    input: { title: "Benchmark source", url: null, publisher: "Bench", byline: null, publishedAt: null, text },
  });
  // 200 quotes spread over the text: sentences starting with a "Part N." header keep them unique.
  const stored = (await db.source.findUniqueOrThrow({ where: { id: source.id }, select: { text: true } })).text;
  const sentences = [...stored.matchAll(/[A-Z][^.!?\n]{30,200}[.!?]/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const step = Math.max(1, Math.floor(sentences.length / QUOTES));
  let made = 0;
  const quoteIds: string[] = [];
  for (let i = 0; made < QUOTES && i < sentences.length; i += step) {
    const s = sentences[i]!;
    const { quote } = await createQuote({ actor: user, input: { sourceId: source.id, exact: stored.slice(s.start, s.end), start: s.start } });
    quoteIds.push(quote.id);
    made++;
  }
  // Citations: every quote cited by one argument's current revision.
  for (const [i, quoteId] of quoteIds.entries()) {
    const id = `a${i.toString(16).padStart(24, "0")}`;
    await db.argument.create({ data: { id, thesisId: thesis.id, stance: "PRO", body: `Argument ${i} [[q:${quoteId}]]`, authorId: user.id, depth: 0, path: id } });
    const revision = await db.argumentRevision.create({ data: { argumentId: id, number: 1, body: `Argument ${i} [[q:${quoteId}]]`, editorId: user.id } });
    await db.argument.update({ where: { id }, data: { currentRevisionId: revision.id } });
    await db.citation.create({ data: { revisionId: revision.id, quoteId, number: 1 } });
  }

  const times: number[] = [];
  const loads: number[] = [];
  let html = "";
  for (let r = 0; r < RUNS + 3; r++) {
    const t0 = performance.now();
    const page = await getSourcePage(source.id);
    const t1 = performance.now();
    html = renderToString(createElement("div", null, createElement(SourceHeader, { source: page.source }), createElement(SourceBody, { page })));
    if (r >= 3) {
      times.push(performance.now() - t0);
      loads.push(t1 - t0);
    }
  }
  const med = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const median = med(times);
  const renders = times.map((t, i) => t - loads[i]!);
  // The machine may be shared: the fastest run shows the cost without interference.
  console.log(`load: median ${med(loads).toFixed(1)} ms (fastest ${Math.min(...loads).toFixed(1)}); render: median ${med(renders).toFixed(1)} ms (fastest ${Math.min(...renders).toFixed(1)})`);
  const marks = html.match(/<mark /g)?.length ?? 0;
  console.log(`source page: ${(text.length / 1000).toFixed(0)} KB snapshot, ${made} quotes, ${marks} highlighted runs, ${(html.length / 1000).toFixed(0)} KB of HTML`);
  console.log(`load + server render: median ${median.toFixed(1)} ms over ${RUNS} runs ${median <= 100 ? "(within the 100 ms budget)" : "(OVER the 100 ms budget)"}`);
  await closeDatabase();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
