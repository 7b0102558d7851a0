/**
 * Who may call each HTTP route, as one declarative table. `route-permissions.test.ts` fails
 * when a route handler (or a server action) has no row here, and the end-to-end authorization
 * matrix (e2e/authorization-matrix.spec.ts) calls every row as each kind of caller and expects
 * the statuses this table implies.
 *
 * access:
 *  - "public":  anyone, signed in or not (published versions, sign-up, next-auth itself)
 *  - "session": any signed-in, enabled account (reviewer and up)
 *  - "editor":  editors and admins; reviewers get 403
 *  - "admin":   admins only; reviewers and editors get 403
 * onMissing: the status a permitted caller gets when the route's resource does not exist
 *  (404), or the success status of a collection route.
 * body: a well-formed body, so the matrix tests permission and existence, not validation.
 * owned (optional): calls on resources that exist. The matrix creates each fixture owned by a
 *  reviewer (the "owner") and calls the route on it as every caller; a row without `owned` is
 *  called on a missing resource only.
 *
 * The rule these rows follow (docs/architecture.md, "Security model"): an object a caller may not see (someone else's
 * draft, someone else's access token) answers 404, exactly like an id never issued; an object
 * they may see but not change answers 403.
 */
export type Access = "public" | "session" | "editor" | "admin";

/** Who calls in the matrix. The owner and the other reviewer are both plain reviewers. */
export type Caller = "anonymous" | "owner" | "reviewer" | "editor" | "admin" | "disabled";

/** The signed-in callers who do not own the fixture. */
export type OtherCaller = "reviewer" | "editor" | "admin";

/**
 * What the matrix creates for a route's `[id]` (and `[n]`). Claims, annotations and tokens
 * belong to the owner (a reviewer); articles, revisions and versions belong to the desk.
 */
export type Fixture =
  /** An article imported by an editor, with revision 1 (`[n]` = 1) and no published version. */
  | "article"
  /** Version 1 of an article an editor published (`[n]` = 1). */
  | "version"
  /** The owner's claim, without annotations. */
  | "claim"
  /** The owner's claim with the owner's submitted annotation. */
  | "annotated-claim"
  /** The owner's claim whose text a correction removed (status orphaned). */
  | "orphaned-claim"
  /** The owner's draft source annotation: nobody else may see it. */
  | "draft"
  /** The owner's submitted source annotation. */
  | "submitted"
  /** The owner's personal access token: nobody else may see it. */
  | "token";

export interface OwnedCase {
  on: Fixture;
  /** The owner's status. */
  own: number;
  /** The status of signed-in callers who do not own the fixture: one for all, or one each. */
  others: number | Record<OtherCaller, number>;
  /**
   * Anonymous and disabled callers. Default: 401 (the status of a session route for a caller
   * without a usable session), or on a public route the others' status.
   */
  anonymous?: number;
  /** A body for this fixture, when the rule's does not fit it. */
  body?: unknown;
  /**
   * A successful call changes the fixture (a review approves it, an edit bumps its version,
   * a delete removes it, a publication makes an article public): every caller expected to
   * succeed gets a fixture of their own. Without it, the fixture may be shared with other rows.
   */
  fresh?: boolean;
}

export interface RouteRule {
  access: Access;
  onMissing: number;
  body?: unknown;
  /** Not called by the matrix (it signs in, ends the matrix's sessions, or exists only for the benchmark); why. */
  skip?: string;
  /**
   * The route answers a never-ending stream (server-sent events): the matrix reads its status,
   * headers and first event, then closes it.
   */
  stream?: boolean;
  /** Calls on resources that exist, owned by the owner or by the desk (see `OwnedCase`). */
  owned?: OwnedCase[];
}

/** The status a caller gets on a fixture, as an `OwnedCase` says. */
export function expectedOnOwned(rule: RouteRule, owned: OwnedCase, caller: Caller): number {
  switch (caller) {
    case "owner":
      return owned.own;
    case "anonymous":
    case "disabled":
      return owned.anonymous ?? (rule.access === "public" ? expectedOnOwned(rule, owned, "reviewer") : 401);
    default:
      return typeof owned.others === "number" ? owned.others : owned.others[caller];
  }
}

/** The status a caller gets on a resource that does not exist. */
export function expectedOnMissing(rule: RouteRule, caller: Caller): number {
  if (rule.access === "public") return rule.onMissing;
  if (caller === "anonymous" || caller === "disabled") return 401;
  if (rule.access === "editor" && (caller === "reviewer" || caller === "owner")) return 403;
  if (rule.access === "admin" && (caller === "reviewer" || caller === "owner" || caller === "editor")) return 403;
  return rule.onMissing;
}

/** Editors and admins succeed with `ok`; reviewers, owner or not, get 403. */
const EDITORS_ONLY = (ok: number): Pick<OwnedCase, "own" | "others"> => ({ own: 403, others: { reviewer: 403, editor: ok, admin: ok } });

/**
 * The text of the matrix's articles. CLAIM_BODY marks "NATO" on revision 1; ORPHANING_TEXT is
 * the correction that removes the second paragraph, where orphaned claims were marked.
 */
export const MATRIX_ARTICLE_TEXT = "NATO allies rejected sending troops.\n\nThe alliance met in Brussels.";
export const ORPHANED_QUOTE = "The alliance met in Brussels.";
export const ORPHANING_TEXT = "NATO allies rejected sending troops.";
/** Puts an orphaned claim on "allies" of the corrected text (revision 2). */
const REATTACH_BODY = { exact: "allies", start: 5, end: 11, revision: 2 };

/** The first sentence of the matrix article, as its suggestion list gives it. */
const SUGGESTION_BODY = { start: 0, end: 36, exact: "NATO allies rejected sending troops.", revision: 1 };

const CLAIM_BODY = { exact: "NATO", prefix: "", suffix: "", start: 0, end: 4, revision: 1 };

export const ROUTE_PERMISSIONS: Record<string, RouteRule> = {
  // A wrong current password: 400 for every signed-in caller, and nothing changes.
  "POST /api/account/password": { access: "session", onMissing: 400, body: { currentPassword: "not my password", newPassword: "a new passphrase" } },
  "POST /api/account/sign-out-everywhere": { access: "session", onMissing: 204, skip: "ends the sessions the matrix signs in with; covered by e2e/account-security.spec.ts" },
  "GET /api/activity": { access: "session", onMissing: 200 },
  // Asks for a new copy of a source's page; answers the archive state (202) to whoever sees it.
  "POST /api/annotations/[id]/archive": {
    access: "session",
    onMissing: 404,
    body: {},
    owned: [
      { on: "draft", own: 202, others: 404 },
      { on: "submitted", own: 202, others: 202 },
    ],
  },
  // An archived copy, for whoever may see its source; the matrix has no archived copy to read.
  // Public for copies a published version cites; any other copy answers 404 to callers who may not see its source.
  "GET /api/archives/[id]": { access: "public", onMissing: 404 },
  "GET /api/assignments": { access: "session", onMissing: 200 },
  "GET /api/notifications": { access: "session", onMissing: 200 },
  "POST /api/notifications/read": { access: "session", onMissing: 200, body: { all: true } },
  // The caller's own notification stream: ready, then an event per new notification.
  "GET /api/notifications/events": { access: "session", onMissing: 200, stream: true },
  "GET /api/account/notification-settings": { access: "session", onMissing: 200 },
  "PUT /api/account/notification-settings": {
    access: "session",
    onMissing: 200,
    body: {
      kinds: { mention: true, reply: true, review: true, assignment: true, due: true, reverification: true, published: true },
      email: "immediate",
    },
  },
  "GET /api/members": { access: "session", onMissing: 200 },
  // Everyone sees figures: the desk's for editors and admins, their own for reviewers.
  "GET /api/dashboard": { access: "session", onMissing: 200 },
  // Assigning nobody to an unassigned claim: editors may; a reviewer only takes it or hands back their own.
  "PUT /api/claims/[id]/assignment": {
    access: "session",
    onMissing: 404,
    body: { assigneeId: null },
    owned: [{ on: "claim", own: 403, others: { reviewer: 403, editor: 200, admin: 200 } }],
  },
  "PUT /api/articles/[id]/assignment": {
    access: "editor",
    onMissing: 404,
    body: { assigneeId: null },
    owned: [{ on: "article", ...EDITORS_ONLY(200) }],
  },
  "POST /api/annotations/[id]/replies": {
    access: "session",
    onMissing: 404,
    body: { body: "A reply" },
    owned: [
      { on: "draft", own: 201, others: 404 },
      { on: "submitted", own: 201, others: 201 },
    ],
  },
  "POST /api/annotations/[id]/reviews": {
    access: "session",
    onMissing: 404,
    body: { decision: "approve", comment: "Checked.", version: 1 },
    // Nobody reviews their own work (403: they see it); others' drafts do not exist for them.
    owned: [
      { on: "draft", own: 403, others: 404 },
      { on: "submitted", own: 403, others: 201, fresh: true },
    ],
  },
  "GET /api/annotations/[id]": {
    access: "session",
    onMissing: 404,
    owned: [
      { on: "draft", own: 200, others: 404 },
      { on: "submitted", own: 200, others: 200 },
    ],
  },
  "PATCH /api/annotations/[id]": {
    access: "session",
    onMissing: 404,
    body: { title: "New title", version: 1 },
    owned: [
      { on: "draft", own: 200, others: 404, fresh: true },
      { on: "submitted", own: 200, others: 403, fresh: true },
    ],
  },
  "DELETE /api/annotations/[id]": {
    access: "session",
    onMissing: 404,
    owned: [
      { on: "draft", own: 204, others: 404, fresh: true },
      { on: "submitted", own: 204, others: 403, fresh: true },
    ],
  },
  "POST /api/annotations/[id]/submit": {
    access: "session",
    onMissing: 404,
    body: {},
    owned: [
      { on: "draft", own: 200, others: 404, fresh: true },
      // Already waiting for review: 409 for its author, 403 for everyone else who sees it.
      { on: "submitted", own: 409, others: 403 },
    ],
  },
  "POST /api/annotations/[id]/withdraw": {
    access: "session",
    onMissing: 404,
    body: {},
    owned: [
      { on: "draft", own: 409, others: 404 },
      { on: "submitted", own: 200, others: 403, fresh: true },
    ],
  },
  "POST /api/articles/[id]/claims": {
    access: "session",
    onMissing: 404,
    body: CLAIM_BODY,
    owned: [{ on: "article", own: 201, others: 201 }],
  },
  "GET /api/articles/[id]/events": { access: "session", onMissing: 404, stream: true, owned: [{ on: "article", own: 200, others: 200 }] },
  "GET /api/articles/[id]/suggestions": { access: "session", onMissing: 404, owned: [{ on: "article", own: 200, others: 200 }] },
  // Dismissing twice changes nothing and answers 200 again, so one article serves every caller.
  "POST /api/articles/[id]/suggestions/dismiss": {
    access: "session",
    onMissing: 404,
    body: SUGGESTION_BODY,
    owned: [{ on: "article", own: 200, others: 200 }],
  },
  "POST /api/articles/[id]/suggestions/restore": { access: "session", onMissing: 404, body: SUGGESTION_BODY },
  "GET /api/articles/[id]/revisions/[n]": { access: "session", onMissing: 404, owned: [{ on: "article", own: 200, others: 200 }] },
  "GET /api/articles/[id]/revisions": { access: "session", onMissing: 404, owned: [{ on: "article", own: 200, others: 200 }] },
  "POST /api/articles/[id]/revisions": {
    access: "editor",
    onMissing: 404,
    body: { text: "Corrected text.", baseRevision: 1 },
    owned: [{ on: "article", ...EDITORS_ONLY(201), fresh: true }],
  },
  "GET /api/articles/[id]": { access: "session", onMissing: 404, owned: [{ on: "article", own: 200, others: 200 }] },
  "GET /api/articles/[id]/versions/[n]/export": { access: "public", onMissing: 404, owned: [{ on: "version", own: 200, others: 200 }] },
  "GET /api/articles/[id]/versions/[n]/text": { access: "public", onMissing: 404, owned: [{ on: "version", own: 200, others: 200 }] },
  "GET /api/articles/[id]/versions/[n]": { access: "public", onMissing: 404, owned: [{ on: "version", own: 200, others: 200 }] },
  "GET /api/articles/[id]/versions": {
    access: "public",
    onMissing: 404,
    owned: [
      { on: "version", own: 200, others: 200 },
      // Before its first version an article is not public: the anonymous cannot learn it exists.
      { on: "article", own: 200, others: 200, anonymous: 404 },
    ],
  },
  // Fresh: once published, the article is public, which other rows' expectations depend on.
  "POST /api/articles/[id]/versions": {
    access: "editor",
    onMissing: 404,
    body: {},
    owned: [{ on: "article", ...EDITORS_ONLY(201), fresh: true }],
  },
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
    owned: [{ on: "claim", own: 201, others: 201 }],
  },
  "GET /api/claims/[id]/matches": {
    access: "session",
    onMissing: 404,
    owned: [{ on: "claim", own: 200, others: 200 }],
  },
  // Links and reused sources name a second claim, which the matrix's fixtures cannot: these
  // rows are called on missing claims only (a 404 on an existing claim would read as one that
  // hides it). Linking, unlinking and reusing any claim one can see is everyone's: covered by
  // tests/integration/desk-memory.integration.test.ts and e2e/desk-memory.spec.ts.
  "POST /api/claims/[id]/links": { access: "session", onMissing: 404, body: { claimId: "c-matrix-missing" } },
  "DELETE /api/claims/[id]/links/[otherId]": { access: "session", onMissing: 404 },
  "POST /api/claims/[id]/reuse-sources": { access: "session", onMissing: 404, body: { fromClaimId: "c-matrix-missing" } },
  "GET /api/claims/[id]/history": {
    access: "session",
    onMissing: 404,
    owned: [
      { on: "claim", own: 200, others: 200 },
      { on: "annotated-claim", own: 200, others: 200 },
    ],
  },
  "POST /api/claims/[id]/reattach": {
    access: "session",
    onMissing: 404,
    body: CLAIM_BODY,
    owned: [
      { on: "orphaned-claim", own: 200, others: 200, body: REATTACH_BODY, fresh: true },
      // Permitted, but only an orphaned claim can be re-attached.
      { on: "claim", own: 409, others: 409 },
    ],
  },
  "GET /api/claims/[id]": {
    access: "session",
    onMissing: 404,
    owned: [
      { on: "claim", own: 200, others: 200 },
      { on: "annotated-claim", own: 200, others: 200 },
    ],
  },
  "DELETE /api/claims/[id]": {
    access: "session",
    onMissing: 404,
    owned: [
      // Its creator may remove it while nobody has annotated it; an editor always.
      { on: "claim", own: 204, others: { reviewer: 403, editor: 204, admin: 204 }, fresh: true },
      { on: "annotated-claim", own: 403, others: { reviewer: 403, editor: 204, admin: 204 }, fresh: true },
    ],
  },
  "GET /api/reviews/queue": { access: "session", onMissing: 200 },
  "GET /api/openapi.json": { access: "public", onMissing: 200 },
  // Called without `q`: 400 for every signed-in caller (what to search for is required).
  "GET /api/search": { access: "session", onMissing: 400 },
  "POST /api/signup": { access: "public", onMissing: 201, skip: "creates accounts; covered by e2e/auth.spec.ts" },
  // Revoking twice answers 204 again, so one token serves every caller.
  "DELETE /api/tokens/[id]": { access: "session", onMissing: 404, owned: [{ on: "token", own: 204, others: 404 }] },
  "GET /api/tokens": { access: "session", onMissing: 200 },
  "POST /api/tokens": { access: "session", onMissing: 201, body: { name: "matrix" } },
  // The matrix's desk has far fewer than 200 examples: an administrator is told so (409).
  "POST /api/triage/refit": { access: "admin", onMissing: 409, body: {} },
  "GET /api/users": { access: "admin", onMissing: 200 },
  "POST /api/users/[id]/disable": { access: "admin", onMissing: 404, body: {} },
  "POST /api/users/[id]/enable": { access: "admin", onMissing: 404, body: {} },
  "PUT /api/users/[id]/role": { access: "admin", onMissing: 404, body: { role: "editor" } },
};

/** Server actions (`"use server"` modules) and who may call them; there are none today. */
export const SERVER_ACTIONS: Record<string, Access> = {};
