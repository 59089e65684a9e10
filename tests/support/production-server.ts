import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { hash } from "@node-rs/argon2";

const root = path.resolve(__dirname, "../..");

export interface ProductionServer {
  url: string;
  process: ChildProcess;
  /** SIGKILL to the whole process group (the start script and every `next start` under it): a crashed machine. */
  kill(): Promise<void>;
  /** SIGTERM, as a supervisor stops it, and waits for the exit. */
  stop(): Promise<void>;
}

/**
 * Starts the app the way production does (`npm start`: migrate, build if stale, `next start`) on a PostgreSQL
 * database, in its own process group, and waits until it answers. The first start after a source change builds
 * the app, which takes minutes.
 */
export async function startProductionServer({
  databaseUrl,
  port,
  env = {},
  log = false,
}: {
  databaseUrl: string;
  port: number;
  env?: Record<string, string>;
  log?: boolean;
}): Promise<ProductionServer> {
  const child = spawn(process.execPath, [path.join(root, "scripts", "run.mjs"), "start"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", log ? "inherit" : "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      AGORA_SEED: "0",
      AUTH_SECRET: "production-test-secret-not-for-production",
      AGORA_QUERY_EVENTS: "0",
      ...env,
    },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 600_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`The production server on port ${port} exited during start-up.`);
    try {
      if ((await fetch(`${url}/api/v1/theses`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`The production server on port ${port} did not answer within 10 minutes.`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  const signalGroup = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
    }
    await exited;
  };
  return { url, process: child, kill: () => signalGroup("SIGKILL"), stop: () => signalGroup("SIGTERM") };
}

export const TEST_PASSWORD = "production test password";

/** Members inserted directly (Argon2 hashing through the API would dominate the tests' time), then signed in over HTTP. */
export async function insertMembers(databaseUrl: string, count: number, { role = "USER" }: { role?: "USER" | "ADMIN" } = {}) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const passwordHash = await hash(TEST_PASSWORD, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    const members: { id: string; email: string }[] = [];
    for (let i = 0; i < count; i++) {
      const tag = randomUUID().slice(0, 8);
      const member = { id: `u${randomBytes(12).toString("hex")}`, email: `prod-${tag}@example.test` };
      await client.query(
        `INSERT INTO "User" (id, email, name, "nameKey", handle, "passwordHash", role, "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, $7, now())`,
        [member.id, member.email, `Prod ${tag}`, `prod ${tag}`, `prod-${tag}`, passwordHash, role],
      );
      members.push(member);
    }
    return members;
  } finally {
    await client.end();
  }
}

/** Signs in through Auth.js's credentials endpoint, as the login form does; returns the session cookie. */
export async function signIn(baseUrl: string, email: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = cookieHeader(csrf.headers.getSetCookie());
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password: TEST_PASSWORD, callbackUrl: baseUrl }),
  });
  const session = response.headers.getSetCookie().find((line) => /authjs\.session-token=/.test(line));
  if (!session) throw new Error(`Sign-in failed for ${email} (HTTP ${response.status}).`);
  return session.split(";")[0]!;
}

/** Signs out through Auth.js's endpoint, as the header's button does. */
export async function signOut(baseUrl: string, sessionCookie: string): Promise<void> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { cookie: sessionCookie } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = [sessionCookie, cookieHeader(csrf.headers.getSetCookie())].filter(Boolean).join("; ");
  const response = await fetch(`${baseUrl}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, callbackUrl: baseUrl }),
  });
  if (response.status >= 400) throw new Error(`Sign-out failed (HTTP ${response.status}).`);
}

function cookieHeader(setCookies: string[]): string {
  return setCookies.map((line) => line.split(";")[0]!).join("; ");
}

/** An API token for the member, made through the API with their session. */
export async function createToken(baseUrl: string, sessionCookie: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/tokens`, {
    method: "POST",
    headers: { cookie: sessionCookie, "content-type": "application/json" },
    body: JSON.stringify({ name: "production test" }),
  });
  if (response.status !== 201) throw new Error(`Creating an API token failed: HTTP ${response.status} ${await response.text()}`);
  return `Bearer ${((await response.json()) as { secret: string }).secret}`;
}

export async function api(baseUrl: string, method: string, urlPath: string, authorization: string, body?: unknown) {
  const response = await fetch(`${baseUrl}${urlPath}`, {
    method,
    headers: { authorization, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}
