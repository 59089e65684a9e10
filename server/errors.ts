import "server-only";

/**
 * Errors that data functions throw on purpose. Server actions turn them into form messages and the API
 * wrapper turns them into status codes, so a refusal never surfaces as a 500.
 */
export class AppError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = "Sign in to do that.") {
    super(message, 401);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "You are not allowed to do that.") {
    super(message, 403);
  }
}

export class NotFoundError extends AppError {
  constructor(message = "Not found.") {
    super(message, 404);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, fieldErrors: Record<string, string[]> = {}) {
    super(message, 409, fieldErrors);
  }
}

/** Input that passed the schema but breaks a rule only the database can check (e.g. a parent in another thesis). */
export class InvalidInputError extends AppError {
  constructor(message: string, fieldErrors: Record<string, string[]> = {}) {
    super(message, 422, fieldErrors);
  }
}

export class RateLimitError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, 429);
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
