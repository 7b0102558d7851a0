/**
 * The in-memory model of the review workflow that review-workflow.model.integration.test.ts
 * runs the real use cases against. Pure code, no database.
 *
 * The rules are written out again here from docs/decisions (D3, D4, D5) and the documented rules of
 * lib/annotations/access.ts and the use cases (which refusal, in which order), deliberately
 * without importing the product's tables or `deriveClaimStatus`: the test compares the product
 * with a second, independent reading of the spec, not with itself.
 */
import type { AppErrorCode } from "@/lib/errors";
import type { AnnotationStatus, ClaimStatus, ReviewDecision, Verdict } from "@/lib/claims/present";

export type Kind = "source" | "verification";

export interface ModelUser {
  name: string;
  role: "reviewer" | "editor";
}

export interface ModelClaim {
  /** Order of creation in the run, for messages. */
  key: number;
  id: string;
  /** Index into `Model.users`. */
  creator: number;
  deleted: boolean;
}

export interface ModelReview {
  reviewer: number;
  version: number;
  decision: ReviewDecision;
}

export interface ModelAnnotation {
  key: number;
  id: string;
  claim: ModelClaim;
  author: number;
  kind: Kind;
  status: AnnotationStatus;
  version: number;
  /** A verification's verdict; null for a source. */
  verdict: Verdict | null;
  /** Reviews of every version. */
  reviews: ModelReview[];
  replies: number;
  /** Deleted by its author, or with its claim. */
  deleted: boolean;
}

export interface Model {
  readonly users: readonly ModelUser[];
  /** FACTDESK_REQUIRED_APPROVALS for this run. */
  readonly required: number;
  claims: ModelClaim[];
  annotations: ModelAnnotation[];
  /** Versions of the article published so far. */
  versions: number;
}

/** What a command should come to: success, or a refusal with this code. */
export type Outcome = { ok: true } | { ok: false; code: AppErrorCode };

const OK: Outcome = { ok: true };
const refuse = (code: AppErrorCode): Outcome => ({ ok: false, code });

export function newModel(users: readonly ModelUser[], required: number): Model {
  return { users, required, claims: [], annotations: [], versions: 0 };
}

export function isEditor(model: Model, user: number): boolean {
  return model.users[user]?.role === "editor";
}

/** The annotations of a claim that still exist. */
export function liveAnnotationsOf(model: Model, claim: ModelClaim): ModelAnnotation[] {
  return model.annotations.filter((annotation) => annotation.claim === claim && !annotation.deleted);
}

/** A draft exists for its author only; a deleted annotation for nobody. */
export function isVisible(annotation: ModelAnnotation, user: number): boolean {
  return !annotation.deleted && (annotation.status !== "draft" || annotation.author === user);
}

/** Author-only changes: someone else's draft is 404, someone else's visible annotation 403. */
function ownership(annotation: ModelAnnotation, user: number): Outcome | null {
  if (!isVisible(annotation, user)) return refuse("not_found");
  if (annotation.author !== user) return refuse("forbidden");
  return null;
}

/** A version named by the caller must be the current one (409 stale_version). */
function staleness(annotation: ModelAnnotation, version: number | undefined): Outcome | null {
  return version !== undefined && version !== annotation.version ? refuse("stale_version") : null;
}

// ---------------------------------------------------------------------------------------------
// What each command should come to.

export function createClaimOutcome(): Outcome {
  return OK;
}

/** Its creator while nobody has annotated it (drafts of others included); an editor always. */
export function deleteClaimOutcome(model: Model, claim: ModelClaim, user: number): Outcome {
  if (claim.deleted) return refuse("not_found");
  if (isEditor(model, user)) return OK;
  if (claim.creator !== user) return refuse("forbidden");
  if (liveAnnotationsOf(model, claim).length > 0) return refuse("forbidden");
  return OK;
}

export function createAnnotationOutcome(claim: ModelClaim): Outcome {
  return claim.deleted ? refuse("not_found") : OK;
}

/** Edit: author only, from the current version; a rejected annotation is final (409 conflict). */
export function editOutcome(annotation: ModelAnnotation, user: number, version: number): Outcome {
  return (
    ownership(annotation, user) ??
    staleness(annotation, version) ??
    (annotation.status === "rejected" ? refuse("conflict") : OK)
  );
}

/** Submit: author only, a draft or one sent back for changes. */
export function submitOutcome(annotation: ModelAnnotation, user: number, version: number | undefined): Outcome {
  return (
    ownership(annotation, user) ??
    staleness(annotation, version) ??
    (annotation.status === "draft" || annotation.status === "changes_requested" ? OK : refuse("conflict"))
  );
}

/** Withdraw: author only, submitted and nobody has reviewed the current version yet. */
export function withdrawOutcome(annotation: ModelAnnotation, user: number, version: number | undefined): Outcome {
  return (
    ownership(annotation, user) ??
    staleness(annotation, version) ??
    (annotation.status === "submitted" && !annotation.reviews.some((review) => review.version === annotation.version)
      ? OK
      : refuse("conflict"))
  );
}

/**
 * Review (D3): not one's own (403), of the current version (409 stale), of a submitted
 * annotation, once per reviewer per version (409 conflict).
 */
export function reviewOutcome(annotation: ModelAnnotation, user: number, version: number): Outcome {
  if (!isVisible(annotation, user)) return refuse("not_found");
  if (annotation.author === user) return refuse("forbidden");
  if (version !== annotation.version) return refuse("stale_version");
  if (annotation.status !== "submitted") return refuse("conflict");
  if (annotation.reviews.some((review) => review.reviewer === user && review.version === annotation.version)) {
    return refuse("conflict");
  }
  return OK;
}

/** Reply: anyone who can see the annotation. */
export function replyOutcome(annotation: ModelAnnotation, user: number): Outcome {
  return isVisible(annotation, user) ? OK : refuse("not_found");
}

/** Delete an annotation: its author, in any status. */
export function deleteAnnotationOutcome(annotation: ModelAnnotation, user: number): Outcome {
  return ownership(annotation, user) ?? OK;
}

/** Publish a verified version: editors only. */
export function publishOutcome(model: Model, user: number): Outcome {
  return isEditor(model, user) ? OK : refuse("forbidden");
}

// ---------------------------------------------------------------------------------------------
// How the model moves on a success.

export function applyCreateClaim(model: Model, id: string, creator: number): ModelClaim {
  const claim: ModelClaim = { key: model.claims.length, id, creator, deleted: false };
  model.claims.push(claim);
  return claim;
}

/** The claim goes, and its annotations (with their reviews and replies) with it. */
export function applyDeleteClaim(model: Model, claim: ModelClaim): void {
  claim.deleted = true;
  for (const annotation of liveAnnotationsOf(model, claim)) annotation.deleted = true;
}

export function applyCreateAnnotation(
  model: Model,
  fields: { id: string; claim: ModelClaim; author: number; kind: Kind; verdict: Verdict | null },
): ModelAnnotation {
  const annotation: ModelAnnotation = {
    key: model.annotations.length,
    ...fields,
    status: "draft",
    version: 1,
    reviews: [],
    replies: 0,
    deleted: false,
  };
  model.annotations.push(annotation);
  return annotation;
}

/** Every edit is a new version (D3); anything past draft goes (back) to review. */
export function applyEdit(annotation: ModelAnnotation, verdict: Verdict | null): void {
  annotation.version += 1;
  annotation.status = annotation.status === "draft" ? "draft" : "submitted";
  if (annotation.kind === "verification" && verdict !== null) annotation.verdict = verdict;
}

/** Sent back and submitted again: a new round, so a new version whose approvals start from zero. */
export function applySubmit(annotation: ModelAnnotation): void {
  if (annotation.status === "changes_requested") annotation.version += 1;
  annotation.status = "submitted";
}

export function applyWithdraw(annotation: ModelAnnotation): void {
  annotation.status = "draft";
}

/** Approved once the current version has the required approvals; otherwise it waits for more. */
export function applyReview(model: Model, annotation: ModelAnnotation, reviewer: number, decision: ReviewDecision): void {
  annotation.reviews.push({ reviewer, version: annotation.version, decision });
  if (decision === "request_changes") annotation.status = "changes_requested";
  else if (decision === "reject") annotation.status = "rejected";
  else {
    const approvals = annotation.reviews.filter(
      (review) => review.version === annotation.version && review.decision === "approve",
    ).length;
    if (approvals >= model.required) annotation.status = "approved";
  }
}

export function applyReply(annotation: ModelAnnotation): void {
  annotation.replies += 1;
}

export function applyDeleteAnnotation(annotation: ModelAnnotation): void {
  annotation.deleted = true;
}

// ---------------------------------------------------------------------------------------------
// Derived state.

const IN_REVIEW: ReadonlySet<AnnotationStatus> = new Set(["submitted", "changes_requested", "approved"]);

/**
 * A claim's status from its annotations (docs/architecture.md, "The flow", step 5; D4): disputed when approved
 * verifications disagree; verified when they agree and a source is approved; in review while a
 * verification is submitted, sent back, or approved without an approved source; else unchecked.
 */
export function claimStatus(model: Model, claim: ModelClaim): ClaimStatus {
  const annotations = liveAnnotationsOf(model, claim);
  const approved = annotations.filter((annotation) => annotation.status === "approved");
  const verdicts = new Set(approved.filter((annotation) => annotation.kind === "verification").map((annotation) => annotation.verdict));
  if (verdicts.size > 1) return "disputed";
  if (verdicts.size === 1 && approved.some((annotation) => annotation.kind === "source")) return "verified";
  const underWay = annotations.some((annotation) => annotation.kind === "verification" && IN_REVIEW.has(annotation.status));
  return underWay ? "in_review" : "unchecked";
}

/** A claim of a published version as the model expects it (D5: approved work only). */
export interface ExpectedPublishedClaim {
  id: string;
  status: "verified" | "disputed" | "unverified";
  /** Approved verifications, only when the claim is verified or disputed. */
  verifications: { id: string; version: number; verdict: Verdict | null }[];
  /** Approved sources. */
  sources: { id: string; version: number }[];
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** What a version published now should hold, claims and annotations sorted by id. */
export function expectedPublishedClaims(model: Model): ExpectedPublishedClaim[] {
  return model.claims
    .filter((claim) => !claim.deleted)
    .map((claim) => {
      const derived = claimStatus(model, claim);
      const status: ExpectedPublishedClaim["status"] = derived === "verified" || derived === "disputed" ? derived : "unverified";
      const approved = liveAnnotationsOf(model, claim).filter((annotation) => annotation.status === "approved");
      return {
        id: claim.id,
        status,
        verifications:
          status === "unverified"
            ? []
            : approved
                .filter((annotation) => annotation.kind === "verification")
                .map(({ id, version, verdict }) => ({ id, version, verdict }))
                .sort(byId),
        sources: approved
          .filter((annotation) => annotation.kind === "source")
          .map(({ id, version }) => ({ id, version }))
          .sort(byId),
      };
    })
    .sort(byId);
}

export function sortById<T extends { id: string }>(items: readonly T[]): T[] {
  return [...items].sort(byId);
}

/** A one-line picture of an annotation, for failure messages. */
export function describeAnnotation(model: Model, annotation: ModelAnnotation): string {
  const author = model.users[annotation.author]?.name ?? `user ${annotation.author}`;
  const gone = annotation.deleted ? ", deleted" : "";
  return `#${annotation.key} ${annotation.kind} by ${author} on claim #${annotation.claim.key} [${annotation.status} v${annotation.version}${gone}]`;
}
