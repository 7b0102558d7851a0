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

/** Calls the API; resolves with the parsed JSON (undefined for 204), rejects with ApiError. */
export async function api<T>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
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
    throw new ApiError(0, { error: { code: "network", message: "Could not reach the server. Check your connection." } });
  }
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) throw new ApiError(response.status, body);
  return body as T;
}
