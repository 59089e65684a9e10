// Shared by the benchmarks: signing members in as the login form does, and a lean HTTP client.
import http from "node:http";

/** The password the benchmarks give the members they create. */
export const BENCH_PASSWORD = "bench password 123";

/** Signs in through Auth.js's credentials endpoint, as the login form does; returns the session cookie. */
export async function signIn(baseUrl: string, email: string, password = BENCH_PASSWORD): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (lines: string[]) => {
    for (const line of lines) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  };
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = keep(csrf.headers.getSetCookie());
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: baseUrl }),
  });
  keep(response.headers.getSetCookie());
  const session = [...jar].find(([name]) => name.endsWith("authjs.session-token"));
  if (!session) throw new Error(`Sign-in failed for ${email} (HTTP ${response.status}).`);
  return `${session[0]}=${session[1]}`;
}

/**
 * A keep-alive HTTP/1.1 client with no per-request extras (the load generator shares the machine it measures),
 * for loads autocannon cannot make: a random member and argument per request.
 */
export function httpClient(baseUrl: string, sockets: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const { hostname, port } = new URL(baseUrl);
  return (method: string, urlPath: string, headers: Record<string, string>, body?: string) =>
    new Promise<{ status: number; bytes: number }>((resolve, reject) => {
      const request = http.request({ agent, hostname, port, method, path: urlPath, headers }, (response) => {
        let bytes = 0;
        response.on("data", (chunk: Buffer) => (bytes += chunk.length));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, bytes }));
      });
      request.on("error", reject);
      request.end(body);
    });
}
