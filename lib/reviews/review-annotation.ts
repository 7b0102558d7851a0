/** A reviewer's decision on one version of someone else's submitted annotation (D3). */
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import type { AnnotationStatus, ReviewDTO } from "@/lib/claims/present";
import { requiredApprovals } from "@/lib/settings";
import { lockClaim } from "@/lib/claims/lock-claim";
import { lockAnnotation } from "@/lib/annotations/lock-annotation";
import {
  REVIEWABLE_STATUSES,
  findVisibleAnnotation,
  hasReviewedCurrentVersion,
  staleVersion,
  visibleAnnotationWhere,
} from "@/lib/annotations/access";
import { annotationColumns } from "@/lib/annotations/present-annotation";
import { finishAnnotationChange } from "@/lib/annotations/finish-change";
import { isUniqueViolation } from "@/lib/users/unique-violation";
import { ReviewAnnotationInput } from "@/lib/reviews/schemas";
import { presentReview, reviewSelect } from "@/lib/reviews/present-thread";
import { excerpt, notify } from "@/lib/notifications/notify";

export interface ReviewAnnotationOptions {
  actor: Actor | null;
  annotationId: string;
  /** `{decision: "approve" | "request_changes" | "reject", comment, version}`. */
  input: unknown;
}

const REFUSALS: Partial<Record<AnnotationStatus, string>> = {
  draft: "This annotation is a draft; it can be reviewed once its author submits it.",
  approved: "This annotation is already approved. It needs review again only when its author edits it.",
  changes_requested: "A reviewer has already asked for changes; it can be reviewed again when its author sends a new version.",
  rejected: "This annotation has been rejected; a rejection is final.",
};

/**
 * Records `actor`'s review of the annotation's current version and moves it on:
 * request_changes → `changes_requested`, reject → `rejected`, approve → `approved` once the
 * current version has the required number of approvals (lib/settings.ts), else it stays
 * `submitted`. The claim's status follows in the same transaction (D4).
 *
 * Refusals, in this order: 404 when the annotation is absent or someone else's draft; 403 for
 * its author; 400 for bad input; 409 `stale_version` (with `currentVersion`) when `version`
 * is not the current one; 409 `conflict` when it is not waiting for review or `actor` has
 * already reviewed this version.
 */
export async function reviewAnnotation({ actor, annotationId, input }: ReviewAnnotationOptions): Promise<ReviewDTO> {
  assertCan(actor, "annotation.review");
  const target = await findVisibleAnnotation(actor, annotationId);
  if (target.authorId === actor.id) throw new AppError("forbidden", "You cannot review your own annotation.");
  const { decision, comment, version } = parseInput(ReviewAnnotationInput, input);
  const required = requiredApprovals();
  return db.$transaction(async (tx) => {
    const claim = await lockClaim(tx, target.claimId);
    await lockAnnotation(tx, annotationId);
    // Read again under the locks: the author may have edited, withdrawn or deleted it since.
    const before = await tx.annotation.findFirst({
      where: { id: annotationId, ...visibleAnnotationWhere(actor) },
      select: { ...annotationColumns, reviews: { select: { reviewerId: true, version: true, decision: true } } },
    });
    if (!before) throw new AppError("not_found", "No such annotation.");
    if (before.version !== version) throw staleVersion(before.version);
    if (!REVIEWABLE_STATUSES.has(before.status)) throw new AppError("conflict", REFUSALS[before.status] ?? "This annotation is not waiting for review.");
    if (hasReviewedCurrentVersion(before, actor.id)) {
      throw new AppError("conflict", `You have already reviewed version ${before.version} of this annotation.`);
    }

    const review = await tx.review
      .create({
        data: { annotationId, reviewerId: actor.id, decision, comment, version },
        select: reviewSelect,
      })
      .catch((error: unknown) => {
        // The unique (annotation, reviewer, version) backs the check above.
        if (isUniqueViolation(error)) throw new AppError("conflict", `You have already reviewed version ${version} of this annotation.`);
        throw error;
      });

    const approvals =
      before.reviews.filter((earlier) => earlier.version === version && earlier.decision === "approve").length +
      (decision === "approve" ? 1 : 0);
    const status = statusAfterReview(decision, approvals, required);
    if (status !== before.status) {
      // Compare-and-set on status and version, like every other transition.
      const { count } = await tx.annotation.updateMany({
        where: { id: annotationId, status: before.status, version },
        data: { status },
      });
      if (count !== 1) throw new AppError("conflict", "This annotation changed meanwhile. Reload it and try again.");
    }

    await finishAnnotationChange(tx, {
      actor,
      action: "annotation.reviewed",
      annotationId,
      claim,
      // Only a submitted annotation is reviewed, and that counts.
      countsTowardsStatus: true,
      before: { claimId: target.claimId, kind: before.kind, status: before.status, version },
      after: { claimId: target.claimId, kind: before.kind, status, version, reviewId: review.id, decision, comment, approvals },
    });
    const what = before.kind === "verification" ? "verdict" : "source";
    await notify(tx, {
      actor,
      kind: "review",
      recipients: [target.authorId],
      target: { type: "annotation", id: annotationId, articleId: claim.articleId, claimId: target.claimId },
      summary: `${DECIDED[decision]} your ${what}: “${excerpt(comment)}”`,
      // Only submitted work is reviewed: everyone may see it.
      audience: null,
    });
    return presentReview(review, version);
  });
}

/** The annotation's status after a review of its current version. */
const DECIDED: Record<ReviewAnnotationInput["decision"], string> = {
  approve: "approved",
  request_changes: "requested changes on",
  reject: "rejected",
};

function statusAfterReview(decision: ReviewAnnotationInput["decision"], approvals: number, required: number): AnnotationStatus {
  switch (decision) {
    case "approve":
      return approvals >= required ? "approved" : "submitted";
    case "request_changes":
      return "changes_requested";
    case "reject":
      return "rejected";
  }
}
