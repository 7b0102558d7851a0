/**
 * The one wrapper of every route handler: who is asking, request hygiene for mutations,
 * and error mapping. A handler body is then: parse → one lib call → a DTO.
 */
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { getSessionActor } from "@/lib/auth/session";
import { errorResponse, json } from "@/lib/http/respond";

type RouteParams = Record<string, string | string[]>;

export interface RouteContext<P extends RouteParams> {
  request: Request;
  params: P;
  actor: Actor | null;
}

type NextRouteContext<P> = { params: Promise<P> };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Largest JSON body a route reads; larger ones get 413 before parsing. */
export const MAX_JSON_BYTES = 1_000_000;

/**
 * Mutations must be JSON from this origin. A cross-site form can send neither
 * `application/json` nor a same-origin `Origin`, so this closes CSRF for cookie sessions.
 */
function checkMutation(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  const contentType = request.headers.get("content-type") ?? "";
  const hasBody = request.headers.get("content-length") !== "0" && request.method !== "DELETE";
  if (hasBody && !/^application\/json\b/i.test(contentType)) {
    throw new AppError("unsupported_media_type", "Send the request body as application/json.");
  }
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") {
    throw new AppError("forbidden", "Cross-site requests are not accepted.");
  }
  const origin = request.headers.get("origin");
  if (origin === null) {
    if (site === "same-origin") return;
    throw new AppError("forbidden", "Requests that change data must carry an Origin header.");
  }
  const expected = new URL(request.url).origin;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const proto = request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol.replace(":", "");
  const fromHost = host ? `${proto}://${host}` : expected;
  if (origin !== expected && origin !== fromHost) {
    throw new AppError("forbidden", "Cross-site requests are not accepted.");
  }
}

/** Reads a JSON body, with a size bound and a clear error for malformed JSON. */
export async function readJson(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_JSON_BYTES) throw new AppError("payload_too_large", "The request body is too large.");
  const text = await request.text();
  if (text.length > MAX_JSON_BYTES) throw new AppError("payload_too_large", "The request body is too large.");
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("invalid_input", "The request body is not valid JSON.");
  }
}

/** Wraps a handler that may be called by anyone, signed in or not. */
export function publicRoute<P extends RouteParams = Record<string, never>>(
  handler: (context: RouteContext<P>) => Promise<Response>,
) {
  return async (request: Request, context: NextRouteContext<P>): Promise<Response> => {
    try {
      checkMutation(request);
      const params = await context.params;
      const actor = await getSessionActor();
      return await handler({ request, params, actor });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Wraps a handler that needs a signed-in user; 401 otherwise. */
export function authenticatedRoute<P extends RouteParams = Record<string, never>>(
  handler: (context: RouteContext<P> & { actor: Actor }) => Promise<Response>,
) {
  return publicRoute<P>(async (context) => {
    if (!context.actor) throw new AppError("unauthenticated", "Sign in to continue.");
    return handler({ ...context, actor: context.actor });
  });
}

export { json };
