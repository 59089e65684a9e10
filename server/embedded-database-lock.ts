import { randomBytes } from "node:crypto";
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// No `server-only` here: the migration scripts take this lock too.
//
// PGlite keeps the whole PostgreSQL server inside the process that opens the folder, with no shared memory or
// lock that another process could see: a second process on the same folder runs a second, independent server
// whose writes the first never sees and later overwrites. So the first process to open the folder takes this
// lock, and every other one refuses before it opens PGlite.
//
// Why a PID file and not `proper-lockfile`: that package judges a lock stale by the age of its mtime, refreshed
// by a timer. PGlite runs its queries on the main thread, so a long migration or verification blocks the timer
// and a live holder would look dead, which is exactly the double open this lock exists to prevent; and a killed
// holder's lock would stay for the whole stale period. A PID (with the process's start time, so a reused PID is
// not taken for the holder) is right as soon as it is read and is never wrong while the holder runs. No OS
// advisory lock (flock) is reachable from Node without a native add-on.

export interface EmbeddedDatabaseLockHolder {
  pid: number;
  hostname: string;
  /** The kernel's boot id: a lock written before a reboot names a process that no longer exists. */
  bootId?: string;
  /** Field 22 of /proc/<pid>/stat (clock ticks after boot): tells the holder from a later process given its PID. */
  startTime?: string;
  command: string;
  since: string;
  /** Random per acquisition, so a process only ever deletes the lock file it wrote itself. */
  token: string;
}

export interface EmbeddedDatabaseLock {
  readonly lockFile: string;
  release(): void;
}

/** Another live process holds the embedded database; nothing was opened or written. */
export class EmbeddedDatabaseBusyError extends Error {
  constructor(
    readonly holder: EmbeddedDatabaseLockHolder,
    readonly lockFile: string,
    readonly databaseDir: string,
  ) {
    const sameHost = holder.hostname === os.hostname();
    super(
      (sameHost
        ? `Agora is running on this database (process ${holder.pid}, ${holder.command}, since ${holder.since}): stop it first, `
        : `Agora may be running on this database on another machine or container (${holder.hostname}, process ${holder.pid}, ` +
          `${holder.command}, since ${holder.since}): stop it first, `) +
        "or use DATABASE_URL to keep the data in a PostgreSQL server, which several processes can share. " +
        `The embedded database (${databaseDir}) serves one process at a time.` +
        (sameHost ? "" : ` If you are sure nothing uses it any more, delete ${lockFile}.`),
    );
    this.name = "EmbeddedDatabaseBusyError";
  }
}

interface HeldLock {
  refs: number;
  token: string;
  lockFile: string;
}

// Shared through globalThis because Next's bundles and the server's own modules each load their own copy of this
// file in one process (see server/db.ts).
const state = globalThis as unknown as { agoraEmbeddedLocks?: Map<string, HeldLock> };
const held = (state.agoraEmbeddedLocks ??= new Map());

/** The lock file sits beside the database folder, not in it: PGlite owns everything inside. */
export function embeddedDatabaseLockFile(databaseDir: string): string {
  const dir = path.resolve(databaseDir);
  return path.join(path.dirname(dir), `${path.basename(dir)}.lock`);
}

/**
 * Takes the embedded database in `databaseDir` for this process, or throws EmbeddedDatabaseBusyError when a live
 * process holds it. A lock whose holder is gone (killed, crashed, machine rebooted) is taken over. Taking it again
 * in the same process only counts a reference.
 */
export function lockEmbeddedDatabase(databaseDir: string): EmbeddedDatabaseLock {
  const lockFile = embeddedDatabaseLockFile(databaseDir);
  const mine = held.get(lockFile);
  if (mine) {
    mine.refs += 1;
    return handle(mine);
  }
  mkdirSync(path.dirname(lockFile), { recursive: true });
  const me = describeThisProcess();
  const content = JSON.stringify(me, null, 2) + "\n";
  // Written whole under a private name, then linked into place: link() fails if the lock exists, and the lock
  // never exists half-written, so a reader never mistakes a lock being written for a broken one.
  const draft = `${lockFile}.${process.pid}.${me.token}`;
  writeFileSync(draft, content, { mode: 0o644 });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(draft, lockFile);
        const lock: HeldLock = { refs: 1, token: me.token, lockFile };
        held.set(lockFile, lock);
        releaseOnExit();
        return handle(lock);
      } catch (error) {
        if (code(error) !== "EEXIST") throw error;
      }
      const current = readLock(lockFile);
      if (current === undefined) continue; // removed meanwhile: try again
      if (isAlive(current.holder)) throw new EmbeddedDatabaseBusyError(current.holder, lockFile, path.resolve(databaseDir));
      if (attempt >= 100) {
        throw new Error(
          `Could not take over ${lockFile}, left by stopped process ${current.holder.pid}: another process kept the takeover ` +
            `guard ${lockFile}.takeover. If no other Agora process is starting, delete both files.`,
        );
      }
      removeStaleLock(lockFile, current.raw);
    }
  } finally {
    unlinkQuietly(draft);
  }
}

function handle(lock: HeldLock): EmbeddedDatabaseLock {
  let released = false;
  return {
    lockFile: lock.lockFile,
    release() {
      if (released) return;
      released = true;
      lock.refs -= 1;
      if (lock.refs === 0) dropLock(lock);
    },
  };
}

function dropLock(lock: HeldLock) {
  held.delete(lock.lockFile);
  const current = readLock(lock.lockFile);
  // After a takeover by someone who judged us dead (a PID check cannot misjudge a live process, but a person may
  // have deleted the file), the file is theirs: leave it.
  if (current?.holder.token === lock.token) unlinkQuietly(lock.lockFile);
}

let exitHooksInstalled = false;

// A clean exit, process.exit() and an uncaught error all end in 'exit'. A signal with no handler of its own
// kills Node without an 'exit' event, so SIGINT/SIGTERM/SIGHUP get a handler that, when nothing else in the process
// handles the signal, drops the lock and lets the signal kill the process as it would have. Where something else
// does handle it (scripts/serve.ts closes the database and exits), it is left to do so, and 'exit' drops the lock.
function releaseOnExit() {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on("exit", () => {
    for (const lock of [...held.values()]) dropLock(lock);
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    const onSignal = () => {
      if (process.listenerCount(signal) > 1) return;
      for (const lock of [...held.values()]) dropLock(lock);
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

function readLock(lockFile: string): { holder: EmbeddedDatabaseLockHolder; raw: string } | undefined {
  let raw: string;
  try {
    raw = readFileSync(lockFile, "utf8");
  } catch (error) {
    if (code(error) === "ENOENT") return undefined;
    throw error;
  }
  try {
    const parsed = JSON.parse(raw) as Partial<EmbeddedDatabaseLockHolder>;
    if (typeof parsed.pid === "number" && Number.isInteger(parsed.pid) && parsed.pid > 0) {
      return {
        raw,
        holder: {
          pid: parsed.pid,
          hostname: String(parsed.hostname ?? ""),
          bootId: parsed.bootId,
          startTime: parsed.startTime,
          command: String(parsed.command ?? "unknown command"),
          since: String(parsed.since ?? "unknown time"),
          token: String(parsed.token ?? ""),
        },
      };
    }
  } catch {
    // Unreadable content cannot name a live holder; it is treated as stale below.
  }
  return { raw, holder: { pid: 0, hostname: os.hostname(), command: "unknown", since: "unknown", token: "" } };
}

/** Whether the process named in the lock still runs. Unsure (another host) counts as running. */
export function isAlive(holder: EmbeddedDatabaseLockHolder): boolean {
  if (holder.pid <= 0) return false;
  // Another machine or container sharing the folder: its PIDs mean nothing here, so never take its lock.
  if (holder.hostname !== os.hostname()) return true;
  const bootId = readBootId();
  if (holder.bootId && bootId && holder.bootId !== bootId) return false;
  if (holder.pid === process.pid) return holder.startTime === undefined || holder.startTime === startTimeOf(process.pid);
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    if (code(error) === "ESRCH") return false;
  }
  if (holder.startTime === undefined) return true;
  const now = startTimeOf(holder.pid);
  return now === undefined || now === holder.startTime;
}

// Two processes can find the same dead holder at once; the takeover is done under a short-lived guard file so
// that only one of them deletes the dead lock, and never a live one written just after it.
function removeStaleLock(lockFile: string, staleContent: string) {
  const guard = `${lockFile}.takeover`;
  let fd: number;
  try {
    fd = openSync(guard, "wx");
  } catch (error) {
    if (code(error) !== "EEXIST") throw error;
    // The guard is held for a few file operations; one older than that is left by a process killed inside them.
    try {
      if (Date.now() - statSync(guard).mtimeMs > 10_000) unlinkQuietly(guard);
    } catch {
      // gone meanwhile
    }
    sleep(20);
    return;
  }
  try {
    closeSync(fd);
    let now: string | undefined;
    try {
      now = readFileSync(lockFile, "utf8");
    } catch (error) {
      if (code(error) !== "ENOENT") throw error;
    }
    if (now === staleContent) unlinkQuietly(lockFile);
  } finally {
    unlinkQuietly(guard);
  }
}

function describeThisProcess(): EmbeddedDatabaseLockHolder {
  const script = process.argv[1] ? path.relative(process.cwd(), process.argv[1]) || process.argv[1] : "node";
  const lifecycle = process.env.npm_lifecycle_event;
  return {
    pid: process.pid,
    hostname: os.hostname(),
    bootId: readBootId(),
    startTime: startTimeOf(process.pid),
    command: lifecycle ? `npm run ${lifecycle}` : script,
    since: new Date().toISOString(),
    token: randomBytes(8).toString("hex"),
  };
}

function readBootId(): string | undefined {
  try {
    return readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Undefined where there is no /proc (macOS, Windows): the PID check alone then decides. */
function startTimeOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may itself contain spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[19];
  } catch {
    return undefined;
  }
}

function unlinkQuietly(file: string) {
  try {
    unlinkSync(file);
  } catch (error) {
    if (code(error) !== "ENOENT") throw error;
  }
}

function sleep(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}
