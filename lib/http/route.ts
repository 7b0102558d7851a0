/**
 * The one wrapper of every route handler: who is asking, request hygiene for mutations,
 * and error mapping. A handler body is then: parse → one lib call → a DTO.
 *
 * Who is asking: an `Authorization: Bearer <token>` header, when present, decides alone; a
 * malformed, unknown or revoked token is 401 and never falls back to the session cookie (a
 * client that sent a token means to act as that token). Without it, the session cookie decides.
 */
import type { Actor } from "@/lib/auth/actor";
import type { Credential } from "@/lib/auth/credential";
import { AppError, isAppError } from "@/lib/errors";
import { deniedStatus, routePattern, type RouteParams } from "@/lib/http/denials";
import { readSession } from "@/lib/auth/session";
import { clientAddress } from "@/lib/auth/sign-in-throttle";
import { recordDenialSafely } from "@/lib/audit/record-denial";
import { resolveBearerToken } from "@/lib/tokens/resolve-bearer-token";
import { isWellFormedTokenSecret } from "@/lib/tokens/secret";
import { errorResponse, json, notModified } from "@/lib/http/respond";

export interface RouteContext<P extends RouteParams> {
  request: Request;
  params: P;
  actor: Actor | null;
  /** How the actor was identified: the session cookie or an access token; null when anonymous. */
  credential: Credential | null;
}

/** What Next.js passes a route handler (with no `params` at all for a route without dynamic segments). */
type NextRouteContext<P> = { params: Promise<P> };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Largest JSON body a route reads; larger ones get 413 before parsing. */
export const MAX_JSON_BYTES = 1_000_000;

/** Mutations carry JSON: a cross-site form cannot send `application/json` without a preflight. */
function checkJsonBody(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  const contentType = request.headers.get("content-type") ?? "";
  const hasBody = request.headers.get("content-length") !== "0" && request.method !== "DELETE";
  if (hasBody && !/^application\/json\b/i.test(contentType)) {
    throw new AppError("unsupported_media_type", "Send the request body as application/json.");
  }
}

/**
 * Mutations under a cookie session must come from this origin. Together with the JSON rule
 * this closes CSRF: a browser attaches cookies by itself, even to requests another site starts.
 */
function checkSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
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

/** Raised for a bad `Authorization` header, so its 401 can carry `WWW-Authenticate`. */
class BearerError extends AppError {
  constructor(message: string) {
    super("unauthenticated", message);
  }
}

/**
 * The secret of an `Authorization: Bearer …` header: undefined without such a header, and
 * a 401 for a Bearer header that is not a well-formed token. Other schemes are ignored: a
 * browser resends HTTP Basic credentials by itself when a proxy in front of the app asks
 * for them, so they are ambient like a cookie and must not skip the same-origin check.
 */
function bearerSecret(request: Request): string | undefined {
  const header = request.headers.get("authorization")?.trim();
  if (!header || !/^Bearer(\s|$)/i.test(header)) return undefined;
  const secret = /^Bearer[ \t]+(\S+)$/i.exec(header)?.[1];
  if (!secret || !isWellFormedTokenSecret(secret)) {
    throw new BearerError(
      "Malformed Authorization header: send `Authorization: Bearer fd_…` with a personal access token from your settings page.",
    );
  }
  return secret;
}

/**
 * What is known of the caller so far, filled in as the request is identified, so that a
 * refusal at any step can be recorded against whoever it concerns.
 */
interface Caller {
  actor: Actor | null;
  /** The credential the request carried, accepted or not (a Bearer header, a session cookie). */
  presented: Credential | null;
  /** The account of a session cookie that no longer counts (disabled, signed out everywhere). */
  refusedUserId: string | null;
}

/** Who is asking and how, after the mutation checks that apply to that credential. */
async function identify(request: Request, caller: Caller): Promise<{ actor: Actor | null; credential: Credential | null }> {
  if (/^\s*Bearer(\s|$)/i.test(request.headers.get("authorization") ?? "")) caller.presented = "token";
  const secret = bearerSecret(request);
  if (secret !== undefined) {
    const actor = await resolveBearerToken(secret);
    if (!actor) throw new BearerError("The access token is invalid or has been revoked.");
    caller.actor = actor;
    // No same-origin check: a token is never sent by a browser on its own (no ambient
    // credential), and another site cannot add this header without a CORS preflight we refuse.
    checkJsonBody(request);
    return { actor, credential: "token" };
  }
  checkJsonBody(request);
  checkSameOrigin(request);
  const { actor, refusedUserId } = await readSession();
  caller.actor = actor;
  caller.refusedUserId = refusedUserId;
  if (actor || refusedUserId) caller.presented = "session";
  return { actor, credential: actor ? "session" : null };
}

/**
 * A mutation refused before the session was read (cross-site, no Origin) is pinned on the
 * browser's account when it carries a session cookie: that account is whom the request was
 * made to act as. Best effort: the refusal stands either way.
 */
async function attributeRefusal(caller: Caller): Promise<void> {
  try {
    const { actor, refusedUserId } = await readSession();
    caller.actor = actor;
    caller.refusedUserId = refusedUserId;
    if (actor || refusedUserId) caller.presented = "session";
  } catch {
    // No session to read (outside a request): leave the refusal unattributed.
  }
}

/** Writes the audit event of a refused request, when the policy asks for one; never throws. */
async function recordRefusal(
  request: Request,
  params: Promise<RouteParams> | undefined,
  caller: Caller,
  error: unknown,
): Promise<void> {
  const status = deniedStatus(error, caller.presented);
  if (status === null || !isAppError(error)) return;
  // Made by another site, not by the account: bounded like refusals nobody can be held to.
  const crossSite = status === 403 && caller.presented === null;
  if (crossSite) await attributeRefusal(caller);
  // Next.js hands routes without dynamic segments no `params` at all.
  const resolved: RouteParams = (await Promise.resolve(params).catch(() => undefined)) ?? {};
  const id = resolved.id;
  await recordDenialSafely({
    actorId: caller.actor?.id ?? caller.refusedUserId,
    route: routePattern(request.method, new URL(request.url).pathname, resolved),
    targetId: typeof id === "string" ? id : null,
    status,
    code: error.code,
    credential: caller.presented,
    address: clientAddress(request.headers),
    bounded: crossSite,
  });
}

/**
 * Reads a JSON body, with a size bound and a clear error for malformed JSON. The bound is
 * checked on the bytes as they arrive (a body without Content-Length is not read to its end
 * first); `maxBytes` raises it for the few routes that take whole articles.
 */
export async function readJson(request: Request, { maxBytes = MAX_JSON_BYTES }: { maxBytes?: number } = {}): Promise<unknown> {
  const tooLarge = () =>
    new AppError("payload_too_large", `The request body is too large (at most ${(maxBytes / 1_000_000).toLocaleString("en")} MB).`);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString("utf8");
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
    const caller: Caller = { actor: null, presented: null, refusedUserId: null };
    try {
      const { actor, credential } = await identify(request, caller);
      const params = await context.params;
      return await handler({ request, params, actor, credential });
    } catch (error) {
      // After the handler's transaction has rolled back: the refusal is recorded on its own.
      await recordRefusal(request, context.params, caller, error).catch((failure: unknown) => {
        console.error("[factdesk] could not record a refused request", failure);
      });
      const response = errorResponse(error);
      if (error instanceof BearerError) response.headers.set("www-authenticate", 'Bearer error="invalid_token"');
      return response;
    }
  };
}

/** Wraps a handler that needs a signed-in user; 401 otherwise. */
export function authenticatedRoute<P extends RouteParams = Record<string, never>>(
  handler: (context: RouteContext<P> & { actor: Actor; credential: Credential }) => Promise<Response>,
) {
  return publicRoute<P>(async (context) => {
    const { actor, credential } = context;
    if (!actor || !credential) throw new AppError("unauthenticated", "Sign in to continue.");
    return handler({ ...context, actor, credential });
  });
}

export { json, notModified };
