/** Sends an annotation to review. */
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import type { AnnotationDTO } from "@/lib/claims/present";
import { lockClaim } from "@/lib/claims/lock-claim";
import { AnnotationTransitionInput } from "@/lib/annotations/schemas";
import { SUBMITTABLE_STATUSES, findOwnAnnotation, staleVersion } from "@/lib/annotations/access";
import { annotationColumns } from "@/lib/annotations/present-annotation";
import { transitionOwnAnnotation } from "@/lib/annotations/transition-own-annotation";
import { notifyRationaleMentions } from "@/lib/annotations/rationale-mentions";

export interface SubmitAnnotationOptions {
  actor: Actor | null;
  annotationId: string;
  /** `{version?}`: when given, the submit is refused unless it is still the current version. */
  input?: unknown;
}

/**
 * Submits the author's draft (or an annotation sent back for changes, as a new version): it
 * becomes visible to everyone and awaits review. The people its rationale mentions are told
 * now, in the same transaction, unless they were told before (lib/annotations/rationale-mentions.ts).
 */
export async function submitAnnotation({ actor, annotationId, input = {} }: SubmitAnnotationOptions): Promise<AnnotationDTO> {
  assertCan(actor, "annotation.edit.own");
  const own = await findOwnAnnotation(actor, annotationId);
  const { version } = parseInput(AnnotationTransitionInput, input);
  return db.$transaction(async (tx) => {
    const claim = await lockClaim(tx, own.claimId);
    const before = await tx.annotation.findUnique({ where: { id: annotationId }, select: annotationColumns });
    if (!before || before.authorId !== actor.id) throw new AppError("not_found", "No such annotation.");
    if (version !== undefined && before.version !== version) throw staleVersion(before.version);
    if (!SUBMITTABLE_STATUSES.has(before.status)) {
      throw new AppError(
        "conflict",
        before.status === "submitted"
          ? "This annotation is already waiting for review."
          : `A ${before.status} annotation cannot be submitted; edit it to send a new version for review.`,
      );
    }
    // Sent back and submitted again unchanged: a new round of review, so a new version (D3).
    // The reviewers who asked for changes can judge it again (one review per reviewer per
    // version), and the approvals of the round that ended no longer count.
    const newRound = before.status === "changes_requested";
    const submitted = await transitionOwnAnnotation(tx, {
      actor,
      action: "annotation.submitted",
      claim,
      before,
      data: { status: "submitted", submittedAt: new Date(), ...(newRound ? { version: { increment: 1 } } : {}) },
    });
    if (before.kind === "verification") await notifyRationaleMentions(tx, { actor, annotationId, claim });
    return submitted;
  });
}
