/**
 * The one error type of the domain layer. Every failure a caller can act on has a code;
 * `lib/http/respond.ts` maps codes to HTTP statuses in one table.
 */

export type AppErrorCode =
  | "invalid_input" // 400: malformed or missing fields
  | "unauthenticated" // 401
  | "forbidden" // 403: the caller may see the object but not do this
  | "not_found" // 404: absent, or not visible to the caller
  | "conflict" // 409: a uniqueness or state conflict
  | "stale_version" // 409: edited from an old version
  | "payload_too_large" // 413
  | "unsupported_media_type" // 415
  | "unprocessable" // 422: well-formed but inconsistent with stored data
  | "rate_limited" // 429
  | "unavailable"; // 503: the database cannot be reached

/** Field name → human message, for forms and API clients. */
export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fields?: FieldErrors;
  readonly details?: Record<string, unknown>;
  /**
   * A `not_found` that hides an object which exists but is not the caller's to see (someone
   * else's draft or token). For the audit log only (lib/audit/record-denial.ts): it is never
   * sent, so the answer stays the same as for an id that was never issued.
   */
  readonly concealed: boolean;

  constructor(
    code: AppErrorCode,
    message: string,
    options: { fields?: FieldErrors; details?: Record<string, unknown>; cause?: unknown; concealed?: boolean } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.fields = options.fields;
    this.details = options.details;
    this.concealed = options.concealed ?? false;
  }
}

/** True for errors raised on purpose by the domain layer. */
export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
