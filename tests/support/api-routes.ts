import { readdirSync } from "node:fs";
import path from "node:path";

/** Who the fake Auth.js session says is signed in (tests mock "@/auth" with `sessionAuth`). */
export const session = { userId: null as string | null };

export async function sessionAuth() {
  const { fakeAuthSession } = await import("./fake-auth-session");
  return { auth: () => fakeAuthSession(session.userId) };
}

type Handler = (request: Request, context: { params: Promise<object> }) => Promise<Response>;
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof METHODS)[number];

export interface ApiRoute {
  /** As OpenAPI writes it under /api/v1: `/arguments/{id}/vote`. */
  path: string;
  method: Method;
  handler: Handler;
}

const API_DIR = path.resolve(__dirname, "../../app/api/v1");

/** Every /api/v1 route handler in app/, found on disk: a route added later is walked without editing a list. */
export async function apiRoutes(): Promise<ApiRoute[]> {
  const files = (readdirSync(API_DIR, { recursive: true }) as string[]).filter((file) => path.basename(file) === "route.ts");
  const routes: ApiRoute[] = [];
  for (const file of files.sort()) {
    const dir = path.dirname(file);
    const routePath = dir === "." ? "/" : `/${dir.split(path.sep).join("/").replace(/\[(\w+)\]/g, "{$1}")}`;
    const mod = (await import(path.join(API_DIR, file))) as Record<string, unknown>;
    for (const method of METHODS) if (typeof mod[method] === "function") routes.push({ path: routePath, method, handler: mod[method] as Handler });
  }
  return routes;
}

export interface Call {
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** A value is sent as JSON; a string as it is. */
  body?: unknown;
  headers?: Record<string, string>;
  as?: string | null;
}

/** Calls a route handler as Next would: a web Request, its path parameters, and the signed-in member (if any). */
export async function callRoute(route: ApiRoute, { params = {}, query, body, headers = {}, as = null }: Call = {}): Promise<Response> {
  // Next hands the handler its decoded parameters; the URL only has to be well formed (a lone surrogate is not).
  const concretePath = route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent((params[name] ?? "x").toWellFormed()));
  const url = new URL(`http://agora.test/api/v1${concretePath}`);
  for (const [name, value] of Object.entries(query ?? {})) url.searchParams.set(name, value);
  const hasBody = body !== undefined;
  const request = new Request(url, {
    method: route.method,
    // Every HTTP request names its host; a page's Origin is compared with it.
    headers: { host: url.host, ...(hasBody ? { "content-type": "application/json" } : {}), ...headers },
    body: hasBody ? (typeof body === "string" ? body : JSON.stringify(body)) : undefined,
  });
  session.userId = as;
  try {
    // As Next does: a route without dynamic segments gets no params object at all.
    return await route.handler(request, { params: Promise.resolve(route.path.includes("{") ? params : (undefined as unknown as object)) });
  } finally {
    session.userId = null;
  }
}

export function findRoute(routes: ApiRoute[], method: Method, routePath: string): ApiRoute {
  const route = routes.find((r) => r.method === method && r.path === routePath);
  if (!route) throw new Error(`No route ${method} ${routePath}`);
  return route;
}
