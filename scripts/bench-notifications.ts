// `npm run bench:notifications` (a benchmark, not a test): what notification writes cost posts and votes.
//
// Posts go through createArgument, the function the app and the API use, at a fixed concurrency (one member per
// worker), in theses with 0, 10, 50 and 200 watchers besides the thesis's owner. Each run is compared with the same
// posts where nobody is to be told (the "quiet" baseline): the same thesis shape, posters and bodies, but the thesis
// has no watchers and every post replies to the poster's own argument, so the notification statement finds no
// recipient and writes no notification. No switch in production code: both runs execute the very same code, and the
// difference is exactly the notifications written and signalled. Watchers are told after each post's commit, by
// deliverWatcherNotifications, without the post waiting: a run's clock stops only once every delivery is done, so
// that deferred work is counted, not hidden. (The post's statement's fixed part, the author's watch and the empty
// lookups, is in both; it is timed alone below, inside rolled-back transactions, and the notification statements'
// time, the post's and the deliveries', is read from Prisma's query events, on both sides.)
//
// Votes go through setVote (the database function agora_set_vote), alone, and while a background member posts at a
// steady rate into a 200-watcher thesis (notification tables busy) or posts the same posts to nobody: votes write no
// notification, so the two differ only by the CPU and I/O the notifications take from the shared machine.
//
// Runs alternate quiet/told (A/B/A/B …) so the machine's noise hits both; figures are medians of the runs. Prints a
// markdown table and os.loadavg(), writes docs/bench/notifications-latest.json. Builds its own database,
// agora_test_bench_notify (+ AGORA_TEST_DB_SUFFIX).
//
// Knobs: BENCH_POSTS (posts per run, 120), BENCH_CONCURRENCY (posters at once, 4), BENCH_ROUNDS (A/B pairs per
// audience, 7), BENCH_AUDIENCES ("0,10,50,200"), BENCH_VOTES (votes per run, 2000), BENCH_BACKGROUND_RATE (posts/s
// beside the votes, 10).
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { resetTestDatabase, testDatabaseUrl } from "./db/test-database";

const POSTS = Number(process.env.BENCH_POSTS ?? 120);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const AUDIENCES = (process.env.BENCH_AUDIENCES ?? "0,10,50,200").split(",").map(Number);
const VOTES = Number(process.env.BENCH_VOTES ?? 2000);
const BACKGROUND_RATE = Number(process.env.BENCH_BACKGROUND_RATE ?? 10);
/** Top-level arguments per thesis; each worker replies round-robin to its share, so replies are grouped per parent. */
const PARENTS = 12;
const MAX_WATCHERS = Math.max(200, ...AUDIENCES);

const newId = (prefix: string) => `${prefix}${randomBytes(12).toString("hex")}`;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const loadavg = () => os.loadavg().map((x) => Number(x.toFixed(2)));

interface Run {
  perSecond: number;
  p50: number;
  p95: number;
  /** Posts only: the notification statements' time per post (its own and its share of the deliveries), and their share of all query time. */
  statementMs?: number;
  statementShare?: number;
  /** Posts only: delivery statements run, and posts per delivery (a watcher's row is rewritten once per delivery). */
  deliveries?: number;
  postsPerDelivery?: number;
}

/** Each figure of one side's runs as its median. */
function medianRun(runs: Run[]) {
  return {
    perSecond: median(runs.map((r) => r.perSecond)),
    p50: median(runs.map((r) => r.p50)),
    p95: median(runs.map((r) => r.p95)),
    statementMs: median(runs.map((r) => r.statementMs!)),
    statementShare: median(runs.map((r) => r.statementShare!)),
    deliveries: median(runs.map((r) => r.deliveries!)),
    postsPerDelivery: median(runs.map((r) => r.postsPerDelivery!)),
  };
}

async function main() {
  const databaseUrl = testDatabaseUrl("agora_test_bench_notify");
  await resetTestDatabase(databaseUrl);
  process.env.DATABASE_URL = databaseUrl;
  // Rate limits would stop one member's hundreds of posts; lifting them is what AGORA_RATE_LIMITS=off is for.
  process.env.AGORA_RATE_LIMITS = "off";
  // Prisma's query events time each statement: the notification statement's share of a post is read from them.
  process.env.AGORA_QUERY_EVENTS = "1";
  const { db, closeDatabase } = await import("../server/db");
  const queryTime = { collecting: false, notification: 0, all: 0, deliveries: 0 };
  (db as unknown as { $on(event: "query", cb: (e: { query: string; duration: number }) => void): void }).$on("query", (e) => {
    if (!queryTime.collecting) return;
    queryTime.all += e.duration;
    if (e.query.includes('INSERT INTO "Notification"')) queryTime.notification += e.duration;
    if (e.query.includes('DELETE FROM "PendingWatcherNotification"')) queryTime.deliveries += 1;
  });
  const { createArgument } = await import("../server/arguments/create-argument");
  const { setVote } = await import("../server/votes/cast-vote");
  const { notifyNewArgument } = await import("../server/notifications/notify-new-argument");
  const { deliverWatcherNotifications } = await import("../server/notifications/deliver-watcher-notifications");

  const tag = randomBytes(3).toString("hex");
  const longAgo = new Date(Date.now() - 30 * 86_400_000);
  const makeUsers = async (prefix: string, count: number) => {
    const users = Array.from({ length: count }, (_, i) => ({
      id: newId("u"),
      email: `${prefix}-${tag}-${i}@example.test`,
      name: `${prefix} ${tag} ${i}`,
      nameKey: `${prefix} ${tag} ${i}`,
      handle: `${prefix}-${tag}-${i}`,
      createdAt: longAgo,
    }));
    await db.user.createMany({ data: users });
    return users.map((u) => ({ id: u.id, createdAt: u.createdAt }));
  };
  const [owner] = await makeUsers("owner", 1);
  const posters = await makeUsers("poster", CONCURRENCY);
  const watchers = await makeUsers("watcher", MAX_WATCHERS);
  const voters = await makeUsers("voter", 100);

  /**
   * Stands in for autovacuum between runs, outside the timings (it is off on the shared test server): each told run
   * leaves a dead row version per member per post (grouped rows are updated), which would otherwise slow every later
   * run, and only the told side. Each run's own dead rows stay in its timing, as they would in production.
   */
  const vacuum = async () => {
    for (const table of ["Notification", "Watch", "Argument", "ArgumentRevision", "Thesis", "LiveEvent", "Vote"]) await db.$executeRawUnsafe(`VACUUM ANALYZE "${table}"`);
  };

  /**
   * A thesis with PARENTS top-level arguments (with revisions). told: the parents are the owner's, who watches the
   * thesis and them (as createThesis/createArgument would have made them), and `audience` members watch the thesis.
   * Quiet: nobody watches the thesis, parent k is poster k's (mod CONCURRENCY), who watches it.
   */
  const makeThesis = async (audience: number, told: boolean) => {
    const thesisId = newId("t");
    await db.thesis.create({ data: { id: thesisId, slug: `bench-${tag}-${thesisId}`, title: `Benchmark ${thesisId}`, authorId: owner!.id } });
    const parents: { id: string; authorId: string }[] = [];
    for (let k = 0; k < PARENTS; k++) {
      const id = newId("a");
      const authorId = told ? owner!.id : posters[k % CONCURRENCY]!.id;
      const revisionId = newId("r");
      await db.$transaction([
        db.argument.create({ data: { id, thesisId, stance: k % 2 ? "CON" : "PRO", body: `Parent ${k}`, authorId, depth: 0, path: id } }),
        db.argumentRevision.create({ data: { id: revisionId, argumentId: id, number: 1, body: `Parent ${k}`, editorId: authorId } }),
        db.argument.update({ where: { id }, data: { currentRevisionId: revisionId } }),
        db.watch.create({ data: { userId: authorId, targetType: "ARGUMENT", targetId: id } }),
      ]);
      parents.push({ id, authorId });
    }
    if (told) {
      await db.watch.createMany({
        data: [owner!, ...watchers.slice(0, audience)].map((u) => ({ userId: u.id, targetType: "THESIS" as const, targetId: thesisId })),
      });
    }
    return { thesisId, parents };
  };

  /** POSTS replies, CONCURRENCY at once; worker w is poster w and replies round-robin to parents k ≡ w (mod CONCURRENCY). */
  const postRun = async (thesis: { thesisId: string; parents: { id: string }[] }, posts = POSTS): Promise<Run> => {
    await vacuum();
    const latencies: number[] = [];
    let next = 0;
    Object.assign(queryTime, { collecting: true, notification: 0, all: 0, deliveries: 0 });
    const start = performance.now();
    await Promise.all(
      posters.map(async (poster, w) => {
        const mine = thesis.parents.filter((_, k) => k % CONCURRENCY === w);
        for (let n = 0; next < posts; n++) {
          const i = next++;
          const t = performance.now();
          await createArgument({
            actor: poster,
            input: { thesisId: thesis.thesisId, parentId: mine[n % mine.length]!.id, stance: i % 2 ? "CON" : "PRO", body: `Reply ${i}: a benchmark argument of a usual length, a sentence or two that says why.` },
          });
          latencies.push(performance.now() - t);
        }
      }),
    );
    await deliverWatcherNotifications();
    const seconds = (performance.now() - start) / 1000;
    queryTime.collecting = false;
    if ((await db.pendingWatcherNotification.count()) !== 0) throw new Error("The deliveries left posts pending.");
    latencies.sort((a, b) => a - b);
    return {
      perSecond: posts / seconds,
      p50: median(latencies),
      p95: latencies[Math.floor(latencies.length * 0.95)]!,
      statementMs: queryTime.notification / posts,
      statementShare: queryTime.notification / queryTime.all,
      deliveries: queryTime.deliveries,
      postsPerDelivery: queryTime.deliveries ? posts / queryTime.deliveries : 0,
    };
  };

  console.log(`Posts: ${POSTS} per run, ${CONCURRENCY} posters at once, ${ROUNDS} quiet/told pairs per audience. loadavg ${loadavg().join(" ")}`);
  // Warm-up: JIT, Prisma's query plans, the pool's connections.
  await postRun(await makeThesis(10, true), 40);
  await postRun(await makeThesis(10, false), 40);

  const postRows: { watchers: number; told: number; quiet: Run; withNotifications: Run; costPercent: number; runs: { quiet: Run; told: Run }[] }[] = [];
  for (const audience of AUDIENCES) {
    const runs: { quiet: Run; told: Run }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate which goes first, so a drift in the machine's load does not favour one side.
      const order = round % 2 ? (["told", "quiet"] as const) : (["quiet", "told"] as const);
      const pair: Partial<{ quiet: Run; told: Run }> = {};
      for (const side of order) pair[side] = await postRun(await makeThesis(audience, side === "told"));
      runs.push(pair as { quiet: Run; told: Run });
    }
    const quiet = medianRun(runs.map((r) => r.quiet));
    const told = medianRun(runs.map((r) => r.told));
    // Cost: the throughput lost, as the median of each pair's own loss (pairs share the machine's conditions).
    const costPercent = median(runs.map((r) => (1 - r.told.perSecond / r.quiet.perSecond) * 100));
    postRows.push({ watchers: audience, told: audience + 1, quiet, withNotifications: told, costPercent, runs });
    console.log(
      `  ${audience} watchers: quiet ${quiet.perSecond.toFixed(1)} posts/s (p50 ${quiet.p50.toFixed(1)} ms), ` +
        `told ${told.perSecond.toFixed(1)} posts/s (p50 ${told.p50.toFixed(1)} ms): cost ${costPercent.toFixed(1)} %; ` +
        `notification statements ${told.statementMs.toFixed(1)} ms a post, ${(told.statementShare * 100).toFixed(1)} % of the query time, ${told.postsPerDelivery.toFixed(1)} posts a delivery. loadavg ${loadavg().join(" ")}`,
    );
  }

  // The statement's fixed part (the author's watch, the empty lookups, the round trip), present in both sides above.
  const fixed: number[] = [];
  {
    const thesis = await makeThesis(0, false);
    const parent = thesis.parents[0]!;
    for (let i = 0; i < 200; i++) {
      await db
        .$transaction(async (tx) => {
          const id = newId("a");
          const t = performance.now();
          await notifyNewArgument(tx, { actorId: parent.authorId, thesisId: thesis.thesisId, argument: { id, parentId: parent.id, path: `${parent.id}/${id}` }, body: "Nothing to tell." });
          fixed.push(performance.now() - t);
          throw new Rollback();
        })
        .catch((error: unknown) => {
          if (!(error instanceof Rollback)) throw error;
        });
    }
  }
  const fixedMs = median(fixed);
  console.log(`  the statement with nobody to tell, alone: median ${fixedMs.toFixed(2)} ms`);

  // ───────────── Votes ─────────────
  const voteThesis = await makeThesis(0, false);
  const voteRun = async ({ vacuumFirst = true } = {}): Promise<Run> => {
    if (vacuumFirst) await vacuum();
    const latencies: number[] = [];
    let next = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < VOTES) {
          const i = next++;
          const voter = voters[i % voters.length]!;
          const argument = voteThesis.parents[(i * 7) % PARENTS]!;
          const t = performance.now();
          // Alternating up and down makes every vote a change (a replay would write nothing).
          await setVote({ actor: voter, argumentId: argument.id, value: Math.floor(i / voters.length) % 2 ? -1 : 1 });
          latencies.push(performance.now() - t);
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    latencies.sort((a, b) => a - b);
    return { perSecond: VOTES / seconds, p50: median(latencies), p95: latencies[Math.floor(latencies.length * 0.95)]! };
  };
  /** Votes while one member posts BACKGROUND_RATE posts/s into a 200-watcher thesis (told) or the same posts to nobody (quiet). */
  const voteRunBeside = async (told: boolean): Promise<Run> => {
    const thesis = await makeThesis(told ? MAX_WATCHERS : 0, told);
    const poster = posters[0]!;
    const parent = thesis.parents.find((p) => (told ? true : p.authorId === poster.id))!;
    let stop = false;
    let posted = 0;
    await vacuum();
    const started = performance.now();
    const background = (async () => {
      while (!stop) {
        await createArgument({ actor: poster, input: { thesisId: thesis.thesisId, parentId: parent.id, stance: "PRO", body: `Background reply ${posted}.` } });
        posted++;
        // A steady rate, the same on both sides, so the difference is what each post's notifications cost.
        const due = started + (posted * 1000) / BACKGROUND_RATE - performance.now();
        if (due > 0) await new Promise((resolve) => setTimeout(resolve, due));
      }
    })();
    try {
      return await voteRun({ vacuumFirst: false });
    } finally {
      stop = true;
      await background;
      await deliverWatcherNotifications();
    }
  };
  await voteRun(); // warm-up
  const voteRuns: { alone: Run; besideQuiet: Run; besideTold: Run }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const alone = await voteRun();
    const runs: Partial<{ besideQuiet: Run; besideTold: Run }> = {};
    for (const told of round % 2 ? [true, false] : [false, true]) runs[told ? "besideTold" : "besideQuiet"] = await voteRunBeside(told);
    voteRuns.push({ alone, ...(runs as { besideQuiet: Run; besideTold: Run }) });
  }
  const votes = {
    alone: median(voteRuns.map((r) => r.alone.perSecond)),
    besideQuiet: median(voteRuns.map((r) => r.besideQuiet.perSecond)),
    besideTold: median(voteRuns.map((r) => r.besideTold.perSecond)),
    p50: { alone: median(voteRuns.map((r) => r.alone.p50)), besideQuiet: median(voteRuns.map((r) => r.besideQuiet.p50)), besideTold: median(voteRuns.map((r) => r.besideTold.p50)) },
  };
  const voteCostPercent = median(voteRuns.map((r) => (1 - r.besideTold.perSecond / r.besideQuiet.perSecond) * 100));

  // ───────────── Report ─────────────
  const table = [
    `| thesis watchers besides its owner | members told per post | quiet: posts/s (p50) | told: posts/s (p50) | throughput lost (median of pairs) | notification statements per post: told / told to nobody (share of the told run's query time) | posts per delivery |`,
    `| ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
    ...postRows.map(
      (r) =>
        `| ${r.watchers} | ${r.told} | ${r.quiet.perSecond.toFixed(1)} (${r.quiet.p50.toFixed(1)} ms) | ${r.withNotifications.perSecond.toFixed(1)} (${r.withNotifications.p50.toFixed(1)} ms) | ${r.costPercent.toFixed(1)} % | ${r.withNotifications.statementMs!.toFixed(1)} / ${r.quiet.statementMs!.toFixed(1)} ms (${(r.withNotifications.statementShare! * 100).toFixed(1)} %) | ${r.withNotifications.postsPerDelivery!.toFixed(1)} |`,
    ),
  ].join("\n");
  const voteTable = [
    `| votes (${CONCURRENCY} at once) | votes/s | p50 |`,
    `| --- | ---: | ---: |`,
    `| alone | ${votes.alone.toFixed(0)} | ${votes.p50.alone.toFixed(1)} ms |`,
    `| beside a member posting ${BACKGROUND_RATE}/s to nobody | ${votes.besideQuiet.toFixed(0)} | ${votes.p50.besideQuiet.toFixed(1)} ms |`,
    `| beside a member posting ${BACKGROUND_RATE}/s to ${MAX_WATCHERS + 1} watchers | ${votes.besideTold.toFixed(0)} | ${votes.p50.besideTold.toFixed(1)} ms |`,
  ].join("\n");
  const load = loadavg();
  console.log(`\n${table}\n\nThe notification statement with nobody to tell (in both sides): median ${fixedMs.toFixed(2)} ms.\n\n${voteTable}\n`);
  console.log(`Votes lost beside notification writes (vs beside the same posts to nobody): ${voteCostPercent.toFixed(1)} % (median of pairs).`);
  console.log(`loadavg ${load.join(" ")} (${os.cpus().length} cores)`);
  const budgetMet = postRows.every((r) => r.costPercent <= 10) && voteCostPercent <= 10;
  console.log(budgetMet ? "Within the 10 % budget at every audience, and for votes." : "Over the 10 % budget (see the table).");

  const out = path.join(__dirname, "../docs/bench/notifications-latest.json");
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify(
      {
        command: "npm run bench:notifications",
        date: new Date().toISOString(),
        loadavg: load,
        cores: os.cpus().length,
        settings: { posts: POSTS, concurrency: CONCURRENCY, rounds: ROUNDS, parents: PARENTS, votes: VOTES, backgroundPostsPerSecond: BACKGROUND_RATE },
        posts: postRows,
        statementAloneNobodyToldMs: fixedMs,
        votes: { ...votes, costPercent: voteCostPercent, runs: voteRuns },
      },
      null,
      2,
    )}\n`,
  );
  console.log(`Wrote ${path.relative(process.cwd(), out)}.`);
  await closeDatabase();
}

class Rollback extends Error {}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
