import "server-only";

/**
 * Every machine code an API error can carry, with what it means (the OpenAPI document lists these texts).
 * Clients branch on the code; the message is for people and may change. Codes are never renamed or reused.
 */
export const ERROR_CODES = {
  BAD_REQUEST: "The request is malformed (e.g. its body is not valid JSON, or its address has a broken escape).",
  UNAUTHORIZED: "Sign in, or send a valid API token (a malformed, unknown or revoked token is refused).",
  FORBIDDEN: "The caller may not do this.",
  CROSS_SITE_REQUEST: "A write carrying a session cookie came from a page on another site; use an API token.",
  ACCOUNT_SUSPENDED: "The caller's account is suspended: it cannot write until the suspension ends.",
  THESIS_LOCKED: "The thesis is locked: it accepts no new arguments, edits, votes or stances.",
  TARGET_HIDDEN: "The target was hidden by moderators: it cannot be voted on, quoted or argued under.",
  OWN_ARGUMENT: "Members cannot vote on their own arguments.",
  NOT_FOUND: "Nothing lives at that address, or the caller may not see it.",
  METHOD_NOT_ALLOWED: "The route does not answer this HTTP method.",
  CONFLICT: "The request conflicts with the current state (already done, taken, or changed meanwhile).",
  PAYLOAD_TOO_LARGE: "The request body is larger than the route accepts.",
  UNSUPPORTED_MEDIA_TYPE: "Send the body as application/json.",
  VALIDATION_FAILED: "Some fields are invalid: `fields` names each with its messages.",
  QUOTE_NOT_FOUND: "The quoted passage is not in the source's text: `details.suggestion` holds the closest passage.",
  QUOTE_AMBIGUOUS: "The passage occurs more than once: send `start` from one of `details.candidates`.",
  FETCH_REFUSED: "The page could not be fetched or used as a source.",
  RATE_LIMITED: "Too many requests of this kind: wait for the `Retry-After` seconds.",
  INTERNAL_ERROR: "Something went wrong on the server.",
  SERVICE_UNAVAILABLE: "The server is busy: retry after the `Retry-After` seconds.",
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * Errors that data functions throw on purpose. Server actions turn them into form messages and the API
 * wrapper into status codes with their machine code, so a refusal never surfaces as a 500.
 */
export class AppError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fieldErrors: Record<string, string[]> = {},
    readonly code: ErrorCode = "BAD_REQUEST",
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = "Sign in to do that.") {
    super(message, 401, {}, "UNAUTHORIZED");
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "You are not allowed to do that.", code: ErrorCode = "FORBIDDEN") {
    super(message, 403, {}, code);
  }
}

export class NotFoundError extends AppError {
  constructor(message = "Not found.") {
    super(message, 404, {}, "NOT_FOUND");
  }
}

export class ConflictError extends AppError {
  constructor(message: string, fieldErrors: Record<string, string[]> = {}) {
    super(message, 409, fieldErrors, "CONFLICT");
  }
}

/** Input that passed the schema but breaks a rule only the database can check (e.g. a parent in another thesis). */
export class InvalidInputError extends AppError {
  constructor(message: string, fieldErrors: Record<string, string[]> = {}, code: ErrorCode = "VALIDATION_FAILED") {
    super(message, 422, fieldErrors, code);
  }
}

export class RateLimitError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, 429, {}, "RATE_LIMITED");
  }
}

/** Every pooled database connection is busy: the caller should come back shortly rather than see a 500. */
export class ServiceUnavailableError extends AppError {
  constructor(
    message = "The server is busy. Try again in a moment.",
    readonly retryAfterSeconds = 1,
  ) {
    super(message, 503, {}, "SERVICE_UNAVAILABLE");
  }
}

/** Prisma's unique-constraint violation, with the columns it names. */
export function uniqueViolation(error: unknown): string[] | null {
  if (typeof error === "object" && error !== null && "code" in error && error.code === "P2002") {
    const meta = (error as { meta?: { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: string[] } } } } }).meta;
    if (Array.isArray(meta?.target)) return meta.target.map(String);
    const fields = meta?.driverAdapterError?.cause?.constraint?.fields;
    return Array.isArray(fields) ? fields.map((f) => f.replace(/"/g, "")) : [];
  }
  return null;
}
