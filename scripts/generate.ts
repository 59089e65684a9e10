// Generates the Prisma client. `prisma generate` first tries to download the native schema engine, which
// this project never needs (migrations run on scripts/migrate.ts); pointing it at any existing file skips
// the download, and generation itself needs no engine.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const env: NodeJS.ProcessEnv = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = existsSync("/bin/false") ? "/bin/false" : process.execPath;
execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], { stdio: "inherit", env });
