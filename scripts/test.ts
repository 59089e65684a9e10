// `npm test`: unit and integration tests (Vitest, against a throw-away PostgreSQL database), then the
// end-to-end tests (Playwright, against the app built and started the way `npm start` does it), then the tests of
// the production server itself (tests/production/: several processes on one database, SIGKILL during writes),
// which reuse the build Playwright made.
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(__dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

for (const [command, args] of [
  [bin("vitest"), ["run"]],
  [bin("playwright"), ["test"]],
  [bin("vitest"), ["run", "--config", "vitest.production.config.ts"]],
] as const) {
  const result = spawnSync(command, args, { stdio: "inherit", cwd: root, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
