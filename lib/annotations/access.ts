/**
 * Who may see and change an annotation, decided here and nowhere else.
 *
 * - A draft is visible to its author only. To anyone else it does not exist: a request for
 *   it answers 404, like an id that was never issued, so ids of others' drafts leak nothing.
 * - Only the author edits, deletes, submits or withdraws an annotation (403 for others who
 *   can see it). Reviewing others' annotations is a separate action with its own rules.
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

/** Statuses an author may withdraw to a draft: submitted and not yet decided by a reviewer. */
export const WITHDRAWABLE_STATUSES: ReadonlySet<AnnotationStatus> = new Set(["submitted"]);

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

/** What `actor` may do with an annotation, for the UI. */
export function annotationAbilities(
  actor: Actor,
  annotation: { authorId: string; status: AnnotationStatus },
): AnnotationAbilities {
  const own = annotation.authorId === actor.id && can(actor, "annotation.edit.own");
  return {
    edit: own && EDITABLE_STATUSES.has(annotation.status),
    delete: own,
    submit: own && SUBMITTABLE_STATUSES.has(annotation.status),
    withdraw: own && WITHDRAWABLE_STATUSES.has(annotation.status),
  };
}

/** The facts a use case needs before it changes an annotation. */
export interface OwnAnnotation {
  id: string;
  claimId: string;
  kind: "source" | "verification";
  articleId: string;
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
  if (!annotation) throw new AppError("not_found", "No such annotation.");
  if (annotation.authorId !== actor.id) throw new AppError("forbidden", "Only its author can change an annotation.");
  return { id: annotation.id, claimId: annotation.claimId, kind: annotation.kind, articleId: annotation.claim.articleId };
}

/** The error of a change made from an old version: 409 with the version to reload. */
export function staleVersion(currentVersion: number): AppError {
  return new AppError(
    "stale_version",
    `This annotation changed since you opened it (now version ${currentVersion}). Reload it and try again.`,
    { details: { currentVersion } },
  );
}
