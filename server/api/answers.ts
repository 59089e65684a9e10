import "server-only";
import { z } from "zod";
import { AppError, RateLimitError, UnauthorizedError } from "../errors";

/** An API answer before it becomes a response: Next's (route-handler.ts) or a plain Node one (fast-routes.ts). */
export interface ApiAnswer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

class BadRequest extends AppError {}

/**
 * Maps refusals to status codes (zod → 422 with field messages, not found → 404, forbidden → 403…), so bad
 * input never surfaces as a 500.
 */
export function errorAnswer(error: unknown): ApiAnswer {
  if (error instanceof z.ZodError) {
    const { fieldErrors, formErrors } = z.flattenError(error);
    return { status: 422, body: { error: formErrors[0] ?? "The request has invalid fields.", fieldErrors }, headers: {} };
  }
  if (error instanceof AppError) {
    const headers: Record<string, string> = {};
    if (error instanceof RateLimitError) headers["Retry-After"] = String(error.retryAfterSeconds);
    if (error instanceof UnauthorizedError) headers["WWW-Authenticate"] = 'Bearer realm="agora"';
    // Some refusals carry what the caller needs to fix the request (e.g. a misquote's closest passage).
    const details = "details" in error && error.details ? { details: error.details } : {};
    return { status: error.status, body: { error: error.message, fieldErrors: error.fieldErrors, ...details }, headers };
  }
  console.error(error);
  return { status: 500, body: { error: "Something went wrong on our side." }, headers: {} };
}

/** The request body, parsed as JSON and checked with `schema`; bad JSON and schema failures become 4xx answers. */
export async function parseJsonBody<S extends z.ZodType>(
  contentType: string | null | undefined,
  readText: () => Promise<string>,
  schema: S,
): Promise<z.infer<S>> {
  // Requiring JSON also blocks cross-site form posts riding on the session cookie: browsers cannot send
  // application/json across origins without a CORS preflight we never grant.
  if (!contentType?.toLowerCase().startsWith("application/json")) {
    throw new BadRequest("Send the request body as application/json.", 415);
  }
  let body: unknown;
  try {
    body = JSON.parse(await readText());
  } catch {
    throw new BadRequest("The request body is not valid JSON.", 400);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw parsed.error;
  return parsed.data;
}

/** Raised while reading a body that outgrows what the endpoint accepts. */
export class PayloadTooLarge extends AppError {
  constructor(limitBytes: number) {
    super(`The request body is larger than ${Math.round(limitBytes / 1024)} KB.`, 413);
  }
}
