/** Removes a claim, and with it its annotations. */
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan, can } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { publishChange } from "@/lib/live/publish";
import { lockClaimForDelete } from "@/lib/claims/lock-claim";

export interface DeleteClaimOptions {
  actor: Actor | null;
  claimId: string;
}

/**
 * Deletes a claim: its creator may while it has no annotations (nobody's work is lost),
 * an editor or admin always (the annotations go with it, and the audit event lists them).
 */
export async function deleteClaim({ actor, claimId }: DeleteClaimOptions): Promise<void> {
  assertCan(actor, "claim.delete.own");
  await db.$transaction(async (tx) => {
    // Locked first: an annotation added between the count and the delete would be lost.
    const { articleId } = await lockClaimForDelete(tx, claimId);
    const claim = await tx.claim.findUniqueOrThrow({
      where: { id: claimId },
      select: {
        exact: true,
        prefix: true,
        suffix: true,
        start: true,
        end: true,
        claimant: true,
        status: true,
        revisionId: true,
        createdById: true,
        annotations: { select: { id: true }, orderBy: { createdAt: "asc" } },
      },
    });
    if (!can(actor, "claim.delete.any")) {
      if (claim.createdById !== actor.id) {
        throw new AppError("forbidden", "Only an editor can remove a claim someone else marked.");
      }
      if (claim.annotations.length > 0) {
        throw new AppError("forbidden", "This claim has annotations; only an editor can remove it now.");
      }
    }
    await tx.claim.delete({ where: { id: claimId } });
    const { annotations, ...rest } = claim;
    await recordEvent(tx, {
      actor,
      action: "claim.deleted",
      targetType: "claim",
      targetId: claimId,
      before: { articleId, ...rest, annotationIds: annotations.map((annotation) => annotation.id) },
    });
    await publishChange(tx, { articleId, type: "claim.deleted", id: claimId, claimId });
  });
}
