// Shared by the benchmarks: load on a URL with autocannon, and the same concurrency on a plain SQL step through
// `pg`, the limit a view is compared with. BENCH_CONCURRENCY (8) connections, BENCH_SECONDS (8) seconds.
import autocannon from "autocannon";
import type pg from "pg";

export const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);

export interface Load {
  p50: number;
  p95: number;
  rps: number;
  bytes: number;
  errors: number;
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

/** autocannon at CONCURRENCY connections for SECONDS; latencies collected per response for an exact p95. */
export async function drive(url: string, headers: Record<string, string> = {}): Promise<Load> {
  const latencies: number[] = [];
  let bytes = 0;
  let non2xx = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections: CONCURRENCY, duration: SECONDS, headers }, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on("response", (_client, status, resBytes, responseTime) => {
      latencies.push(responseTime);
      bytes = resBytes;
      if (status < 200 || status >= 300) non2xx++;
    });
  });
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), rps: result.requests.average, bytes, errors: non2xx + result.errors };
}

/** CONCURRENCY workers running `step` back to back for SECONDS; the latency of each step, sorted, and the rate. */
export async function timedLoop(step: () => Promise<void>): Promise<{ latencies: number[]; rate: number }> {
  const latencies: number[] = [];
  const end = Date.now() + SECONDS * 1000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < end) {
        const t = performance.now();
        await step();
        latencies.push(performance.now() - t);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { latencies, rate: latencies.length / ((performance.now() - start) / 1000) };
}

/** The same rows by plain SQL through `pg`, at the same concurrency: the limit a view is compared with. */
export async function driveSql(pool: pg.Pool, view: (client: pg.PoolClient) => Promise<number>): Promise<Load> {
  let bytes = 0;
  const { latencies, rate } = await timedLoop(async () => {
    const client = await pool.connect();
    try {
      bytes = await view(client);
    } finally {
      client.release();
    }
  });
  return { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), rps: rate, bytes, errors: 0 };
}

