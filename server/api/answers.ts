import "server-only";
import { z } from "zod";
import { AppError, NotFoundError, RateLimitError, ServiceUnavailableError, UnauthorizedError, type ErrorCode } from "../errors";
import { idSchema } from "@/lib/validation/primitives";
import { slugSchema } from "@/lib/validation/thesis";
import { isPoolExhausted } from "../db";

/** An API answer before it becomes a response: Next's (route-handler.ts) or a plain Node one (fast-routes.ts). */
export interface ApiAnswer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/** Every API error body: a stable machine code for programs, a message for people, field messages for forms. */
export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; fields: Record<string, string[]>; details?: unknown };
}

class BadRequest extends AppError {}

function errorBody(code: ErrorCode, message: string, fields: Record<string, string[]> = {}, details?: unknown): ApiErrorBody {
  return { error: { code, message, fields, ...(details ? { details } : {}) } };
}

/**
 * Maps refusals to status codes and machine codes (zod → 422 VALIDATION_FAILED with field messages, not found
 * → 404 NOT_FOUND, a full connection pool → 503 with Retry-After…), so bad input never surfaces as a 500.
 */
export function errorAnswer(error: unknown): ApiAnswer {
  if (error instanceof z.ZodError) {
    const { fieldErrors, formErrors } = z.flattenError(error);
    const fields = Object.fromEntries(Object.entries(fieldErrors).filter((entry): entry is [string, string[]] => Array.isArray(entry[1])));
    return { status: 422, body: errorBody("VALIDATION_FAILED", formErrors[0] ?? "The request has invalid fields.", fields), headers: {} };
  }
  if (isPoolExhausted(error)) error = new ServiceUnavailableError();
  if (error instanceof AppError) {
    const headers: Record<string, string> = {};
    if (error instanceof RateLimitError || error instanceof ServiceUnavailableError) headers["Retry-After"] = String(error.retryAfterSeconds);
    if (error instanceof UnauthorizedError) headers["WWW-Authenticate"] = 'Bearer realm="agora"';
    // Some refusals carry what the caller needs to fix the request (e.g. a misquote's closest passage).
    const details = "details" in error && error.details ? error.details : undefined;
    return { status: error.status, body: errorBody(error.code, error.message, error.fieldErrors, details), headers };
  }
  console.error(error);
  return { status: 500, body: errorBody("INTERNAL_ERROR", "Something went wrong on our side."), headers: {} };
}

/**
 * Path segments every route names alike (`:id`, `:slug`), checked once for every route on both paths into the
 * API: a malformed one (`%00`, a dot segment, 65 characters) cannot name anything, so it is a 404.
 */
const PARAM_SCHEMAS: Record<string, z.ZodType> = { id: idSchema, slug: slugSchema };

export function checkParams<P>(params: P): P {
  // Next passes no params object at all to routes without dynamic segments.
  for (const [name, value] of Object.entries((params ?? {}) as Record<string, unknown>)) {
    const schema = PARAM_SCHEMAS[name];
    if (schema && !schema.safeParse(value).success) throw new NotFoundError("Nothing lives at that address.");
  }
  return params;
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
    throw new BadRequest("Send the request body as application/json.", 415, {}, "UNSUPPORTED_MEDIA_TYPE");
  }
  let body: unknown;
  try {
    body = JSON.parse(await readText());
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new BadRequest("The request body is not valid JSON.", 400);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw parsed.error;
  return parsed.data;
}

/** Raised while reading a body that outgrows what the endpoint accepts. */
export class PayloadTooLarge extends AppError {
  constructor(limitBytes: number) {
    super(`The request body is larger than ${Math.round(limitBytes / 1024)} KB.`, 413, {}, "PAYLOAD_TOO_LARGE");
  }
}

/**
 * A web Request's body as text, refused as soon as it passes `limitBytes` (by its Content-Length, or while
 * streaming when it sends none), so an oversized body is never held in memory.
 */
export async function readLimitedText(request: Request, limitBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length"));
  if (declared > limitBytes) throw new PayloadTooLarge(limitBytes);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel();
      throw new PayloadTooLarge(limitBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
