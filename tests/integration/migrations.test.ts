import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createMigration } from "../../scripts/db/create-migration";
import { migrationChecksum } from "../../scripts/db/apply-migrations";
import pg from "pg";

const migrationsDir = path.resolve(__dirname, "../../prisma/migrations");

describe("migrations", () => {
  it("match prisma/schema.prisma: a schema change without its migration fails here", async () => {
    // createMigration diffs the newest migration's schema snapshot against the schema; null means no change.
    // It runs on a copy so that a missing migration is reported, not silently written into the repository.
    const copy = mkdtempSync(path.join(tmpdir(), "agora-migrations-"));
    try {
      cpSync(migrationsDir, copy, { recursive: true });
      expect(await createMigration("should_be_empty", { migrationsDir: copy })).toBeNull();
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
    const latest = readdirSync(migrationsDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort().at(-1)!;
    expect(readFileSync(path.join(migrationsDir, latest, "schema.prisma"), "utf8")).toBe(
      readFileSync(path.resolve(__dirname, "../../prisma/schema.prisma"), "utf8"),
    );
  });

  it("are recorded in Prisma's own _prisma_migrations table with Prisma's checksums", async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
        "SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name",
      );
      const dirs = readdirSync(migrationsDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
      expect(rows.map((r) => r.migration_name)).toEqual(dirs);
      for (const row of rows) {
        expect(row.finished_at).not.toBeNull();
        expect(row.checksum).toBe(migrationChecksum(readFileSync(path.join(migrationsDir, row.migration_name, "migration.sql"), "utf8")));
      }
    } finally {
      await client.end();
    }
  });
});
