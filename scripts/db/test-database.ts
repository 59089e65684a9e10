// Creates a throw-away database for the test suites. Guarded: it only ever drops databases on a local
// server whose name says they belong to Agora's tests, never anything else on the machine.
import pg from "pg";
import { applyMigrations, openSqlRunner } from "./apply-migrations";

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

/**
 * URL of the test database `name` on the local test server. AGORA_TEST_DB_SUFFIX keeps parallel checkouts
 * (or developers) from resetting each other's databases.
 */
export function testDatabaseUrl(name: string): string {
  const base = new URL(process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
  base.pathname = `/${name}${process.env.AGORA_TEST_DB_SUFFIX ?? ""}`;
  return base.toString();
}

export function assertDisposable(url: string): void {
  const parsed = new URL(url);
  const name = parsed.pathname.slice(1);
  if (!LOCAL_HOSTS.has(parsed.hostname)) {
    throw new Error(`Refusing to reset ${parsed.hostname}: test databases must be on this machine.`);
  }
  if (!/^agora_(test|e2e)\w*$/.test(name)) {
    throw new Error(`Refusing to reset database "${name}": test databases are named agora_test* or agora_e2e*.`);
  }
}

/** Drops and recreates the database named in `url`, then applies every migration. */
export async function resetTestDatabase(url: string): Promise<void> {
  assertDisposable(url);
  const name = new URL(url).pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const runner = await openSqlRunner(url);
  try {
    await applyMigrations(runner);
  } finally {
    await runner.close();
  }
}
