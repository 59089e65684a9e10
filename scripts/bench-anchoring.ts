// Benchmark (not a test): median time to anchor one quote in a 100 KB snapshot, cold (normalising the whole
// snapshot included), against the 5 ms budget. Uses the ../shared/corpus articles when present, and the
// project's own fixture in any case. Run: npx tsx scripts/bench-anchoring.ts
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { anchorQuote } from "../lib/anchoring";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** ~100 KB of text: `base` repeated with a running section number so that passages stay unique. */
function snapshotOf(base: string): string {
  let snapshot = "";
  for (let i = 0; snapshot.length < 100_000; i++) snapshot += `Section ${i}.\n\n${base}\n\n`;
  return snapshot;
}

function bench(name: string, snapshot: string, cases: [string, string][]): boolean {
  console.log(`\n${name}: ${(snapshot.length / 1000).toFixed(0)} KB of text`);
  let ok = true;
  for (let i = 0; i < 10; i++) for (const [, q] of cases) anchorQuote(snapshot, q); // warm-up
  for (const [label, quote] of cases) {
    const times: number[] = [];
    let status = "";
    for (let i = 0; i < 101; i++) {
      const t0 = performance.now();
      status = anchorQuote(snapshot, quote).status;
      times.push(performance.now() - t0);
    }
    const m = median(times);
    ok &&= m <= 5;
    console.log(`  ${label.padEnd(26)} ${status.padEnd(10)} median ${m.toFixed(2)} ms ${m <= 5 ? "ok" : "OVER the 5 ms budget"}`);
  }
  return ok;
}

const fixture = readFileSync(path.join(__dirname, "../tests/fixtures/anchoring/typography.txt"), "utf8");
let ok = bench("fixture", snapshotOf(fixture), [
  ["exact, near the end", "Section 80.\n\nTown Hall Minutes — Riverside Library Renovation"],
  ["typographic variant", "Section 40. Town Hall Minutes - Riverside Library Renovation The council's chair opened the meeting"],
  ["misquote (+ suggestion)", "Members asked whether the work would close the reading room for the whole summer"],
]);

const corpusFile = path.resolve(__dirname, "../../shared/corpus/putins-terms-for-peace.txt");
if (existsSync(corpusFile)) {
  const article = readFileSync(corpusFile, "utf8");
  const sentence = "When taken together, Putin’s terms read not like the basis for a peaceful resolution, but a blueprint for Ukraine’s submission.";
  ok = bench("corpus article", snapshotOf(article), [
    ["exact", `Section 5.\n\n${article.slice(0, 60)}`],
    ["typographic variant ×7", sentence.replace(/’/g, "'").replace(" terms", "  terms")],
    ["misquote (+ suggestion)", sentence.replace("blueprint", "recipe")],
  ]) && ok;
} else {
  console.log(`\n(${corpusFile} is absent: corpus benchmark skipped)`);
}
console.log(ok ? "\nAll medians within 5 ms." : "\nSome medians are over 5 ms.");
