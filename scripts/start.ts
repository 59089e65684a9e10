// `npm start`: the whole quick start in one command. Migrates the database (DATABASE_URL, or the embedded
// PGlite under .data/ when it is unset), seeds the demo debate into an empty database, builds the app when the
// build tools are installed and the build is missing or older than the sources, then serves it with
// scripts/serve.ts (Next.js plus the API's fast path), AGORA_PROCESSES of them sharing the port.
//
// Runs as dist/start.mjs under plain Node (scripts/run.mjs, scripts/bundle.mjs): a production install has no tsx.
import cluster from "node:cluster";
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { applyMigrations, migrationDatabaseUrl, openSqlRunner } from "./db/apply-migrations";

const root = path.resolve(__dirname, "..");
process.chdir(root);

function run(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(process.execPath, args, { stdio: "inherit", env });
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} failed (exit ${result.status}).`);
}

/** Auth.js refuses to run without a secret; a local install gets one generated once and kept in .data/. */
function ensureAuthSecret() {
  if (process.env.AUTH_SECRET) return;
  const file = path.join(root, ".data", "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    console.log("AUTH_SECRET is not set: generated one in .data/auth-secret for this machine.");
  }
  process.env.AUTH_SECRET = readFileSync(file, "utf8").trim();
}

function newestSourceTime(): number {
  const skip = new Set(["node_modules", ".next", ".data", "generated", "test-results", "playwright-report", "tests", "e2e", ".git"]);
  let newest = 0;
  const walk = (dir: string) => {
    // A folder's own time changes when a file in it is added or deleted, which file times alone miss.
    newest = Math.max(newest, statSync(dir).mtimeMs);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (skip.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of ["app", "components", "lib", "server", "public", "prisma"]) if (existsSync(dir)) walk(dir);
  for (const file of ["auth.ts", "auth.config.ts", "next.config.ts", "instrumentation.ts", "proxy.ts", "package-lock.json", "postcss.config.mjs"]) {
    if (existsSync(file)) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

// `next build` needs the devDependencies (Tailwind, esbuild for dist/). A production install serves the build it was
// given and never looks at source times (a copy may not keep them). Asked of esbuild, which nothing else needs:
// TypeScript and the Prisma CLI land in production installs too, as optional peers of @prisma/client.
function buildToolsInstalled(): boolean {
  try {
    createRequire(path.join(root, "package.json")).resolve("esbuild");
    return true;
  } catch {
    return false;
  }
}

function buildIfStale() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!buildToolsInstalled()) {
    if (!existsSync(buildId)) throw new Error("There is no build (.next/) and no build tools: run `npm run build` on a full install (npm ci) first.");
    return;
  }
  if (process.env.AGORA_SKIP_BUILD !== "1" && (!existsSync(buildId) || statSync(buildId).mtimeMs < newestSourceTime())) {
    console.log("Building the app (next build)…");
    run([path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
  }
}

/** How many server processes share the port. The embedded database serves one process only. */
function processCount(): number {
  const raw = process.env.AGORA_PROCESSES ?? "1";
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > 64) throw new Error(`AGORA_PROCESSES must be a whole number from 1 to 64 (got "${raw}").`);
  if (count > 1 && !process.env.DATABASE_URL) throw new Error("AGORA_PROCESSES > 1 needs DATABASE_URL: the embedded database serves one process.");
  return count;
}

async function prepare() {
  const db = await openSqlRunner(migrationDatabaseUrl());
  console.log(`Database: ${db.label}${process.env.DATABASE_URL ? "" : " (set DATABASE_URL to use your own PostgreSQL)"}`);
  try {
    const applied = await applyMigrations(db, { log: console.log });
    if (applied.length) console.log(`Applied ${applied.length} migration(s).`);
  } finally {
    await db.close();
  }
  if (process.env.AGORA_SEED !== "0") run([path.join(root, "dist", "seed.mjs")]);
  ensureAuthSecret();
  buildIfStale();
}

/**
 * Each worker is the production server (scripts/serve.ts: Next, plus the fast path for API-token votes, kept on the
 * evidence in the README's "Production" section); node:cluster only lets several of them listen on one port (the
 * primary accepts and hands connections round-robin). A worker that dies takes the others down with it, so a
 * supervisor (systemd, Docker, Kubernetes) restarts the whole as it would one process.
 */
function serve(count: number) {
  const port = process.env.PORT ?? "3000";
  cluster.setupPrimary({ exec: path.join(root, "dist", "serve.mjs") });
  for (let i = 0; i < count; i++) cluster.fork({ PORT: port, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });
  let stopRequested = false;
  let failed = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      stopRequested = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    });
  }
  cluster.on("exit", (_worker, code, signal) => {
    if (!stopRequested && !failed) {
      console.error(`A server process exited (${signal ?? `code ${code}`}): stopping the others.`);
      failed = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill("SIGTERM");
    }
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(failed ? 1 : 0);
  });
  console.log(`Agora: ${count} server process${count === 1 ? "" : "es"} on http://localhost:${port}`);
}

async function main() {
  const count = processCount();
  await prepare();
  serve(count);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
