import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { ForbiddenError, UnauthorizedError } from "../errors";
import { BODY_LIMITS } from "@/lib/validation/limits";
import { isCrossSiteWrite } from "@/lib/http/same-origin";
import { getCurrentUser, type CurrentUser } from "../auth/current-user";
import { assertCanWrite } from "../access/permissions";
import { resolveBearerToken } from "../auth/api-tokens";
import { checkParams, errorAnswer, parseJsonBody, readLimitedText } from "./answers";

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
 * Wraps every /api/v1 route: checks the path's ids and slugs, resolves the caller (API token or session cookie),
 * refuses cross-site writes riding on a session cookie, bounds the body (`maxBodyBytes`, from BODY_LIMITS), and
 * maps refusals to status and machine codes (server/api/answers.ts) so bad input never surfaces as a 500.
 */
export function apiRoute<P = Record<string, never>>(
  handler: (ctx: HandlerContext<P>) => Promise<unknown>,
  { status = 200, maxBodyBytes = BODY_LIMITS.default }: { status?: number; maxBodyBytes?: number } = {},
) {
  return async (request: Request, context: { params: Promise<P> }) => {
    try {
      // A request that sends Authorization is judged by it alone: a bad token is a 401, not an anonymous (or
      // cookie) request. Auth.js is not consulted at all then, because token calls are the API's hot path.
      const authorization = request.headers.get("authorization");
      const viaToken = authorization !== null;
      if (!viaToken && isCrossSiteWrite(request.method, request.headers)) {
        throw new ForbiddenError("Requests from other sites cannot use your session. Use an API token.", "CROSS_SITE_REQUEST");
      }
      const viewer = viaToken ? await resolveBearerToken(authorization) : await getCurrentUser();
      const params = checkParams(await context.params);
      const result = await handler({
        request,
        params,
        viewer,
        requireUser: async () => assertCanWrite(viewer),
        requireSessionUser: async ({ allowSuspended = false } = {}) => {
          if (viaToken) throw new ForbiddenError("API tokens cannot manage API tokens; sign in on the website.");
          if (!viewer) throw new UnauthorizedError();
          return allowSuspended ? viewer : assertCanWrite(viewer);
        },
        json: (schema) => parseJsonBody(request.headers.get("content-type"), () => readLimitedText(request, maxBodyBytes), schema),
      });
      // A handler that answers with something other than JSON (a stream, a download) builds its own response.
      if (result instanceof Response) return result;
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
