import "server-only";
import { mkdirSync } from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "./generated/prisma/client";
import { embeddedDatabaseDir } from "./database-location";

const globalForDb = globalThis as unknown as { agoraPrisma?: Db; agoraPglite?: PGlite };

/** One PGlite per process: two instances on one folder would corrupt it. */
export function embeddedDatabase(): PGlite {
  if (!globalForDb.agoraPglite) {
    mkdirSync(embeddedDatabaseDir(), { recursive: true });
    globalForDb.agoraPglite = new PGlite(embeddedDatabaseDir());
  }
  return globalForDb.agoraPglite;
}

function createAdapter(): SqlDriverAdapterFactory {
  const url = process.env.DATABASE_URL;
  if (url) return new PrismaPg({ connectionString: url });
  // Opened on first query, not at import: `next build` imports this module in several workers.
  return {
    provider: "postgres",
    adapterName: "pglite-lazy",
    connect: () => new PrismaPGlite(embeddedDatabase()).connect(),
  };
}

function createPrismaClient() {
  return new PrismaClient({
    adapter: createAdapter(),
    // Query events feed the query-count tests and the benchmark; off in normal runs.
    log: process.env.AGORA_QUERY_EVENTS === "1" ? [{ emit: "event", level: "query" }] : [],
    // Password hashes never leave the database unless a query asks for them by name.
    omit: { user: { passwordHash: true } },
  });
}

export type Db = ReturnType<typeof createPrismaClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export const db: Db = globalForDb.agoraPrisma ?? createPrismaClient();
globalForDb.agoraPrisma = db;

/** For command-line scripts: release the connection pool, and shut the embedded database down cleanly. */
export async function closeDatabase(): Promise<void> {
  await db.$disconnect();
  if (globalForDb.agoraPglite) {
    await globalForDb.agoraPglite.close();
    globalForDb.agoraPglite = undefined;
  }
}
