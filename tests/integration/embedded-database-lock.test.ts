import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { newEmbeddedPostgres } from "@/server/embedded-postgres";
import { EmbeddedDatabaseBusyError, lockEmbeddedDatabase } from "@/server/embedded-database-lock";

// One process per embedded database: real processes on a real PGlite folder, as `npm start` and the npm scripts
// run them. Node is started directly with tsx as a loader (not through the tsx command, which runs the script in a
// child of its own), so the PID the test signals is the process that holds the database.
const root = path.resolve(__dirname, "../..");
const dataDir = mkdtempSync(path.join(tmpdir(), "agora-dblock-"));
const databaseDir = path.join(dataDir, "pglite");
const lockFile = path.join(dataDir, "pglite.lock");
const env = { ...process.env, AGORA_DATA_DIR: dataDir } as NodeJS.ProcessEnv;
delete env.DATABASE_URL;
delete env.AGORA_QUERY_EVENTS;
delete env.npm_lifecycle_event;

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function start(script: string, args: string[] = []): ChildProcess & { output: () => Finished; finished: Promise<Finished> } {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script, ...args], { cwd: root, env });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const output = () => ({ code: child.exitCode, signal: child.signalCode, stdout, stderr });
  const finished = new Promise<Finished>((resolve) => child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })));
  return Object.assign(child, { output, finished });
}

const run = (script: string, args: string[] = []) => start(script, args).finished;

const running: ChildProcess[] = [];

/** Starts the stand-in server and waits until it has the database open. */
async function holdDatabase() {
  const holder = start("tests/support/hold-embedded-database.ts");
  running.push(holder);
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (holder.output().stdout.includes("holding the embedded database")) resolve();
    };
    holder.stdout!.on("data", check);
    void holder.finished.then((result) => reject(new Error(`The holder exited early: ${JSON.stringify(result)}`)));
  });
  return holder;
}

async function usersNamed(email: string): Promise<{ email: string; role: string }[]> {
  const db = newEmbeddedPostgres(databaseDir);
  try {
    return (await db.query<{ email: string; role: string }>(`SELECT email, role FROM "User" WHERE email = $1`, [email])).rows;
  } finally {
    await db.close();
  }
}

async function count(table: string): Promise<number> {
  const db = newEmbeddedPostgres(databaseDir);
  try {
    return (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0]!.n;
  } finally {
    await db.close();
  }
}

beforeAll(async () => {
  const migrated = await run("scripts/migrate.ts", ["deploy"]);
  expect(migrated.code, migrated.stderr).toBe(0);
}, 180_000);

afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("one process per embedded database", () => {
  it("a second process refuses at once with a clear message, and changes nothing", async () => {
    const holder = await holdDatabase();
    const email = "second-process@example.test";

    const refused = await run("scripts/admin-create.ts", ["--email", email, "--name", "Second Process", "--password", "a-long-enough-password"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`Agora is running on this database (process ${holder.pid}, tests/support/hold-embedded-database.ts`);
    expect(refused.stderr).toContain("stop it first, or use DATABASE_URL");
    expect(refused.stderr).toContain("AGORA_ADMIN_EMAILS");
    expect(refused.stdout).not.toContain("Created the account");

    // Every other entry point that opens the embedded database refuses the same way.
    for (const [script, args] of [
      ["scripts/migrate.ts", ["deploy"]],
      ["scripts/seed.ts", []],
      ["scripts/verify-log.ts", []],
      ["scripts/strength-verify.ts", []],
    ] as const) {
      const result = await run(script, [...args]);
      expect(result.code, script).toBe(1);
      expect(result.stderr, script).toContain(`Agora is running on this database (process ${holder.pid}`);
    }

    // SIGTERM without a handler of the script's own: the lock goes with the process.
    holder.kill("SIGTERM");
    expect((await holder.finished).signal).toBe("SIGTERM");
    expect(existsSync(lockFile)).toBe(false);
    expect(await usersNamed(email)).toEqual([]);
    expect(await count("Thesis")).toBe(0);
  }, 240_000);

  it("takes over the lock of a process that was killed, and lets go of it on SIGINT and on a clean exit", async () => {
    const killed = await holdDatabase();
    killed.kill("SIGKILL");
    await killed.finished;
    // SIGKILL leaves the lock file naming the dead process…
    expect(JSON.parse(readFileSync(lockFile, "utf8")).pid).toBe(killed.pid);

    // …and the next process takes it over and works, then releases it when it exits normally.
    const email = "after-crash@example.test";
    const created = await run("scripts/admin-create.ts", ["--email", email, "--name", "After Crash", "--password", "a-long-enough-password"]);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain("Created the account after-crash@example.test");
    expect(existsSync(lockFile)).toBe(false);
    expect(await usersNamed(email)).toEqual([{ email, role: "ADMIN" }]);

    const interrupted = await holdDatabase();
    expect(existsSync(lockFile)).toBe(true);
    interrupted.kill("SIGINT");
    expect((await interrupted.finished).signal).toBe("SIGINT");
    expect(existsSync(lockFile)).toBe(false);
    const verified = await run("scripts/verify-log.ts");
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toContain("Moderation log intact: 1 entry verified");
  }, 240_000);
});

describe("who holds the lock", () => {
  // The parent of this test process is alive and is not this process: a stand-in for another Agora process.
  const other = process.ppid;
  const startTime = (pid: number) => {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  };
  const bootId = () => readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
  const lockDir = () => mkdtempSync(path.join(tmpdir(), "agora-lockfile-"));
  const writeLock = (dir: string, holder: Record<string, unknown>) =>
    writeFileSync(path.join(dir, "pglite.lock"), JSON.stringify({ command: "npm run start", since: "earlier", token: "theirs", ...holder }));

  it.runIf(process.platform === "linux")("refuses for a live holder, and takes a reused PID's lock over", () => {
    const dir = lockDir();
    try {
      writeLock(dir, { pid: other, hostname: os.hostname(), bootId: bootId(), startTime: startTime(other) });
      expect(() => lockEmbeddedDatabase(path.join(dir, "pglite"))).toThrow(EmbeddedDatabaseBusyError);
      expect(() => lockEmbeddedDatabase(path.join(dir, "pglite"))).toThrow(`(process ${other}, npm run start`);

      // Same PID, another start time: the holder died and the PID went to an unrelated process.
      writeLock(dir, { pid: other, hostname: os.hostname(), bootId: bootId(), startTime: "1" });
      const lock = lockEmbeddedDatabase(path.join(dir, "pglite"));
      expect(JSON.parse(readFileSync(lock.lockFile, "utf8")).pid).toBe(process.pid);
      lock.release();
      expect(existsSync(lock.lockFile)).toBe(false);

      // A lock from before the last reboot names no running process.
      writeLock(dir, { pid: other, hostname: os.hostname(), bootId: "another-boot", startTime: startTime(other) });
      lockEmbeddedDatabase(path.join(dir, "pglite")).release();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("never takes over a lock written on another machine or container", () => {
    const dir = lockDir();
    try {
      writeLock(dir, { pid: 999_999_999, hostname: `not-${os.hostname()}` });
      expect(() => lockEmbeddedDatabase(path.join(dir, "pglite"))).toThrow(/another machine or container .* delete .*pglite\.lock/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
