// Benchmark (not a test): live-update fan-out. Opens BENCH_STREAMS (200) Server-Sent Events streams on one thesis
// (GET /api/v1/theses/:slug/events, as 200 open pages), posts an argument, and times until every stream has it:
// NOTIFY → the process's one LISTEN connection → one read of the replay log → 200 writes. BENCH_ROUNDS (5)
// arguments, one after another. Prints p50 and max per round and over all; the goal is max ≤ 1 s.
//
//   npx tsx scripts/bench-live.ts     # resets agora_test_bench_live on the local test server and starts
//                                     # `npm start` against it on BENCH_PORT (3191)
import http from "node:http";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { hash } from "@node-rs/argon2";
import { testDatabaseUrl } from "./db/test-database";
import { startServer } from "./bench/server";
import { BENCH_PASSWORD, signIn } from "./bench/http";

const STREAMS = Number(process.env.BENCH_STREAMS ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

/** One open stream: calls `onArgument` with each announced argument's id and the time it arrived. */
function openStream(baseUrl: string, slug: string, onArgument: (id: string, at: number) => void): Promise<http.ClientRequest> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${baseUrl}/api/v1/theses/${slug}/events`, { headers: { accept: "text/event-stream" } }, (response) => {
      if (response.statusCode !== 200) return reject(new Error(`Stream answered HTTP ${response.statusCode}.`));
      let buffer = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (message.startsWith("retry:")) resolve(request); // the stream is open and subscribed
          const data = /^event: argument\ndata: (.*)$/m.exec(message);
          if (data) onArgument((JSON.parse(data[1]!) as { id: string }).id, performance.now());
        }
      });
    });
    request.on("error", reject);
  });
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
  const databaseUrl = testDatabaseUrl("agora_test_bench_live");
  const { url: baseUrl, server } = await startServer(databaseUrl, Number(process.env.BENCH_PORT ?? 3191));
  const streams: http.ClientRequest[] = [];
  try {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const email = `bench-live-${randomBytes(4).toString("hex")}@example.test`;
    const passwordHash = await hash(BENCH_PASSWORD, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    await client.query(
      `INSERT INTO "User" (id, email, name, "nameKey", handle, "passwordHash", "updatedAt") VALUES ($1, $2, 'Bench live', 'bench live', $3, $4, now())`,
      [`u${randomBytes(12).toString("hex")}`, email, email.split("@")[0], passwordHash],
    );
    await client.end();
    const cookie = await signIn(baseUrl, email);
    const headers = { cookie, "content-type": "application/json" };
    const created = await fetch(`${baseUrl}/api/v1/theses`, { method: "POST", headers, body: JSON.stringify({ title: "Live fan-out benchmark" }) });
    const slug = ((await created.json()) as { thesis: { slug: string } }).thesis.slug;

    const arrivals = new Map<string, number[]>();
    for (let i = 0; i < STREAMS; i++) {
      streams.push(await openStream(baseUrl, slug, (id, at) => (arrivals.get(id) ?? arrivals.set(id, []).get(id)!).push(at)));
    }
    console.log(`${STREAMS} streams open on one thesis.`);

    const all: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const start = performance.now();
      const response = await fetch(`${baseUrl}/api/v1/theses/${slug}/arguments`, {
        method: "POST",
        headers,
        body: JSON.stringify({ stance: round % 2 ? "PRO" : "CON", body: `Fan-out round ${round}.` }),
      });
      const { argument } = (await response.json()) as { argument: { id: string } };
      // Streams may have it before the POST's answer arrives: arrivals are kept by argument id from the start.
      const times = arrivals.get(argument.id) ?? arrivals.set(argument.id, []).get(argument.id)!;
      const deadline = Date.now() + 10_000;
      while (times.length < STREAMS && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
      const latencies = times.map((t) => t - start).sort((a, b) => a - b);
      all.push(...latencies);
      console.log(
        `Round ${round}: ${times.length}/${STREAMS} streams got it; from the POST: p50 ${percentile(latencies, 50).toFixed(0)} ms, max ${latencies.at(-1)?.toFixed(0)} ms`,
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    all.sort((a, b) => a - b);
    console.log(`\nSummary: ${STREAMS} streams, ${ROUNDS} arguments; delivery from the POST p50 ${percentile(all, 50).toFixed(0)} ms, max ${all.at(-1)!.toFixed(0)} ms (goal: max ≤ 1,000 ms).`);
  } finally {
    streams.forEach((request) => request.destroy());
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
