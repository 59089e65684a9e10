import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { API_SECURITY_HEADERS, HSTS } from "@/lib/security-headers";
import { servedOverHttps } from "../auth/client-address";
import { assertCanWrite } from "../access/permissions";
import { BODY_LIMITS } from "@/lib/validation/limits";
import { resolveBearerToken } from "../auth/api-tokens";
import { checkParams, errorAnswer, parseJsonBody, PayloadTooLarge, type ApiAnswer } from "./answers";
import { answerVoteRequest } from "./vote-endpoint";

const VOTE_PATH = /^\/api\/v1\/arguments\/([^/?#]+)\/vote(?:\?.*)?$/;
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

/**
 * The calls the production server (scripts/serve.ts) answers without Next: malformed requests (refused), and
 * votes made with an API token, the API's hottest write. They run the very function the Next route handler runs (answerVoteRequest), so both
 * paths answer alike, refusals included. Calls with a session cookie stay with Next and Auth.js, as does
 * everything else; null means "Next answers".
 */
export function fastRouteFor(request: IncomingMessage): ((response: ServerResponse) => Promise<void>) | null {
  const refusal = malformedRequestAnswer(request);
  if (refusal) return async (response) => writeAnswer(request, response, refusal);
  const method = request.method;
  const authorization = request.headers.authorization;
  if ((method !== "PUT" && method !== "DELETE") || authorization === undefined) return null;
  const match = VOTE_PATH.exec(request.url ?? "");
  if (!match) return null;
  // Cannot throw: malformedRequestAnswer has already refused addresses that do not decode.
  const argumentId = decodeURIComponent(match[1]!);
  return async (response) => {
    let answer: ApiAnswer;
    try {
      // As in apiRoute: the token is judged first, so a bad one is a 401 whatever else is wrong.
      const viewer = await resolveBearerToken(authorization);
      checkParams({ id: argumentId });
      const body = await readBody(request);
      const result = await answerVoteRequest({
        method,
        argumentId,
        json: (schema) => parseJsonBody(request.headers["content-type"], async () => body, schema),
        requireUser: async () => assertCanWrite(viewer),
      });
      answer = { status: 200, body: result, headers: {} };
    } catch (error) {
      answer = errorAnswer(error);
    }
    writeAnswer(request, response, answer);
  };
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
