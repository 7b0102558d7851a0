/** JSON responses and the one mapping from domain errors to HTTP (docs/architecture.md, "HTTP API"). */
import { randomUUID } from "node:crypto";
import { AppError, isAppError, type AppErrorCode } from "@/lib/errors";

const STATUS: Record<AppErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  stale_version: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
};

/** A JSON response with `no-store`: API answers depend on who asks. */
export function json(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

// P2028: no transaction could start in time (pool exhausted under load); 57014: statement
// cancelled by statement_timeout. Both mean "try again shortly", not a bug.
const CONNECTION_CODES = new Set(["P1001", "P1002", "P1017", "P2028", "ECONNREFUSED", "ECONNRESET", "57P01", "57P03", "57014"]);

/** Whether an error means the database could not be reached (as opposed to a bug). */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    if (typeof current === "object" && current !== null) {
      const code = "code" in current ? String(current.code) : "";
      if (CONNECTION_CODES.has(code)) return true;
      const message = "message" in current ? String(current.message) : "";
      // A raw query (`$queryRaw`) wraps the driver's failure as P2010 with only its message.
      if (/ECONNREFUSED|Connection terminated|connect ETIMEDOUT|timeout exceeded when trying to connect|Query read timeout|Unable to start a transaction in the given time|Can't reach database server/i.test(message)) {
        return true;
      }
      current = "cause" in current ? current.cause : undefined;
    } else break;
  }
  return false;
}

/** Turns any thrown value into the API's error JSON; unknown errors are logged with an id. */
export function errorResponse(error: unknown): Response {
  if (isAppError(error)) return json({ error: errorBody(error) }, STATUS[error.code]);
  if (isDatabaseUnavailable(error)) {
    return json(
      { error: { code: "unavailable", message: "The database is unavailable. Try again in a moment." } },
      503,
      { "retry-after": "5" },
    );
  }
  const id = randomUUID();
  console.error(`[factdesk] unexpected error ${id}`, error);
  return json({ error: { code: "internal", message: `Something went wrong (error id ${id}).` } }, 500);
}

function errorBody(error: AppError) {
  return {
    code: error.code,
    message: error.message,
    ...(error.fields ? { fields: error.fields } : {}),
    ...(error.details ?? {}),
  };
}

/** A 304 for a conditional read whose tag still holds: no body, the tag again. */
export function notModified(etag: string): Response {
  return new Response(null, { status: 304, headers: { etag, "cache-control": "no-store" } });
}
