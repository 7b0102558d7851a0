/**
 * Conditional reads for the browser: a GET that sends the tag of the answer this page already
 * has (`If-None-Match`) and reuses that answer on 304, so reading an unchanged article or claim
 * again costs no body. `GET /api/articles/:id` and `GET /api/claims/:id` answer `ETag`; a tag
 * is valid for the signed-in user only (drafts are per person), so one kept across a change of
 * user gets a full answer. Failures are `ApiError`s, as with `api`.
 */
import { ApiError } from "@/lib/api-client";

/** The last answers by path: the entity tag and the parsed body (a page reads a few paths). */
const tagged = new Map<string, { etag: string; value: unknown }>();
const TAGGED_KEPT = 16;

export async function apiRead<T>(path: string, init: { signal?: AbortSignal } = {}): Promise<T> {
  const known = tagged.get(path);
  let response: Response;
  try {
    response = await fetch(path, {
      headers: known ? { "if-none-match": known.etag } : {},
      signal: init.signal,
      // The page keeps the answer itself; the HTTP cache is not asked.
      cache: "no-store",
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, { error: { code: "network", message: "Could not reach the server. Check your connection." } });
  }
  if (response.status === 304 && known) return known.value as T;
  const body: unknown = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, body as Record<string, unknown>);
  tagged.delete(path);
  const etag = response.headers.get("etag");
  if (etag) {
    tagged.set(path, { etag, value: body });
    for (const oldest of tagged.keys()) {
      if (tagged.size <= TAGGED_KEPT) break;
      tagged.delete(oldest);
    }
  }
  return body as T;
}
