/**
 * Which refused requests the audit log records, and how a request names its route there.
 * Pure: the route wrapper (lib/http/route.ts) applies it, lib/audit/record-denial.ts writes.
 */
import { isAppError } from "@/lib/errors";
import type { Credential } from "@/lib/auth/credential";

/** The dynamic segments of a route, as Next.js hands them to a handler. */
export type RouteParams = Record<string, string | string[]>;

/**
 * The status of a refusal to record in the audit log, or null (the policy and its reasons
 * are in lib/audit/record-denial.ts): every 403, a 404 that hides an object the caller may
 * not see, and a 401 only for a credential that was presented and refused.
 */
export function deniedStatus(error: unknown, presented: Credential | null): 401 | 403 | 404 | null {
  if (!isAppError(error)) return null;
  if (error.code === "forbidden") return 403;
  if (error.code === "not_found" && error.concealed) return 404;
  if (error.code === "unauthenticated" && presented !== null) return 401;
  return null;
}

/**
 * `PATCH /api/annotations/[id]` for `PATCH /api/annotations/abc`: the path with each segment
 * that is a route parameter replaced by the parameter's name, as in the app folder.
 */
export function routePattern(method: string, pathname: string, params: RouteParams): string {
  const names = new Map<string, string>();
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === "string") names.set(value, `[${name}]`);
  }
  const segments = pathname.split("/").map((segment) => {
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      // A malformed escape is not a parameter value; keep the segment as sent.
    }
    return names.get(decoded) ?? segment;
  });
  return `${method} ${segments.join("/")}`;
}
