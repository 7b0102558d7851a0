/**
 * The browser's one way to call the HTTP API: JSON in, JSON out, every failure an `ApiError`.
 *
 * A refused request answers `{"error": {"code", "message", "fields"?, ...details}}`
 * (lib/http/respond.ts). `ApiError` carries the message to show, the field messages a form puts
 * under its inputs (`fields.name`, `fields.password`, …) and the details some answers add (a
 * stale edit's `currentVersion`). An answer that is not that shape (a proxy's HTML error page)
 * and a request that never reached the server become an `ApiError` too, with a message a
 * person can act on, so callers handle one type. So does a success whose body was cut off
 * (the connection dropped mid-answer): a caller never receives a value that is not the answer.
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
  const response = await send(path, init);
  if (response.status === 204) return undefined as T;
  return parse<T>(response, init.errorMessage);
}

/** Answers of conditional reads (`apiRead`) by path: the entity tag and the parsed body. */
const tagged = new Map<string, { etag: string; value: unknown }>();
const TAGGED_KEPT = 16;

/**
 * A GET that sends the tag of the answer this page already has (`If-None-Match`) and reuses
 * that answer on 304, so reading an unchanged article or claim again costs no body.
 * `GET /api/articles/:id` and `GET /api/claims/:id` answer `ETag`; a tag is valid for the
 * signed-in user only (drafts are per person), so one kept across a change of user gets a
 * full answer.
 */
export async function apiRead<T>(path: string, init: Pick<ApiRequest, "signal" | "errorMessage"> = {}): Promise<T> {
  const known = tagged.get(path);
  const response = await send(path, { ...init, ifNoneMatch: known?.etag });
  if (response.status === 304 && known) return known.value as T;
  const value = await parse<T>(response, init.errorMessage);
  tagged.delete(path);
  const etag = response.headers.get("etag");
  if (etag) {
    tagged.set(path, { etag, value });
    for (const oldest of tagged.keys()) {
      if (tagged.size <= TAGGED_KEPT) break;
      tagged.delete(oldest);
    }
  }
  return value;
}

async function send(path: string, init: ApiRequest & { ifNoneMatch?: string }): Promise<Response> {
  const headers: Record<string, string> = {};
  if (init.body !== undefined) headers["content-type"] = "application/json";
  if (init.ifNoneMatch) headers["if-none-match"] = init.ifNoneMatch;
  try {
    return await fetch(path, {
      method: init.method ?? "GET",
      headers,
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      signal: init.signal,
      // Answers depend on who asks; the page keeps what it needs itself (`apiRead`).
      cache: "no-store",
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, { error: { code: "network", message: OFFLINE_MESSAGE } });
  }
}

const CUT_OFF_MESSAGE = "The answer from the server was cut off. Check your connection and try again.";

async function parse<T>(response: Response, errorMessage: string | undefined): Promise<T> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    // A refusal without a JSON body still says what failed through its status. A success whose
    // body cannot be read (the connection dropped mid-answer, a proxy's page) carries nothing
    // the caller can use: it is a failed request, never an empty answer of the expected type.
    if (!response.ok) throw new ApiError(response.status, {}, errorMessage);
    throw new ApiError(0, { error: { code: "network", message: CUT_OFF_MESSAGE } });
  }
  if (!response.ok) throw new ApiError(response.status, body, errorMessage);
  return body as T;
}
