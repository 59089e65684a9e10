import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { ForbiddenError, UnauthorizedError } from "../errors";
import { getCurrentUser, type CurrentUser } from "../auth/current-user";
import { assertCanWrite } from "../access/permissions";
import { resolveBearerToken } from "../auth/api-tokens";
import { errorAnswer, parseJsonBody } from "./answers";

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

/**
 * Wraps every /api/v1 route: resolves the caller (API token or session cookie), and maps refusals to status
 * codes (server/api/answers.ts) so bad input never surfaces as a 500.
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
        json: (schema) => parseJsonBody(request.headers.get("content-type"), () => request.text(), schema),
      });
      return NextResponse.json(result, { status });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

function errorResponse(error: unknown): NextResponse {
  const { status, body, headers } = errorAnswer(error);
  return NextResponse.json(body, { status, headers });
}
