/** The browser's way to call the HTTP API: JSON in, JSON out, errors as ApiError. */

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;
  readonly body: Record<string, unknown>;

  constructor(status: number, body: Record<string, unknown>) {
    const error = (body.error ?? {}) as Record<string, unknown>;
    super(typeof error.message === "string" ? error.message : `Request failed (${status}).`);
    this.name = "ApiError";
    this.status = status;
    this.code = typeof error.code === "string" ? error.code : "unknown";
    this.fields = (error.fields ?? {}) as Record<string, string>;
    this.body = error;
  }
}

/** Answers of conditional reads (`apiRead`) by path: the entity tag and the parsed body. */
const tagged = new Map<string, { etag: string; value: unknown }>();
const TAGGED_KEPT = 32;

/**
 * A GET that sends the tag of the answer this page already has (`If-None-Match`) and reuses
 * that answer on 304, so reading an unchanged article or claim again costs no body. The API
 * answers `ETag` on `GET /api/articles/:id` and `GET /api/claims/:id`; tags are valid for the
 * signed-in user only, so a tag kept across a change of user gets a full answer.
 */
export async function apiRead<T>(path: string, init: { signal?: AbortSignal } = {}): Promise<T> {
  const known = tagged.get(path);
  const response = await request(path, { ...init, ifNoneMatch: known?.etag });
  if (response.status === 304 && known) return known.value as T;
  const value = await parse<T>(response);
  const etag = response.headers.get("etag");
  tagged.delete(path);
  if (etag) {
    tagged.set(path, { etag, value });
    for (const oldest of tagged.keys()) {
      if (tagged.size <= TAGGED_KEPT) break;
      tagged.delete(oldest);
    }
  }
  return value;
}

/** Calls the API; resolves with the parsed JSON (undefined for 204), rejects with ApiError. */
export async function api<T>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  return parse<T>(await request(path, init));
}

async function request(
  path: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal; ifNoneMatch?: string },
): Promise<Response> {
  let response: Response;
  const headers: Record<string, string> = {};
  if (init.body !== undefined) headers["content-type"] = "application/json";
  if (init.ifNoneMatch) headers["if-none-match"] = init.ifNoneMatch;
  try {
    response = await fetch(path, {
      method: init.method ?? "GET",
      headers,
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      signal: init.signal,
      cache: "no-store",
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, { error: { code: "network", message: "Could not reach the server. Check your connection." } });
  }
  return response;
}

async function parse<T>(response: Response): Promise<T> {
  if (response.status === 204 || response.status === 304) return undefined as T;
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) throw new ApiError(response.status, body);
  return body as T;
}
