/**
 * Who may call each HTTP route, as one declarative table. `route-permissions.test.ts` fails
 * when a route handler (or a server action) has no row here, and the end-to-end authorization
 * matrix calls every row as each kind of caller and expects the statuses this table implies.
 *
 * access:
 *  - "public":  anyone, signed in or not (published versions, sign-up, next-auth itself)
 *  - "session": any signed-in, enabled account (reviewer and up)
 *  - "editor":  editors and admins; reviewers get 403
 *  - "admin":   admins only; reviewers and editors get 403
 * onMissing: the status a permitted caller gets when the route's resource does not exist
 *  (404), or the success status of a collection route.
 * body: a well-formed body, so the matrix tests permission and existence, not validation.
 */
export type Access = "public" | "session" | "editor" | "admin";

export interface RouteRule {
  access: Access;
  onMissing: number;
  body?: unknown;
  /** Not called by the matrix (it streams, signs in, or exists only for the benchmark); why. */
  skip?: string;
}

const CLAIM_BODY = { exact: "NATO", prefix: "", suffix: "", start: 0, end: 4, revision: 1 };

export const ROUTE_PERMISSIONS: Record<string, RouteRule> = {
  // A wrong current password: 400 for every signed-in caller, and nothing changes.
  "POST /api/account/password": { access: "session", onMissing: 400, body: { currentPassword: "not my password", newPassword: "a new passphrase" } },
  "POST /api/account/sign-out-everywhere": { access: "session", onMissing: 204, skip: "ends the sessions the matrix signs in with; covered by e2e/account-security.spec.ts" },
  "GET /api/activity": { access: "session", onMissing: 200 },
  "POST /api/annotations/[id]/replies": { access: "session", onMissing: 404, body: { body: "A reply" } },
  "POST /api/annotations/[id]/reviews": {
    access: "session",
    onMissing: 404,
    body: { decision: "approve", comment: "Checked.", version: 1 },
  },
  "GET /api/annotations/[id]": { access: "session", onMissing: 404 },
  "PATCH /api/annotations/[id]": { access: "session", onMissing: 404, body: { title: "New title", version: 1 } },
  "DELETE /api/annotations/[id]": { access: "session", onMissing: 404 },
  "POST /api/annotations/[id]/submit": { access: "session", onMissing: 404, body: {} },
  "POST /api/annotations/[id]/withdraw": { access: "session", onMissing: 404, body: {} },
  "POST /api/articles/[id]/claims": { access: "session", onMissing: 404, body: CLAIM_BODY },
  "GET /api/articles/[id]/events": { access: "session", onMissing: 404, skip: "a stream; its 401/404 are covered in e2e/api-claims.spec.ts" },
  "GET /api/articles/[id]/revisions/[n]": { access: "session", onMissing: 404 },
  "GET /api/articles/[id]/revisions": { access: "session", onMissing: 404 },
  "POST /api/articles/[id]/revisions": { access: "editor", onMissing: 404, body: { text: "Corrected text.", baseRevision: 1 } },
  "GET /api/articles/[id]": { access: "session", onMissing: 404 },
  "GET /api/articles/[id]/versions/[n]/export": { access: "public", onMissing: 404 },
  "GET /api/articles/[id]/versions/[n]": { access: "public", onMissing: 404 },
  "GET /api/articles/[id]/versions": { access: "public", onMissing: 404 },
  "POST /api/articles/[id]/versions": { access: "editor", onMissing: 404, body: {} },
  "POST /api/articles/preview": { access: "editor", onMissing: 200, body: { title: "Preview", text: "One paragraph." } },
  "GET /api/articles": { access: "session", onMissing: 200 },
  "POST /api/articles": { access: "editor", onMissing: 201, body: { title: "Matrix import", text: "One paragraph." } },
  "GET /api/auth/[...nextauth]": { access: "public", onMissing: 200, skip: "next-auth's own endpoints; covered by e2e/auth.spec.ts" },
  "POST /api/auth/[...nextauth]": { access: "public", onMissing: 200, skip: "next-auth's own endpoints; covered by e2e/auth.spec.ts" },
  "POST /api/bench/floor": { access: "session", onMissing: 404, skip: "answers 404 unless the benchmark started the server" },
  "POST /api/claims/[id]/annotations": {
    access: "session",
    onMissing: 404,
    body: { kind: "source", url: "https://example.org/", title: "A source", stance: "context" },
  },
  "GET /api/claims/[id]/history": { access: "session", onMissing: 404 },
  "POST /api/claims/[id]/reattach": { access: "session", onMissing: 404, body: CLAIM_BODY },
  "GET /api/claims/[id]": { access: "session", onMissing: 404 },
  "DELETE /api/claims/[id]": { access: "session", onMissing: 404 },
  "GET /api/reviews/queue": { access: "session", onMissing: 200 },
  "POST /api/signup": { access: "public", onMissing: 201, skip: "creates accounts; covered by e2e/auth.spec.ts" },
  "DELETE /api/tokens/[id]": { access: "session", onMissing: 404 },
  "GET /api/tokens": { access: "session", onMissing: 200 },
  "POST /api/tokens": { access: "session", onMissing: 201, body: { name: "matrix" } },
  "GET /api/users": { access: "admin", onMissing: 200 },
  "POST /api/users/[id]/disable": { access: "admin", onMissing: 404, body: {} },
  "POST /api/users/[id]/enable": { access: "admin", onMissing: 404, body: {} },
  "PUT /api/users/[id]/role": { access: "admin", onMissing: 404, body: { role: "editor" } },
};

/** Server actions (`"use server"` modules) and who may call them; there are none today. */
export const SERVER_ACTIONS: Record<string, Access> = {};
