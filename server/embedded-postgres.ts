import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

// No `server-only` here: the migration script and the tests open the embedded database too.

/**
 * The embedded PostgreSQL (PGlite) with the extensions the migrations create. PGlite ships contrib extensions as
 * separate bundles that must be passed when the database opens, so every opener goes through here: one that
 * forgot pg_trgm could not use the trigram index (or run the migration that creates it).
 */
export function newEmbeddedPostgres(dataDir?: string): PGlite {
  return new PGlite(dataDir, { extensions: { pg_trgm } });
}
