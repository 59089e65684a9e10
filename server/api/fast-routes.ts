import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { API_SECURITY_HEADERS, HSTS } from "@/lib/security-headers";
import { servedOverHttps } from "../auth/client-address";
import { assertCanWrite } from "../access/permissions";
import { resolveBearerToken } from "../auth/api-tokens";
import { errorAnswer, parseJsonBody, PayloadTooLarge, type ApiAnswer } from "./answers";
import { answerVoteRequest } from "./vote-endpoint";

const VOTE_PATH = /^\/api\/v1\/arguments\/([^/?#]+)\/vote(?:\?.*)?$/;
const MAX_BODY_BYTES = 16 * 1024;

/**
 * The calls the production server (scripts/serve.ts) answers without Next: votes made with an API token, the
 * API's hottest write. They run the very function the Next route handler runs (answerVoteRequest), so both
 * paths answer alike, refusals included. Calls with a session cookie stay with Next and Auth.js, as does
 * everything else; null means "Next answers".
 */
export function fastRouteFor(request: IncomingMessage): ((response: ServerResponse) => Promise<void>) | null {
  const method = request.method;
  const authorization = request.headers.authorization;
  if ((method !== "PUT" && method !== "DELETE") || authorization === undefined) return null;
  const match = VOTE_PATH.exec(request.url ?? "");
  if (!match) return null;
  let argumentId: string;
  try {
    argumentId = decodeURIComponent(match[1]!);
  } catch {
    return null; // a malformed escape: Next answers it as it answers any bad address
  }
  return async (response) => {
    let answer: ApiAnswer;
    try {
      // As in apiRoute: the token is judged first, so a bad one is a 401 whatever else is wrong.
      const viewer = await resolveBearerToken(authorization);
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
  };
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
