/**
 * Who may see and change an annotation, decided here and nowhere else.
 *
 * - A draft is visible to its author only. To anyone else it does not exist: a request for
 *   it answers 404, like an id that was never issued, so ids of others' drafts leak nothing.
 * - Only the author edits, deletes, submits or withdraws an annotation (403 for others who
 *   can see it).
 * - Reviewing is for everyone but the author (403 for the author), of a submitted
 *   annotation only, once per reviewer per version (D3). Replying is for everyone who can
 *   see the annotation, so a draft's thread is its author's alone.
 * - Which status allows which change is the tables below; the use cases and the abilities
 *   sent to the UI read the same tables, so a button is drawn only where the server agrees.
 */
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { AnnotationAbilities, AnnotationStatus } from "@/lib/claims/present";

/** Statuses an author may edit: a rejected annotation is final (write a new one instead). */
export const EDITABLE_STATUSES: ReadonlySet<AnnotationStatus> = new Set(["draft", "submitted", "approved", "changes_requested"]);

/** Statuses an author may submit for review. */
export const SUBMITTABLE_STATUSES: ReadonlySet<AnnotationStatus> = new Set(["draft", "changes_requested"]);

/**
 * Statuses an author may withdraw to a draft: submitted and not yet decided by a reviewer.
 * A submitted annotation whose current version already has a review (an approval short of
 * the required number) cannot be withdrawn either: that reviewer's work would vanish.
 */
export const WITHDRAWABLE_STATUSES: ReadonlySet<AnnotationStatus> = new Set(["submitted"]);

/** Statuses a reviewer may judge: waiting for review. */
export const REVIEWABLE_STATUSES: ReadonlySet<AnnotationStatus> = new Set(["submitted"]);

/**
 * The status after an edit (D3): a draft stays a draft; anything already in review, approved
 * or sent back becomes a new version that needs review again.
 */
export function statusAfterEdit(status: AnnotationStatus): AnnotationStatus {
  return status === "draft" ? "draft" : "submitted";
}

/** Scopes an annotation query to what `actor` may see: every non-draft, and their own drafts. */
export function visibleAnnotationWhere(actor: Actor): Prisma.AnnotationWhereInput {
  return { OR: [{ status: { not: "draft" } }, { authorId: actor.id }] };
}

/** The same rule as `visibleAnnotationWhere`, for annotations already in memory. */
export function isAnnotationVisibleTo(actor: Actor, annotation: { status: AnnotationStatus; authorId: string }): boolean {
  return annotation.status !== "draft" || annotation.authorId === actor.id;
}

/** The facts about an annotation that decide what someone may do with it. */
export interface AbilityFacts {
  authorId: string;
  status: AnnotationStatus;
  version: number;
  /** Its reviews, of every version. */
  reviews: ReadonlyArray<{ reviewerId: string; version: number }>;
}

/** Whether someone has reviewed the annotation's current version (then it cannot be withdrawn). */
export function hasReviewOfCurrentVersion(annotation: Pick<AbilityFacts, "version" | "reviews">): boolean {
  return annotation.reviews.some((review) => review.version === annotation.version);
}

/** Whether `reviewerId` has reviewed the annotation's current version (one review each per version). */
export function hasReviewedCurrentVersion(annotation: Pick<AbilityFacts, "version" | "reviews">, reviewerId: string): boolean {
  return annotation.reviews.some((review) => review.version === annotation.version && review.reviewerId === reviewerId);
}

/** What `actor` may do with an annotation (one they can see), for the UI. */
export function annotationAbilities(actor: Actor, annotation: AbilityFacts): AnnotationAbilities {
  const author = annotation.authorId === actor.id;
  const own = author && can(actor, "annotation.edit.own");
  return {
    edit: own && EDITABLE_STATUSES.has(annotation.status),
    delete: own,
    submit: own && SUBMITTABLE_STATUSES.has(annotation.status),
    withdraw: own && WITHDRAWABLE_STATUSES.has(annotation.status) && !hasReviewOfCurrentVersion(annotation),
    review:
      !author &&
      can(actor, "annotation.review") &&
      REVIEWABLE_STATUSES.has(annotation.status) &&
      !hasReviewedCurrentVersion(annotation, actor.id),
    reply: can(actor, "annotation.reply") && (annotation.status !== "draft" || author),
  };
}

/** The facts a use case needs before it changes an annotation. */
export interface OwnAnnotation {
  id: string;
  claimId: string;
  kind: "source" | "verification";
  articleId: string;
}

/** An annotation someone can see, with its author: what reviewing and replying start from. */
export interface VisibleAnnotation extends OwnAnnotation {
  authorId: string;
}

/**
 * Finds an annotation `actor` may see (`not_found` when absent or someone else's draft).
 * Read before the transaction, for the claim to lock; use cases read it again under the lock.
 */
export async function findVisibleAnnotation(actor: Actor, annotationId: string): Promise<VisibleAnnotation> {
  const annotation = await db.annotation.findFirst({
    where: { id: annotationId, ...visibleAnnotationWhere(actor) },
    select: { id: true, claimId: true, kind: true, authorId: true, claim: { select: { articleId: true } } },
  });
  if (!annotation) throw await annotationNotFound(annotationId);
  return {
    id: annotation.id,
    claimId: annotation.claimId,
    kind: annotation.kind,
    authorId: annotation.authorId,
    articleId: annotation.claim.articleId,
  };
}

/**
 * Finds an annotation that `actor` may change: `not_found` when it is absent or someone
 * else's draft, `forbidden` when it is someone else's.
 */
export async function findOwnAnnotation(actor: Actor, annotationId: string): Promise<OwnAnnotation> {
  const annotation = await db.annotation.findFirst({
    where: { id: annotationId, ...visibleAnnotationWhere(actor) },
    select: { id: true, claimId: true, kind: true, authorId: true, claim: { select: { articleId: true } } },
  });
  if (!annotation) throw await annotationNotFound(annotationId);
  if (annotation.authorId !== actor.id) throw new AppError("forbidden", "Only its author can change an annotation.");
  return { id: annotation.id, claimId: annotation.claimId, kind: annotation.kind, articleId: annotation.claim.articleId };
}

/**
 * The 404 for an annotation the scoped query did not find. It is `concealed` when the
 * annotation exists (someone else's draft), which only the audit log learns; the caller gets
 * the same answer either way, after the same one extra lookup.
 */
export async function annotationNotFound(annotationId: string): Promise<AppError> {
  const exists = (await db.annotation.count({ where: { id: annotationId } })) > 0;
  return new AppError("not_found", "No such annotation.", { concealed: exists });
}

/** The error of a change made from an old version: 409 with the version to reload. */
export function staleVersion(currentVersion: number): AppError {
  return new AppError(
    "stale_version",
    `This annotation changed since you opened it (now version ${currentVersion}). Reload it and try again.`,
    { details: { currentVersion } },
  );
}
