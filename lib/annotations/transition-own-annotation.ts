/** The common end of the author's own status changes (submit, withdraw), inside their transaction. */
import type { Prisma, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import type { AnnotationDTO } from "@/lib/claims/present";
import {
  annotationSelect,
  annotationSnapshot,
  presentAnnotation,
  type AnnotationColumnsRow,
} from "@/lib/annotations/present-annotation";
import { finishAnnotationChange, type AnnotationAction } from "@/lib/annotations/finish-change";
import type { LockedClaim } from "@/lib/claims/lock-claim";
import { countsTowardsClaimStatus } from "@/lib/claims/derive-claim-status";

/**
 * Applies `data` with a compare-and-set on the status and version read as `before` (a review
 * or edit that slipped in is never overwritten: it answers conflict), then records the change
 * and returns the annotation as its author now sees it.
 */
export async function transitionOwnAnnotation(
  tx: Tx,
  options: {
    actor: Actor;
    action: AnnotationAction;
    /** The annotation's claim, locked by the caller (`lockClaim`). */
    claim: LockedClaim;
    before: AnnotationColumnsRow;
    data: Prisma.AnnotationUpdateManyMutationInput;
  },
): Promise<AnnotationDTO> {
  const { actor, action, claim, before, data } = options;
  const { count } = await tx.annotation.updateMany({
    where: { id: before.id, authorId: actor.id, status: before.status, version: before.version },
    data,
  });
  if (count !== 1) throw new AppError("conflict", "This annotation changed meanwhile. Reload it and try again.");
  const after = await tx.annotation.findUniqueOrThrow({ where: { id: before.id }, select: annotationSelect });
  await finishAnnotationChange(tx, {
    actor,
    action,
    annotationId: before.id,
    claim,
    countsTowardsStatus: countsTowardsClaimStatus(before) || countsTowardsClaimStatus(after),
    before: annotationSnapshot(before),
    after: annotationSnapshot(after),
  });
  return presentAnnotation(after, actor);
}
