// Our stand-in for `prisma migrate deploy`. Prisma's native schema engine cannot be downloaded on our machines,
// so this applies prisma/migrations/*/migration.sql itself. It keeps Prisma's own bookkeeping (the
// `_prisma_migrations` table, same DDL, same checksums, same advisory lock) so that the real
// `prisma migrate deploy|status|resolve` keep working on any database migrated here, and vice versa.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { embeddedDatabaseDir } from "../../server/database-location";
import { lockEmbeddedDatabase } from "../../server/embedded-database-lock";

export interface SqlRunner {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Runs a script of one or more statements (no parameters). */
  exec(sql: string): Promise<void>;
}

export type OpenedSqlRunner = SqlRunner & {
  close(): Promise<void>;
  kind: "postgres" | "embedded";
  /** Human-readable target, never containing a password, e.g. "PostgreSQL at 127.0.0.1:5432/agora". */
  label: string;
};


// The lock key Prisma's schema engine takes (`SELECT pg_advisory_lock(72707369)`), so our runs also exclude
// concurrent native Prisma runs.
const PRISMA_ADVISORY_LOCK_KEY = 72707369;

// Verbatim from the schema engine (schema-engine-wasm 8.1, PostgreSQL flavour), so the table is
// indistinguishable from one Prisma created.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

interface MigrationRow {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
}

interface MigrationFile {
  name: string;
  script: string;
}

/**
 * Applies every migration in `migrationsDir` (default: <cwd>/prisma/migrations) that the database has not
 * recorded yet, in name order. Returns the names it applied (empty when the database was up to date).
 */
export async function applyMigrations(
  db: SqlRunner,
  opts: { migrationsDir?: string; log?: (msg: string) => void } = {},
): Promise<string[]> {
  const migrationsDir = path.resolve(opts.migrationsDir ?? "prisma/migrations");
  const log = opts.log ?? (() => {});
  const migrations = readMigrationFiles(migrationsDir);

  // Try first so we can say why we are waiting; then block like Prisma does (a second start-up process
  // simply waits for the first one to finish and then finds nothing to do).
  const [tried] = (await db.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [PRISMA_ADVISORY_LOCK_KEY])).rows;
  if (!tried?.locked) {
    log("Another process is migrating this database; waiting for its advisory lock…");
    await db.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
  }
  try {
    await ensureMigrationsTable(db);
    const recorded = (
      await db.query<MigrationRow>(
        "SELECT id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at FROM _prisma_migrations ORDER BY started_at ASC",
      )
    ).rows;
    checkHistory(recorded, migrations);

    // Rows marked rolled back (`prisma migrate resolve --rolled-back`) do not count as applied, as in Prisma.
    const applied = new Set(recorded.filter((r) => r.rolled_back_at === null).map((r) => r.migration_name));
    const pending = migrations.filter((m) => !applied.has(m.name));
    if (pending.length === 0) log("No pending migrations.");

    const done: string[] = [];
    for (const migration of pending) {
      log(`Applying migration ${migration.name}`);
      await applyOne(db, migration);
      done.push(migration.name);
    }
    return done;
  } finally {
    // Session-level lock: it also goes away with the connection, so a failing unlock must not hide the real error.
    await db.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_KEY]).catch(() => {});
  }
}

/** Prisma's checksum: SHA-256 of the script's UTF-8 bytes, as 64 lower-case hex digits. */
export function migrationChecksum(script: string): string {
  return createHash("sha256").update(script, "utf8").digest("hex");
}

// Same tolerance as the schema engine's `script_matches_checksum`: a checkout that converted line endings
// (git autocrlf) must not look like an edited migration, and very old Prisma versions stored hex digits without
// zero-padding (prisma-engines#1887).
function scriptMatchesChecksum(script: string, checksum: string): boolean {
  const variants = [script, script.replace(/\r\n/g, "\n"), script.replace(/\n/g, "\r\n")];
  return variants.some((variant) => {
    const digest = createHash("sha256").update(variant, "utf8").digest();
    const rendered = checksum.length === 64 ? digest.toString("hex") : [...digest].map((b) => b.toString(16)).join("");
    return rendered === checksum;
  });
}

function readMigrationFiles(migrationsDir: string): MigrationFile[] {
  if (!existsSync(migrationsDir)) return [];
  const lockfile = path.join(migrationsDir, "migration_lock.toml");
  if (existsSync(lockfile)) {
    // Prisma refuses migrations written for another database (P3019); so do we.
    const provider = /provider\s*=\s*"([^"]*)"/.exec(readFileSync(lockfile, "utf8"))?.[1];
    if (provider && provider !== "postgresql") {
      throw new Error(`${lockfile} says provider = "${provider}", but this database is PostgreSQL.`);
    }
  }
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    // Plain code-unit order, like the engine's Rust string sort (names start with a UTC timestamp).
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      if (!existsSync(file)) throw new Error(`Migration folder ${name} has no migration.sql (${file}).`);
      return { name, script: readFileSync(file, "utf8") };
    });
}

async function ensureMigrationsTable(db: SqlRunner): Promise<void> {
  // Unqualified names resolve through search_path, exactly as in Prisma (which uses the URL's `schema`).
  const [found] = (
    await db.query<{ exists: boolean }>(
      "SELECT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = '_prisma_migrations') AS exists",
    )
  ).rows;
  if (found?.exists) return;

  // Like `prisma migrate deploy` (P3005): a database that already has objects but no migration history was not
  // created by these migrations (wrong DATABASE_URL, or it needs baselining); running them there would fail
  // halfway or clobber it.
  const [objects] = (
    await db.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f'))::int
            + (SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                WHERE n.nspname = current_schema() AND t.typtype IN ('e', 'd'))::int AS n`,
    )
  ).rows;
  if (objects && objects.n > 0) {
    throw new Error(
      "The database schema is not empty but has no _prisma_migrations table, so it was not created by these migrations " +
        "(Prisma error P3005). Check DATABASE_URL; to adopt an existing database, baseline it " +
        "(https://pris.ly/d/migrate-baseline).",
    );
  }
  await db.exec(CREATE_MIGRATIONS_TABLE);
}

function checkHistory(recorded: MigrationRow[], migrations: MigrationFile[]): void {
  // A migration that started but neither finished nor was marked rolled back left the schema in an unknown
  // state (Prisma's P3009). Only a human can tell what happened; Prisma refuses too.
  const failed = recorded.filter((r) => r.finished_at === null && r.rolled_back_at === null);
  if (failed.length > 0) {
    const details = failed
      .map((r) => `- ${r.migration_name} (started ${r.started_at.toISOString()})${r.logs?.trim() ? `:\n${r.logs.trim()}` : ""}`)
      .join("\n");
    throw new Error(
      `The database records failed migrations; no new migration will be applied until they are resolved:\n${details}\n` +
        "Fix the database by hand, then mark the row rolled back (or applied) in _prisma_migrations " +
        "(what `prisma migrate resolve` does): https://pris.ly/d/migrate-resolve",
    );
  }

  // Prisma's deploy does not look at edited migrations (only `migrate dev`/`status` report them); we refuse, because an applied migration that no longer
  // matches its file means this database and a fresh one built from the files differ.
  const byName = new Map(migrations.map((m) => [m.name, m]));
  const edited = recorded
    .filter((r) => r.rolled_back_at === null)
    .filter((r) => {
      const file = byName.get(r.migration_name);
      return file !== undefined && !scriptMatchesChecksum(file.script, r.checksum);
    })
    .map((r) => r.migration_name);
  if (edited.length > 0) {
    throw new Error(
      `These migrations were modified after they were applied to this database (checksum mismatch): ${edited.join(", ")}. ` +
        "Restore the original migration.sql and put further changes in a new migration.",
    );
  }
}

async function applyOne(db: SqlRunner, migration: MigrationFile): Promise<void> {
  // Unlike Prisma (which records the row before running the script outside any explicit transaction), the script
  // and its row commit or roll back together: a failure leaves no half-applied schema and no "failed" row, so the
  // next run simply retries once the file is fixed. Consequence: migration.sql must not contain its own
  // BEGIN/COMMIT or statements that cannot run in a transaction (CREATE INDEX CONCURRENTLY, VACUUM…).
  const id = randomUUID();
  await db.exec("BEGIN");
  try {
    // clock_timestamp(), not now(): now() is frozen at BEGIN, and Prisma's rows show the real start/finish times.
    await db.query(
      "INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, clock_timestamp())",
      [id, migrationChecksum(migration.script), migration.name],
    );
    await db.exec(migration.script);
    // Prisma counts one step per script, then stamps finished_at; logs stay NULL on success.
    await db.query(
      "UPDATE _prisma_migrations SET applied_steps_count = applied_steps_count + 1, finished_at = clock_timestamp() WHERE id = $1",
      [id],
    );
    await db.exec("COMMIT");
  } catch (error) {
    await db.exec("ROLLBACK").catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${migration.name} failed and was rolled back: ${reason}`, { cause: error });
  }
}

/**
 * Where migrations run: DIRECT_DATABASE_URL when set (behind PgBouncer in transaction mode, DATABASE_URL names the
 * pooler, and the migration's session-level advisory lock needs one server connection from lock to unlock),
 * else DATABASE_URL, else the embedded database.
 */
export function migrationDatabaseUrl(): string | undefined {
  return process.env.DIRECT_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

/**
 * Opens the database the app uses: PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite persisted
 * in `pgliteDir` (default: embeddedDatabaseDir(), i.e. .data/pglite or $AGORA_DATA_DIR/pglite).
 */
export async function openSqlRunner(databaseUrl: string | undefined, opts: { pgliteDir?: string } = {}): Promise<OpenedSqlRunner> {
  return databaseUrl ? openPostgres(databaseUrl) : openEmbedded(opts.pgliteDir ?? embeddedDatabaseDir());
}

async function openPostgres(databaseUrl: string): Promise<OpenedSqlRunner> {
  const client = await connectCreatingDatabase(databaseUrl);
  // Without a listener, a connection dropped by the server would crash the process; the next query fails anyway.
  client.on("error", () => {});
  // Prisma's `?schema=` URL parameter selects the schema its tables (and _prisma_migrations) live in; pg ignores it.
  const schema = safeUrl(databaseUrl)?.searchParams.get("schema");
  if (schema) {
    const ident = `"${schema.replace(/"/g, '""')}"`;
    // Checked first because CREATE SCHEMA IF NOT EXISTS still demands CREATE rights on the database.
    const exists = await client.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [schema]);
    if (exists.rowCount === 0) await client.query(`CREATE SCHEMA ${ident}`);
    await client.query(`SET search_path TO ${ident}`);
  }
  return {
    kind: "postgres",
    label: describePostgres(databaseUrl),
    async query<T>(sql: string, params?: unknown[]) {
      const result = await client.query(sql, params);
      return { rows: result.rows as T[] };
    },
    async exec(sql: string) {
      // Without parameters pg uses the simple-query protocol, which accepts many statements in one string.
      await client.query(sql);
    },
    close: () => client.end(),
  };
}

// `prisma migrate deploy` creates the database named in the URL when it does not exist; do the same so a fresh
// DATABASE_URL (e.g. a per-test database) just works.
async function connectCreatingDatabase(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    return client;
  } catch (error) {
    const url = safeUrl(databaseUrl);
    const database = url ? decodeURIComponent(url.pathname.slice(1)) : "";
    if ((error as { code?: string }).code !== "3D000" || !url || !database) throw error;
    // pg lets the connection string override a `database` option, so point the URL itself at the maintenance DB.
    url.pathname = "/postgres";
    const admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
    } catch (createError) {
      // 42P04: someone else created it meanwhile, which is fine.
      if ((createError as { code?: string }).code !== "42P04") throw createError;
    } finally {
      await admin.end();
    }
    const retry = new pg.Client({ connectionString: databaseUrl });
    await retry.connect();
    return retry;
  }
}

async function openEmbedded(pgliteDir: string): Promise<OpenedSqlRunner> {
  const dir = path.resolve(pgliteDir);
  // Before anything is opened: migrating a folder that a running server holds would change its schema under it.
  const lock = lockEmbeddedDatabase(dir);
  let db: import("@electric-sql/pglite").PGlite;
  try {
    mkdirSync(dir, { recursive: true });
    // Loaded lazily: PGlite is a large WebAssembly build that PostgreSQL users never need.
    const { newEmbeddedPostgres } = await import("../../server/embedded-postgres");
    db = newEmbeddedPostgres(dir);
    await db.waitReady;
  } catch (error) {
    lock.release();
    throw error;
  }
  return {
    kind: "embedded",
    label: `embedded PostgreSQL (PGlite) in ${displayPath(dir)}`,
    async query<T>(sql: string, params?: unknown[]) {
      const result = await db.query<T>(sql, params);
      return { rows: result.rows };
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
    async close() {
      try {
        await db.close();
      } finally {
        lock.release();
      }
    },
  };
}

/** "PostgreSQL at host:port/database" for logs; the URL's user name and password are left out. */
export function describePostgres(databaseUrl: string): string {
  const url = safeUrl(databaseUrl);
  if (!url) return "PostgreSQL (DATABASE_URL is not a parseable URL)";
  const host = url.hostname || url.searchParams.get("host") || "localhost";
  return `PostgreSQL at ${host}:${url.port || "5432"}/${decodeURIComponent(url.pathname.slice(1)) || url.username || "postgres"}`;
}

// Short relative path inside the project, absolute outside it.
function displayPath(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : dir;
}

function safeUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
