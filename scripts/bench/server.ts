// Shared by the benchmarks: start the production server (`npm start`) on a throw-away database, and measure the
// CPU and memory of its whole process group.
import { execSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { resetTestDatabase } from "../db/test-database";

const root = path.resolve(__dirname, "..", "..");

export async function startServer(databaseUrl: string, port: number, env: Record<string, string> = {}): Promise<{ url: string; server: ChildProcess }> {
  await resetTestDatabase(databaseUrl);
  const server = spawn(process.execPath, [path.join(root, "scripts", "run.mjs"), "start"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      AGORA_SEED: "0",
      // The vote limiter still runs and counts every vote; the synthetic members, each voting several times a
      // second, only get a bigger allowance than the 120 per 10 minutes a new account has.
      AGORA_LIMIT_VOTE_NEW: process.env.AGORA_LIMIT_VOTE_NEW ?? "1000000/10",
      AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
      ...env,
    },
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error("The server exited during start-up.");
    try {
      if ((await fetch(`${url}/api/v1/theses`)).ok) return { url, server };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("The server did not start within 5 minutes.");
}

function groupProcesses(pgid: number): string[] {
  const found: string[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid) found.push(entry); // field 5: process group
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

/**
 * CPU seconds used so far by every process in a process group (the server we started): unlike wall-clock
 * throughput, this does not depend on what else the machine is running.
 */
export function groupCpuSeconds(pgid: number | undefined): number | null {
  if (!pgid) return null;
  const ticks = Number(execSync("getconf CLK_TCK").toString().trim()) || 100;
  let total = 0;
  for (const pid of groupProcesses(pgid)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      total += Number(fields[11]) + Number(fields[12]); // fields 14, 15: utime, stime
    } catch {
      // gone
    }
  }
  return total / ticks;
}

/** Resident memory of the largest process of the group (the Node server; the start script is small), in MB. */
export function serverRssMb(pgid: number | undefined): number | null {
  if (!pgid) return null;
  let largest = 0;
  for (const pid of groupProcesses(pgid)) {
    try {
      const match = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
      if (match) largest = Math.max(largest, Number(match[1]) / 1024);
    } catch {
      // gone
    }
  }
  return largest;
}
