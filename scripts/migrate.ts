// Migration CLI (Prisma's native `migrate` commands cannot run here; see scripts/db/*.ts for why).
//   tsx scripts/migrate.ts deploy           apply pending migrations to DATABASE_URL, or to the embedded PGlite
//   tsx scripts/migrate.ts create <name>    write the migration from the newest snapshot to prisma/schema.prisma
import path from "node:path";
import { applyMigrations, migrationDatabaseUrl, openSqlRunner } from "./db/apply-migrations";
import { createMigration } from "./db/create-migration";

const USAGE = "Usage: tsx scripts/migrate.ts deploy | create <name>";

async function deploy(): Promise<void> {
  const db = await openSqlRunner(migrationDatabaseUrl());
  try {
    console.log(`Database: ${db.label}`);
    const applied = await applyMigrations(db, { log: (msg) => console.log(msg) });
    console.log(applied.length === 0 ? "Database is up to date." : `Applied ${applied.length} migration(s).`);
  } finally {
    await db.close();
  }
}

async function create(name: string | undefined): Promise<void> {
  if (!name) throw new Error(`Missing migration name. ${USAGE}`);
  const created = await createMigration(name);
  if (created === null) {
    console.log("No changes: prisma/schema.prisma matches the latest migration. Nothing written.");
    return;
  }
  console.log(`Created ${path.join("prisma", "migrations", created, "migration.sql")}`);
  console.log("Review it, then apply it with: npm run db:migrate");
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (command === "deploy") return deploy();
  if (command === "create") return create(args.join(" ") || undefined);
  throw new Error(USAGE);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
