/** Deletes an annotation, by its author. */
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { lockClaim } from "@/lib/claims/lock-claim";
import { findOwnAnnotation } from "@/lib/annotations/access";
import { annotationColumns, annotationSnapshot } from "@/lib/annotations/present-annotation";
import { finishAnnotationChange } from "@/lib/annotations/finish-change";
import { countsTowardsClaimStatus } from "@/lib/claims/derive-claim-status";

export interface DeleteAnnotationOptions {
  actor: Actor | null;
  annotationId: string;
}

/** Deletes the author's own annotation, in any status; the claim's status follows. */
export async function deleteAnnotation({ actor, annotationId }: DeleteAnnotationOptions): Promise<void> {
  assertCan(actor, "annotation.edit.own");
  const own = await findOwnAnnotation(actor, annotationId);
  await db.$transaction(async (tx) => {
    const claim = await lockClaim(tx, own.claimId);
    const before = await tx.annotation.findUnique({ where: { id: annotationId }, select: annotationColumns });
    if (!before || before.authorId !== actor.id) throw new AppError("not_found", "No such annotation.");
    await tx.annotation.delete({ where: { id: annotationId } });
    await finishAnnotationChange(tx, {
      actor,
      action: "annotation.deleted",
      annotationId,
      claim,
      countsTowardsStatus: countsTowardsClaimStatus(before),
      before: annotationSnapshot(before),
      after: null,
    });
  });
}
