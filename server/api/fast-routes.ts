import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { API_SECURITY_HEADERS, HSTS } from "@/lib/security-headers";
import { servedOverHttps } from "../auth/client-address";
import { assertCanWrite } from "../access/permissions";
import { BODY_LIMITS } from "@/lib/validation/limits";
import { resolveBearerToken } from "../auth/api-tokens";
import { checkParams, errorAnswer, parseJsonBody, PayloadTooLarge, type ApiAnswer } from "./answers";
import { answerVoteRequest } from "./vote-endpoint";
import { answerArgumentFocus, answerThesisView } from "./debate-view-endpoints";

const VOTE_PATH = /^\/api\/v1\/arguments\/([^/?#]+)\/vote(?:\?.*)?$/;
const THESIS_VIEW_PATH = /^\/api\/v1\/theses\/([^/?#]+)(?:\?.*)?$/;
const FOCUS_VIEW_PATH = /^\/api\/v1\/arguments\/([^/?#]+)(?:\?.*)?$/;
const MAX_BODY_BYTES = BODY_LIMITS.default;

/** Every method some route answers. Others (TRACE, CONNECT, …) cannot even become a web Request inside Next. */
const KNOWN_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/**
 * Requests no route can answer, refused before Next sees them (it would answer some with a 500): an unknown
 * method, or an address whose percent-escapes do not decode (`/t/%E0%A4%A`).
 */
function malformedRequestAnswer(request: IncomingMessage): ApiAnswer | null {
  if (!KNOWN_METHODS.has(request.method ?? "")) {
    return {
      status: 405,
      body: { error: { code: "METHOD_NOT_ALLOWED", message: `${request.method} is not an HTTP method Agora answers.`, fields: {} } },
      headers: { Allow: [...KNOWN_METHODS].join(", ") },
    };
  }
  try {
    decodeURIComponent((request.url ?? "/").split("?")[0]!);
    return null;
  } catch {
    return { status: 400, body: { error: { code: "BAD_REQUEST", message: "The address has a malformed percent-escape.", fields: {} } }, headers: {} };
  }
}

type FastRoute = (response: ServerResponse) => Promise<void>;

/**
 * The calls the production server (scripts/serve.ts) answers without Next: malformed requests (refused), votes
 * made with an API token (the API's hottest write), and the two debate views read without a cookie (visitors and
 * API tokens: its hottest reads). They run the very functions the Next route handlers run, so both paths answer
 * alike, refusals included. Calls with a cookie stay with Next and Auth.js, as does everything else; null means
 * "Next answers".
 */
export function fastRouteFor(request: IncomingMessage): FastRoute | null {
  const refusal = malformedRequestAnswer(request);
  if (refusal) return async (response) => writeAnswer(request, response, refusal);
  const method = request.method;
  const authorization = request.headers.authorization;
  if (method === "GET" && request.headers.cookie === undefined) return debateViewRoute(request, authorization);
  if ((method !== "PUT" && method !== "DELETE") || authorization === undefined) return null;
  const match = VOTE_PATH.exec(request.url ?? "");
  if (!match) return null;
  // Cannot throw: malformedRequestAnswer has already refused addresses that do not decode.
  const argumentId = decodeURIComponent(match[1]!);
  return answeredBy(request, async () => {
    // As in apiRoute: the token is judged first, so a bad one is a 401 whatever else is wrong.
    const viewer = await resolveBearerToken(authorization);
    checkParams({ id: argumentId });
    const body = await readBody(request);
    return answerVoteRequest({
      method,
      argumentId,
      json: (schema) => parseJsonBody(request.headers["content-type"], async () => body, schema),
      requireUser: async () => assertCanWrite(viewer),
    });
  });
}

/** As apiRoute wraps a handler: its result is a 200, and what it throws becomes the refusal's status and code. */
function answeredBy(request: IncomingMessage, handler: () => Promise<unknown>): FastRoute {
  return async (response) => {
    let answer: ApiAnswer;
    try {
      answer = { status: 200, body: await handler(), headers: {} };
    } catch (error) {
      answer = errorAnswer(error);
    }
    writeAnswer(request, response, answer);
  };
}

/** GET /api/v1/theses/:slug and GET /api/v1/arguments/:id, as their route handlers answer them (apiRoute's steps). */
function debateViewRoute(request: IncomingMessage, authorization: string | undefined): FastRoute | null {
  const address = request.url ?? "";
  const thesis = THESIS_VIEW_PATH.exec(address);
  const focus = thesis ? null : FOCUS_VIEW_PATH.exec(address);
  if (!thesis && !focus) return null;
  // Cannot throw: malformedRequestAnswer has already refused addresses that do not decode.
  const segment = decodeURIComponent((thesis ?? focus)![1]!);
  return answeredBy(request, async () => {
    // As in apiRoute: a request with Authorization is judged by it alone; without it (and without a cookie) it is
    // a visitor's.
    const viewer = authorization === undefined ? null : await resolveBearerToken(authorization);
    const url = new URL(address, "http://agora.invalid");
    return thesis
      ? answerThesisView({ slug: checkParams({ slug: segment }).slug, url, viewer })
      : answerArgumentFocus({ id: checkParams({ id: segment }).id, url, viewer });
  });
}

function writeAnswer(request: IncomingMessage, response: ServerResponse, answer: ApiAnswer): void {
  const json = JSON.stringify(answer.body);
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value.join(",") : value;
  };
  response.writeHead(answer.status, {
    ...API_SECURITY_HEADERS,
    ...(servedOverHttps(header) ? { "Strict-Transport-Security": HSTS } : {}),
    ...answer.headers,
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(json),
    "Cache-Control": "no-store",
  });
  response.end(json);
}

/** The body as text; one larger than MAX_BODY_BYTES is read to its end (so the answer can still be sent) and refused. */
function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on("end", () => (size > MAX_BODY_BYTES ? reject(new PayloadTooLarge(MAX_BODY_BYTES)) : resolve(Buffer.concat(chunks).toString("utf8"))));
    request.on("error", reject);
  });
}
