import path from "node:path";

// No `server-only` here: the start and migration scripts read this too. Nothing in it is secret.

/** Folder of the embedded database used when DATABASE_URL is unset (AGORA_DATA_DIR moves it). */
export function embeddedDatabaseDir(): string {
  return path.resolve(process.env.AGORA_DATA_DIR ?? ".data", "pglite");
}

/** Which database the app uses, for start-up logs; never includes a password. */
export function describeDatabase(url = process.env.DATABASE_URL): string {
  if (!url) return `embedded PostgreSQL (PGlite) in ${path.relative(process.cwd(), embeddedDatabaseDir()) || "."}`;
  try {
    const parsed = new URL(url);
    return `PostgreSQL at ${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return "PostgreSQL (DATABASE_URL is not a parseable URL)";
  }
}
