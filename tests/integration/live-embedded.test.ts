import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// Live events with DATABASE_URL unset: the one process that owns the embedded PGlite listens with PGlite's own
// listen(), which hears the NOTIFYs of that process's transactions (there is no second process to reach).
const dataDir = mkdtempSync(path.join(tmpdir(), "agora-live-embedded-"));
const root = path.resolve(__dirname, "../..");
const env = { ...process.env, AGORA_DATA_DIR: dataDir } as NodeJS.ProcessEnv;
delete env.DATABASE_URL;
delete env.AGORA_QUERY_EVENTS;

const tsx = (args: string[]) =>
  execFileSync(path.join(root, "node_modules/.bin/tsx"), args, { cwd: root, env, encoding: "utf8", timeout: 120_000 });

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("live events on the embedded database", () => {
  it("delivers a committed event through PGlite's listen, and nothing from a rolled-back transaction", () => {
    tsx(["scripts/migrate.ts", "deploy"]);
    const output = tsx(["--conditions=react-server", "tests/support/live-embedded-check.ts"]);
    expect(JSON.parse(output.trim().split("\n").at(-1)!)).toEqual(["committed"]);
  }, 180_000);
});
