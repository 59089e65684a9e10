import "server-only";
import { mkdirSync } from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "./generated/prisma/client";
import { embeddedDatabaseDir } from "./database-location";
import { newEmbeddedPostgres } from "./embedded-postgres";
import { lockEmbeddedDatabase, type EmbeddedDatabaseLock } from "./embedded-database-lock";

const globalForDb = globalThis as unknown as { agoraPrisma?: Db; agoraPglite?: PGlite; agoraPgliteLock?: EmbeddedDatabaseLock };

/**
 * One PGlite per folder, in one process: two instances on one folder would each run their own PostgreSQL and
 * lose each other's writes. Throws EmbeddedDatabaseBusyError, before opening anything, when another process
 * has the folder.
 */
export function embeddedDatabase(): PGlite {
  if (!globalForDb.agoraPglite) {
    const dir = embeddedDatabaseDir();
    const lock = lockEmbeddedDatabase(dir);
    try {
      mkdirSync(dir, { recursive: true });
      globalForDb.agoraPglite = newEmbeddedPostgres(dir);
    } catch (error) {
      lock.release();
      throw error;
    }
    globalForDb.agoraPgliteLock = lock;
  }
  return globalForDb.agoraPglite;
}

/**
 * Opens the embedded database now (nothing to open with DATABASE_URL), so that a process that cannot have it is
 * refused before it does any work, with the lock's message rather than an error from inside a query.
 */
export async function openDatabase(): Promise<void> {
  if (!process.env.DATABASE_URL) await embeddedDatabase().waitReady;
}

/**
 * The pool: one Node process serves many requests at once, each holding a connection only while it queries or
 * runs a transaction. 20 connections keep both CPU cores busy with room for waits on row locks, and leave most
 * of PostgreSQL's default 100 to other processes (AGORA_DB_POOL_MAX changes it). A request that waits longer
 * than AGORA_DB_POOL_WAIT_MS for a connection is answered 503 with Retry-After (see isPoolExhausted), not 500.
 */
const POOL_MAX = Number(process.env.AGORA_DB_POOL_MAX) || 20;
const POOL_WAIT_MS = Number(process.env.AGORA_DB_POOL_WAIT_MS) || 10_000;

function createAdapter(): SqlDriverAdapterFactory {
  const url = process.env.DATABASE_URL;
  if (url) return new PrismaPg({ connectionString: url, max: POOL_MAX, connectionTimeoutMillis: POOL_WAIT_MS });
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
    // Prisma's default (2 s) to get a connection for a transaction is shorter than a busy pool's queue.
    transactionOptions: { maxWait: POOL_WAIT_MS },
  });
}

/**
 * True for the errors of a pool with no free connection in time: Prisma's P2028 ("Unable to start a
 * transaction in the given time") and pg's connection timeout. These are load, not bad input or a bug.
 */
export function isPoolExhausted(error: unknown): boolean {
  for (let e = error, depth = 0; typeof e === "object" && e !== null && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (code === "P2028" && typeof message === "string" && message.includes("Unable to start a transaction")) return true;
    if (typeof message === "string" && message.includes("timeout exceeded when trying to connect")) return true;
  }
  return false;
}

export type Db = ReturnType<typeof createPrismaClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export const db: Db = globalForDb.agoraPrisma ?? createPrismaClient();
globalForDb.agoraPrisma = db;

/** For command-line scripts: release the connection pool, and shut the embedded database down cleanly. */
export async function closeDatabase(): Promise<void> {
  await db.$disconnect();
  if (globalForDb.agoraPglite) {
    const pglite = globalForDb.agoraPglite;
    globalForDb.agoraPglite = undefined;
    try {
      await pglite.close();
    } finally {
      // Only once PGlite has written everything out may another process open the folder.
      globalForDb.agoraPgliteLock?.release();
      globalForDb.agoraPgliteLock = undefined;
    }
  }
}
