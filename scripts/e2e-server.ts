// The server Playwright tests run against: a fresh agora_e2e database (reset under the same guard as the
// integration tests), then the ordinary start-up path, so the quick start itself is what gets tested.
import { spawn } from "node:child_process";
import path from "node:path";
import { resetTestDatabase, testDatabaseUrl } from "./db/test-database";

async function main() {
  const databaseUrl = testDatabaseUrl("agora_e2e");
  await resetTestDatabase(databaseUrl);
  const root = path.resolve(__dirname, "..");
  const server = spawn(process.execPath, [path.join(root, "scripts", "run.mjs"), "start"], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-not-for-production" },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
