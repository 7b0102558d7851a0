/** Takes a submitted annotation back out of review. */
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import type { AnnotationDTO, AnnotationStatus } from "@/lib/claims/present";
import { lockClaim } from "@/lib/claims/lock-claim";
import { AnnotationTransitionInput } from "@/lib/annotations/schemas";
import { WITHDRAWABLE_STATUSES, findOwnAnnotation, staleVersion } from "@/lib/annotations/access";
import { annotationColumns } from "@/lib/annotations/present-annotation";
import { transitionOwnAnnotation } from "@/lib/annotations/transition-own-annotation";

export interface WithdrawAnnotationOptions {
  actor: Actor | null;
  annotationId: string;
  /** `{version?}`: when given, the withdrawal is refused unless it is still the current version. */
  input?: unknown;
}

const REFUSALS: Partial<Record<AnnotationStatus, string>> = {
  draft: "This annotation is a draft already.",
  approved: "An approved annotation cannot be withdrawn. Edit it to send a new version for review, or delete it.",
  changes_requested: "A reviewer has already answered this annotation. Edit and submit it again, or delete it.",
  rejected: "A reviewer has already rejected this annotation. Delete it or add a new one.",
};

/**
 * Withdraws the author's submitted annotation while nobody has reviewed its current version:
 * it becomes a draft again.
 */
export async function withdrawAnnotation({ actor, annotationId, input = {} }: WithdrawAnnotationOptions): Promise<AnnotationDTO> {
  assertCan(actor, "annotation.edit.own");
  const own = await findOwnAnnotation(actor, annotationId);
  const { version } = parseInput(AnnotationTransitionInput, input);
  return db.$transaction(async (tx) => {
    const claim = await lockClaim(tx, own.claimId);
    const before = await tx.annotation.findUnique({ where: { id: annotationId }, select: annotationColumns });
    if (!before || before.authorId !== actor.id) throw new AppError("not_found", "No such annotation.");
    if (version !== undefined && before.version !== version) throw staleVersion(before.version);
    if (!WITHDRAWABLE_STATUSES.has(before.status)) {
      throw new AppError("conflict", REFUSALS[before.status] ?? "This annotation cannot be withdrawn.");
    }
    // An approval short of the required number leaves it submitted, but a reviewer has judged
    // this version: withdrawing would throw their work away. (Reviews lock the claim too, so
    // none can land between this check and the update.)
    const reviews = await tx.review.count({ where: { annotationId, version: before.version } });
    if (reviews > 0) {
      throw new AppError(
        "conflict",
        "A reviewer has already reviewed this version, so it cannot be withdrawn. Edit it to send a new version, or delete it.",
      );
    }
    // A reviewer's decision that landed first wins: the transition answers conflict.
    return transitionOwnAnnotation(tx, {
      actor,
      action: "annotation.withdrawn",
      claim,
      before,
      data: { status: "draft", submittedAt: null },
    });
  });
}
