import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { AppError, ForbiddenError, RateLimitError, UnauthorizedError } from "../errors";
import { assertCanWrite, getCurrentUser, type CurrentUser } from "../auth/current-user";
import { resolveBearerToken } from "../auth/api-tokens";

interface HandlerContext<P> {
  request: Request;
  params: P;
  /** The signed-in caller, or null. */
  viewer: CurrentUser | null;
  /** The caller allowed to write; throws 401/403 otherwise. */
  requireUser: () => Promise<CurrentUser>;
  /**
   * The caller signed in on the website, for managing API tokens: a token caller gets 403, so a leaked token
   * cannot mint more or revoke its owner's others. Suspended members pass only with `allowSuspended`.
   */
  requireSessionUser: (options?: { allowSuspended?: boolean }) => Promise<CurrentUser>;
  /** Parses the JSON body with `schema`; bad JSON and schema failures become 4xx answers. */
  json: <S extends z.ZodType>(schema: S) => Promise<z.infer<S>>;
}

class BadRequest extends AppError {}

/**
 * Wraps every /api/v1 route: resolves the caller (API token or session cookie), and maps refusals to status
 * codes (zod → 422 with field messages, not found → 404, forbidden → 403…) so bad input never surfaces as a 500.
 */
export function apiRoute<P = Record<string, never>>(
  handler: (ctx: HandlerContext<P>) => Promise<unknown>,
  { status = 200 }: { status?: number } = {},
) {
  return async (request: Request, context: { params: Promise<P> }) => {
    try {
      // A request that sends Authorization is judged by it alone: a bad token is a 401, not an anonymous (or
      // cookie) request. Auth.js is not consulted at all then, because token calls are the API's hot path.
      const authorization = request.headers.get("authorization");
      const viaToken = authorization !== null;
      const viewer = viaToken ? await resolveBearerToken(authorization) : await getCurrentUser();
      const result = await handler({
        request,
        params: await context.params,
        viewer,
        requireUser: async () => assertCanWrite(viewer),
        requireSessionUser: async ({ allowSuspended = false } = {}) => {
          if (viaToken) throw new ForbiddenError("API tokens cannot manage API tokens; sign in on the website.");
          if (!viewer) throw new UnauthorizedError();
          return allowSuspended ? viewer : assertCanWrite(viewer);
        },
        json: (schema) => parseJson(request, schema),
      });
      return NextResponse.json(result, { status });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

async function parseJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  // Requiring JSON also blocks cross-site form posts riding on the session cookie: browsers cannot send
  // application/json across origins without a CORS preflight we never grant.
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
    throw new BadRequest("Send the request body as application/json.", 415);
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new BadRequest("The request body is not valid JSON.", 400);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw parsed.error;
  return parsed.data;
}

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof z.ZodError) {
    const { fieldErrors, formErrors } = z.flattenError(error);
    return NextResponse.json(
      { error: formErrors[0] ?? "The request has invalid fields.", fieldErrors },
      { status: 422 },
    );
  }
  if (error instanceof AppError) {
    const headers: Record<string, string> = {};
    if (error instanceof RateLimitError) headers["Retry-After"] = String(error.retryAfterSeconds);
    if (error instanceof UnauthorizedError) headers["WWW-Authenticate"] = 'Bearer realm="agora"';
    // Some refusals carry what the caller needs to fix the request (e.g. a misquote's closest passage).
    const details = "details" in error && error.details ? { details: error.details } : {};
    return NextResponse.json({ error: error.message, fieldErrors: error.fieldErrors, ...details }, { status: error.status, headers });
  }
  console.error(error);
  return NextResponse.json({ error: "Something went wrong on our side." }, { status: 500 });
}
