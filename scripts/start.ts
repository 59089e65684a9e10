// `npm start`: the whole quick start in one command. Migrates the database (DATABASE_URL, or the embedded
// PGlite under .data/ when it is unset), seeds the demo debate into an empty database, builds the app when
// the build is missing or older than the sources, then serves it with scripts/serve.ts (Next.js plus the API's fast path).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { applyMigrations, openSqlRunner } from "./db/apply-migrations";

const root = path.resolve(__dirname, "..");
process.chdir(root);
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) throw new Error(`${path.basename(command)} ${args.join(" ")} failed (exit ${result.status}).`);
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
  for (const file of ["auth.ts", "auth.config.ts", "next.config.ts", "package-lock.json", "postcss.config.mjs"]) {
    if (existsSync(file)) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

function buildIfStale() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (process.env.AGORA_SKIP_BUILD !== "1" && (!existsSync(buildId) || statSync(buildId).mtimeMs < newestSourceTime())) {
    console.log("Building the app (next build)…");
    run(bin("next"), ["build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
  }
}

async function main() {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const db = await openSqlRunner(databaseUrl);
  console.log(`Database: ${db.label}${databaseUrl ? "" : " (set DATABASE_URL to use your own PostgreSQL)"}`);
  try {
    const applied = await applyMigrations(db, { log: console.log });
    if (applied.length) console.log(`Applied ${applied.length} migration(s).`);
  } finally {
    await db.close();
  }
  if (process.env.AGORA_SEED !== "0") {
    run(bin("tsx"), ["--conditions=react-server", "scripts/seed.ts"]);
  }
  ensureAuthSecret();
  buildIfStale();

  const port = process.env.PORT ?? "3000";
  const server = spawn(bin("tsx"), ["scripts/serve.ts"], {
    stdio: "inherit",
    env: { ...process.env, PORT: port, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
