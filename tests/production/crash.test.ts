import { execFileSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { resetTestDatabase, testDatabaseUrl } from "@/scripts/db/test-database";
import { api, createToken, insertMembers, signIn, startProductionServer, type ProductionServer } from "../support/production-server";

// The production server is SIGKILLed (no shutdown of any kind, as when a machine loses power) while votes,
// arguments, flags and moderation acts pour in; after each restart, and at the end, every invariant the write
// paths keep in one transaction must hold: a kill may lose a write, never half of one.
const databaseUrl = testDatabaseUrl("agora_test_crash");
const port = Number(process.env.PRODUCTION_TEST_PORT ?? 3280) + 2;
const KILLS = Number(process.env.CRASH_KILLS ?? 3);
const WORKERS = 16;
const root = path.resolve(__dirname, "../..");

let server: ProductionServer | undefined;
afterAll(async () => {
  await server?.stop();
});

const start = () => startProductionServer({ databaseUrl, port, env: { AGORA_RATE_LIMITS: "off" } });

/** Every stored counter against the rows it counts, and every argument against its current revision. */
async function brokenInvariants(): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const checks: [string, string][] = [
      [
        "argument vote counters",
        `SELECT a.id FROM "Argument" a LEFT JOIN "Vote" v ON v."argumentId" = a.id GROUP BY a.id
         HAVING a."upCount" <> count(v.*) FILTER (WHERE v.value = 1 AND v."revisionId" = a."currentRevisionId")
             OR a."downCount" <> count(v.*) FILTER (WHERE v.value = -1 AND v."revisionId" = a."currentRevisionId")`,
      ],
      [
        "argument reply counters",
        `SELECT a.id FROM "Argument" a LEFT JOIN "Argument" r ON r."parentId" = a.id GROUP BY a.id HAVING a."replyCount" <> count(r.*)`,
      ],
      [
        "thesis argument counters",
        `SELECT t.id FROM "Thesis" t LEFT JOIN "Argument" a ON a."thesisId" = t.id GROUP BY t.id
         HAVING t."argumentCount" <> count(a.*)
             OR t."proCount" <> count(a.*) FILTER (WHERE a."parentId" IS NULL AND a.stance = 'PRO')
             OR t."conCount" <> count(a.*) FILTER (WHERE a."parentId" IS NULL AND a.stance = 'CON')`,
      ],
      [
        "arguments without their current revision",
        `SELECT a.id FROM "Argument" a LEFT JOIN "ArgumentRevision" r ON r.id = a."currentRevisionId"
         WHERE r.id IS NULL OR r."argumentId" <> a.id OR r.body <> a.body`,
      ],
      [
        "review item flag counters",
        `SELECT i.id FROM "ReviewItem" i LEFT JOIN "Flag" f ON f."reviewItemId" = i.id GROUP BY i.id HAVING i."flagCount" <> count(f.*)`,
      ],
    ];
    const broken: string[] = [];
    for (const [name, sql] of checks) {
      const { rowCount } = await client.query(sql);
      if (rowCount) broken.push(`${name}: ${rowCount} wrong`);
    }
    return broken;
  } finally {
    await client.end();
  }
}

/** The operators' own verifiers (npm run strength:verify, npm run moderation:verify-log): exit code 0 or they throw. */
function runVerifier(program: "strength-verify" | "verify-log"): string {
  return execFileSync(process.execPath, [path.join(root, "dist", `${program}.mjs`)], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
}

describe("crash test", () => {
  it("SIGKILLed during writes on PostgreSQL, restarts with every invariant intact", async () => {
    await resetTestDatabase(databaseUrl);
    server = await start();
    const url = server.url;

    const members = await insertMembers(databaseUrl, 6);
    const [admin] = await insertMembers(databaseUrl, 1, { role: "ADMIN" });
    const tokens = await Promise.all(members.map(async (member) => createToken(url, await signIn(url, member.email))));
    const adminToken = await createToken(url, await signIn(url, admin!.email));
    const thesis = (await api(url, "POST", "/api/v1/theses", tokens[0]!, { title: "A thesis argued while the server crashes" })).json.thesis as { slug: string };
    // Locked and unlocked by the administrator under load: every success is a moderation-log entry.
    const moderated = (await api(url, "POST", "/api/v1/theses", tokens[1]!, { title: "A thesis locked and unlocked while the server crashes" })).json.thesis as { id: string };
    const argumentIds: string[] = [];
    for (let i = 0; i < 8; i++) {
      const created = await api(url, "POST", `/api/v1/theses/${thesis.slug}/arguments`, tokens[i % tokens.length]!, {
        stance: i % 2 ? "CON" : "PRO",
        body: `Opening argument ${i}, written before any crash.`,
      });
      argumentIds.push((created.json.argument as { id: string }).id);
    }

    const figures = { attempted: 0, succeeded: 0, refused: 0, failed: 0, lost: 0, kills: 0 };
    const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)]!;
    const write = async () => {
      const token = pick(tokens);
      const roll = Math.random();
      if (roll < 0.5) return api(url, "PUT", `/api/v1/arguments/${pick(argumentIds)}/vote`, token, { value: Math.random() < 0.6 ? 1 : -1 });
      if (roll < 0.6) return api(url, "DELETE", `/api/v1/arguments/${pick(argumentIds)}/vote`, token);
      if (roll < 0.8) {
        const created = await api(url, "POST", `/api/v1/theses/${thesis.slug}/arguments`, token, {
          stance: Math.random() < 0.5 ? "PRO" : "CON",
          body: `A reply written under load ${Math.random().toString(36).slice(2)}.`,
          parentId: pick(argumentIds),
        });
        if (created.status === 201) argumentIds.push((created.json.argument as { id: string }).id);
        return created;
      }
      if (roll < 0.9) return api(url, "POST", "/api/v1/flags", token, { targetType: "ARGUMENT", targetId: pick(argumentIds), reason: "SPAM" });
      return api(url, "POST", "/api/v1/moderation/actions", adminToken, {
        action: Math.random() < 0.5 ? "LOCK" : "UNLOCK",
        thesisId: moderated.id,
        reason: "Crash-test moderation.",
      });
    };
    // While the server is down, clients wait for it rather than count a refused connection as a write.
    let loading = true;
    let up: Promise<void> = Promise.resolve();
    let markUp = () => {};
    const load = Promise.all(
      Array.from({ length: WORKERS }, async () => {
        while (loading) {
          await up;
          if (!loading) break;
          figures.attempted++;
          try {
            const { status } = await write();
            if (status < 300) figures.succeeded++;
            else if (status < 500) figures.refused++;
            else figures.failed++;
          } catch {
            // In flight when the server was killed: lost, as a client's request would be.
            figures.lost++;
          }
        }
      }),
    );

    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    for (let kill = 0; kill < KILLS; kill++) {
      await sleep(4_000 + Math.random() * 3_000);
      up = new Promise((resolve) => (markUp = resolve));
      await server.kill();
      figures.kills++;
      server = await start();
      markUp();
      // Checked under load, as soon as the restarted server answers.
      expect(await brokenInvariants()).toEqual([]);
    }
    await sleep(2_000);
    loading = false;
    await load;
    await server.stop();
    server = undefined;

    console.log(
      `Crash test: ${figures.attempted} writes attempted (${figures.succeeded} succeeded, ${figures.refused} refused, ` +
        `${figures.failed} failed with a 5xx, ${figures.lost} lost in flight to ${figures.kills} SIGKILLs of the production server), ` +
        `${argumentIds.length} arguments.`,
    );
    expect(figures.kills).toBe(KILLS);
    expect(figures.succeeded).toBeGreaterThanOrEqual(50);
    expect(await brokenInvariants()).toEqual([]);
    expect(runVerifier("strength-verify")).toMatch(/Stored strength matches/);
    expect(runVerifier("verify-log")).toMatch(/Moderation log intact: [1-9]\d* entr/);
  }, 900_000);
});
