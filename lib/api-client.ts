/**
 * The browser's one way to call the HTTP API: JSON in, JSON out, every failure an `ApiError`.
 *
 * A refused request answers `{"error": {"code", "message", "fields"?, ...details}}`
 * (lib/http/respond.ts). `ApiError` carries the message to show, the field messages a form puts
 * under its inputs (`fields.name`, `fields.password`, …) and the details some answers add (a
 * stale edit's `currentVersion`). An answer that is not that shape (a proxy's HTML error page)
 * and a request that never reached the server become an `ApiError` too, with a message a
 * person can act on, so callers handle one type.
 */
import { z } from "zod";

const ErrorBody = z.object({
  error: z.looseObject({
    code: z.string().optional(),
    message: z.string().optional(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});

export class ApiError extends Error {
  /** The HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  /** The error code of the answer (`invalid_input`, `stale_version`, …); `network` when unreachable, `unknown` when the answer had none. */
  readonly code: string;
  /** Field name → message, for the inputs of a form; empty when the error is not about one field. */
  readonly fields: Record<string, string>;
  /** The whole `error` object of the answer, with any details it carries. */
  readonly body: Record<string, unknown>;

  constructor(status: number, body: unknown, fallbackMessage?: string) {
    const parsed = ErrorBody.safeParse(body);
    const error = parsed.success ? parsed.data.error : {};
    super(error.message ?? fallbackMessage ?? `Request failed (${status}).`);
    this.name = "ApiError";
    this.status = status;
    this.code = error.code ?? "unknown";
    this.fields = error.fields ?? {};
    this.body = error;
  }

  /** True when the answer named at least one field: a form shows the messages under its inputs. */
  get hasFieldErrors(): boolean {
    return Object.keys(this.fields).length > 0;
  }
}

export interface ApiRequest {
  /** GET unless given. */
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  /** The message when a failed answer carries none of its own (e.g. "Could not create the token."). */
  errorMessage?: string;
}

const OFFLINE_MESSAGE = "Could not reach the server. Check your connection and try again.";

/** Calls the API; resolves with the parsed JSON (undefined for 204), rejects with `ApiError` (an abort stays an `AbortError`). */
export async function api<T>(path: string, init: ApiRequest = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? "GET",
      headers: init.body !== undefined ? { "content-type": "application/json" } : undefined,
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      signal: init.signal,
      cache: "no-store",
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, { error: { code: "network", message: OFFLINE_MESSAGE } });
  }
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, body, init.errorMessage);
  return body as T;
}
