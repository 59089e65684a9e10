import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { newEmbeddedPostgres } from "@/server/embedded-postgres";

// The quick-start path with DATABASE_URL unset: migrations and the demo seed run on the embedded PGlite in
// a folder of its own, in child processes exactly as `npm start` runs them.
const dataDir = mkdtempSync(path.join(tmpdir(), "agora-embedded-"));
const root = path.resolve(__dirname, "../..");
const env = { ...process.env, AGORA_DATA_DIR: dataDir } as NodeJS.ProcessEnv;
delete env.DATABASE_URL;
delete env.AGORA_QUERY_EVENTS;

const tsx = (args: string[]) =>
  execFileSync(path.join(root, "node_modules/.bin/tsx"), args, { cwd: root, env, encoding: "utf8", timeout: 120_000 });

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("embedded database (DATABASE_URL unset)", () => {
  it("migrates, seeds the demo debate once, and says which database it uses", async () => {
    const migrated = tsx(["scripts/migrate.ts", "deploy"]);
    expect(migrated).toContain(`Database: embedded PostgreSQL (PGlite) in ${dataDir}/pglite`);
    expect(migrated).toMatch(/Applied 1 migration|Applied \d+ migration/);
    expect(tsx(["scripts/migrate.ts", "deploy"])).toContain("Database is up to date.");

    expect(tsx(["--conditions=react-server", "scripts/seed.ts"])).toMatch(/Seeded the demo debate .* \d+ arguments by \d+ members/);
    expect(tsx(["--conditions=react-server", "scripts/seed.ts"])).toContain("nothing seeded");

    const db = newEmbeddedPostgres(path.join(dataDir, "pglite"));
    try {
      const { rows } = await db.query<{ title: string; arguments: number; authors: number; depth: number }>(`
        SELECT t.title, count(a.id)::int AS arguments, count(DISTINCT a."authorId")::int AS authors, max(a.depth)::int AS depth
        FROM "Thesis" t JOIN "Argument" a ON a."thesisId" = t.id GROUP BY t.title`);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.title).toBe("Putin cannot accept a peace deal that secures Ukrainian statehood");
      expect(rows[0]!.arguments).toBeGreaterThanOrEqual(12);
      expect(rows[0]!.authors).toBeGreaterThanOrEqual(3);
      expect(rows[0]!.depth).toBeGreaterThanOrEqual(2);
      const revisions = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "ArgumentRevision"`);
      expect(revisions.rows[0]!.n).toBe(rows[0]!.arguments);

      // Search runs on PGlite too: its generated tsvector columns were filled by the seed, and the GIN index serves them.
      const hits = await db.query<{ rank: number; headline: string }>(
        `SELECT ts_rank(search, q) AS rank, ts_headline('english', title, q, 'StartSel=<mark>, StopSel=</mark>') AS headline
         FROM "Thesis", websearch_to_tsquery('english', 'peace deals') q WHERE search @@ q`,
      );
      expect(hits.rows).toHaveLength(1);
      expect(hits.rows[0]!.headline).toContain("<mark>peace</mark> <mark>deal</mark>");

      // pg_trgm loads on PGlite too (server/embedded-postgres.ts): "has this been said already?" works there.
      const similar = await db.query<{ score: number }>(
        `SELECT word_similarity(left(body, 60), body) AS score FROM "Argument" WHERE left(body, 60) <% body LIMIT 1`,
      );
      expect(similar.rows[0]!.score).toBeGreaterThan(0.5);
      const topics = await db.query<{ name: string; n: number }>(`SELECT name, "thesisCount" AS n FROM "Topic" ORDER BY slug`);
      expect(topics.rows.map((t) => t.name)).toContain("Russia–Ukraine war");
      const argumentHits = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Argument" WHERE search @@ websearch_to_tsquery('english', 'Ukraine')`);
      expect(argumentHits.rows[0]!.n).toBeGreaterThan(0);
      const indexes = await db.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE indexdef LIKE '%USING gin (search)%' ORDER BY 1`);
      expect(indexes.rows.map((r) => r.indexname)).toEqual(["Argument_search_idx", "Quote_search_idx", "Source_search_idx", "Thesis_search_idx"]);
    } finally {
      await db.close();
    }
  }, 180_000);
});
