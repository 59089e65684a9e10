-- Trigram similarity for "has this been said already?" (server/arguments/find-similar-arguments.ts). pg_trgm ships
-- with PostgreSQL's contrib and with PGlite (loaded by server/embedded-postgres.ts); full-text ranking was the
-- fallback, but it misses reworded near-duplicates that trigrams catch ("sanction"/"sanctioned", typos).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Argument_body_trgm_idx" ON "Argument" USING GIN ("body" gin_trgm_ops);
