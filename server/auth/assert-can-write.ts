import "server-only";
import { ForbiddenError, UnauthorizedError } from "../errors";
import { isSuspended } from "../moderation/permissions";
import type { CurrentUser } from "./current-user";

/**
 * The checks every write makes on a caller already read in this request: signed in, still existing, not
 * suspended. Apart from current-user.ts so that the production server's fast path (which authenticates by
 * API token) does not load Auth.js.
 */
export function assertCanWrite(user: CurrentUser | null): CurrentUser {
  if (!user) throw new UnauthorizedError();
  if (isSuspended(user)) {
    throw new ForbiddenError(`Your account is suspended until ${user.suspendedUntil.toUTCString()}.`, "ACCOUNT_SUSPENDED");
  }
  return user;
}
