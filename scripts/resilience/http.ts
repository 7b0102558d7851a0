/** Bounded JSON requests to the app's API with a bearer token. */

export interface ApiResult {
  /** HTTP status, or 0 when no response arrived (connection refused or reset, timeout). */
  status: number;
  body: unknown;
  /** The network error or timeout when `status` is 0. */
  error?: string;
  headers?: Headers;
  ms: number;
}

export interface ApiRequest {
  method?: "GET" | "POST";
  token: string;
  body?: unknown;
  timeoutMs?: number;
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === "TimeoutError") return "timeout";
  const cause = error.cause;
  if (cause instanceof Error) {
    const code = "code" in cause ? String(cause.code) : "";
    return code || cause.message;
  }
  return error.message;
}

export async function api(url: string, request: ApiRequest): Promise<ApiResult> {
  const started = performance.now();
  const headers: Record<string, string> = { authorization: `Bearer ${request.token}` };
  if (request.body !== undefined) headers["content-type"] = "application/json";
  try {
    const response = await fetch(url, {
      method: request.method ?? "GET",
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      redirect: "manual",
      signal: AbortSignal.timeout(request.timeoutMs ?? 15_000),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body, headers: response.headers, ms: performance.now() - started };
  } catch (error) {
    return { status: 0, body: undefined, error: describeError(error), ms: performance.now() - started };
  }
}

/** `body.error.code` of an API error response, if it has that shape. */
export function errorCode(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null || !("error" in body)) return undefined;
  const error = body.error;
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  return String(error.code);
}

/** `body.error.message`, if present. */
export function errorMessage(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null || !("error" in body)) return undefined;
  const error = body.error;
  if (typeof error !== "object" || error === null || !("message" in error)) return undefined;
  return String(error.message);
}

/** A short description of a result, for check details. */
export function describe(result: ApiResult): string {
  if (result.status === 0) return `no response: ${result.error ?? "?"} after ${Math.round(result.ms)} ms`;
  const code = errorCode(result.body);
  return `HTTP ${result.status}${code ? ` ${code}` : ""} in ${Math.round(result.ms)} ms`;
}

/** How many results had each status, e.g. "503×10" or "201×58, 0×31". */
export function tally(results: Array<{ status: number }>): string {
  const counts = new Map<number, number>();
  for (const { status } of results) counts.set(status, (counts.get(status) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([status, count]) => `${status === 0 ? "no response" : status}×${count}`)
    .join(", ");
}
