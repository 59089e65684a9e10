// Generates the Prisma client (server/generated/prisma), which the type checker, the tests and `next build` read;
// `npm install` runs it (postinstall). `prisma generate` first tries to download the native schema engine, which
// this project never needs (migrations run on scripts/migrate.ts); pointing it at any existing file skips the
// download, and generation itself needs no engine.
// A production install (`npm ci --omit=dev`) has no Prisma CLI and needs no client: its build contains one.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const cli = "node_modules/prisma/build/index.js";
if (!existsSync(cli)) {
  console.log("No Prisma CLI (production install): nothing to generate, the build already contains the client.");
  process.exit(0);
}
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = existsSync("/bin/false") ? "/bin/false" : process.execPath;
execFileSync(process.execPath, [cli, "generate"], { stdio: "inherit", env });
