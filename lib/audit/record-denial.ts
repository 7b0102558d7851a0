/**
 * Audit events for refused requests (OWASP ASVS V7.2: failed access-control decisions are
 * logged). The route wrapper (lib/http/route.ts) calls this once per refused API request,
 * after the request's own transaction has rolled back: nothing the request tried is written,
 * only the fact that it was refused.
 *
 * Which refusals are recorded, and why:
 * - 403 forbidden, always when a signed-in caller was refused: their role or ownership does
 *   not allow what they tried. Rare in normal use, attributable, and each worth a look.
 *   A cross-site request is refused before the session is read; it is recorded against the
 *   account of the session cookie it carried (if any), but bounded like the refusals below:
 *   another site, not the account, decides how many there are.
 * - 404 that hides an object the caller may not see (someone else's draft or access token),
 *   marked `concealed` by the domain layer. The caller gets the same 404 as for an id that was
 *   never issued; only the audit log tells the two apart. A plain miss is not recorded.
 * - 401 for a credential that was presented and refused (an unknown, revoked or malformed
 *   access token; the session of a disabled account or of one signed out everywhere).
 * - Refusals that cannot be pinned on a signed-in account (the 401s above, cross-site 403s) are
 *   recorded at most once per minute for each account (or none), client address, status, and
 *   kind of request (a page or the API): anyone can send such requests for free, so without a
 *   bound they would fill the log. Pages and API requests are counted apart so that a page's
 *   own refused requests (its live streams) do not hide the refusal of the page itself.
 * - 401 without any credential is not recorded: it is what every signed-out browser gets,
 *   carries no identity to attribute, and recording it would let anyone grow the audit table
 *   without limit. Failed sign-ins are recorded (and limited) where they happen.
 *
 * Pages (server components) follow the same policy through `refusePage` (lib/auth/session.ts):
 * a signed-in account shown "only editors …" instead of the page is a 403, and a refused
 * session sent to sign-in is a bounded 401. Their route is the page's pattern, e.g.
 * `GET /articles/[id]/publish`.
 *
 * Never recorded: the request body, headers, cookies, tokens or any part of them.
 */
import { db } from "@/lib/db";

/** The action of every refusal event. */
export const ACCESS_DENIED = "access.denied";

/** How often a refusal not pinned on a signed-in account is recorded, per account, address, status, and page or API. */
export const UNATTRIBUTED_INTERVAL_MS = 60_000;

/** What every API route's pattern contains after its method, and no page's does. */
const API_PATH = " /api/";

/** Ids in the path are the caller's to choose: bounded so a refusal cannot bloat the log. */
const MAX_TARGET_LENGTH = 200;

/** The route's first segment → the type of object its `[id]` names. */
const TARGET_TYPES: Record<string, string> = {
  annotations: "annotation",
  articles: "article",
  claims: "claim",
  tokens: "access_token",
};

export interface DenialInput {
  /** The account refused: the signed-in actor, or the owner of a refused session; null when unknown. */
  actorId: string | null;
  /** The route pattern with its method, e.g. `PATCH /api/annotations/[id]`. */
  route: string;
  /** The `[id]` of the request, when the route has one. */
  targetId: string | null;
  status: 401 | 403 | 404;
  code: string;
  credential: "session" | "token" | null;
  address: string;
  /**
   * Bound it like a refusal nobody can be held to, even though it names an account: a request
   * another site made a signed-in browser send, which that account did not choose to make.
   */
  bounded?: boolean;
}

/**
 * Records one refusal, and reports whether it did (a throttled 401 does not). The caller must
 * not let a failure here change its answer: see `recordDenialSafely`.
 */
export async function recordDenial(input: DenialInput): Promise<boolean> {
  const bounded = input.bounded === true || input.status === 401 || input.actorId === null;
  if (bounded && (await recentlyRecorded(input))) return false;
  const path = input.route.split(" ")[1] ?? "";
  // `/api/articles/[id]` for a route handler, `/articles/[id]/publish` for a page.
  const parts = path.split("/");
  const segment = (parts[1] === "api" ? parts[2] : parts[1]) ?? "";
  const targetType = input.targetId ? (TARGET_TYPES[segment] ?? "route") : "route";
  await db.auditEvent.create({
    data: {
      actorId: input.actorId,
      action: ACCESS_DENIED,
      targetType,
      targetId: (input.targetId ?? input.route).slice(0, MAX_TARGET_LENGTH),
      // Never part of a claim's history: a refusal changed nothing there, and the history is
      // shown to every reviewer.
      claimId: null,
      after: {
        route: input.route.slice(0, MAX_TARGET_LENGTH),
        status: input.status,
        code: input.code,
        credential: input.credential,
        address: input.address,
      },
    },
  });
  return true;
}

/** Records a refusal; a failure to write is logged and swallowed, so the refusal stands as it was. */
export async function recordDenialSafely(input: DenialInput): Promise<void> {
  try {
    await recordDenial(input);
  } catch (error) {
    console.error(`[factdesk] could not record a refused ${input.route} (${input.status})`, error);
  }
}

/**
 * Whether a refusal of this account (or of no known account), from this address and with this
 * status, was recorded within the last interval. Per account too, so that a disabled account's
 * attempts are not hidden by an unrelated flood of bad tokens from the same proxy address.
 */
async function recentlyRecorded({ actorId, address, status, route }: DenialInput): Promise<boolean> {
  const since = new Date(Date.now() - UNATTRIBUTED_INTERVAL_MS);
  const count = await db.auditEvent.count({
    where: {
      action: ACCESS_DENIED,
      actorId,
      createdAt: { gte: since },
      AND: [
        { after: { path: ["status"], equals: status } },
        { after: { path: ["address"], equals: address } },
        route.includes(API_PATH) ? { after: { path: ["route"], string_contains: API_PATH } } : { NOT: { after: { path: ["route"], string_contains: API_PATH } } },
      ],
    },
  });
  return count > 0;
}
