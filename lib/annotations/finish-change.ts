/**
 * The tail of every annotation change, inside its transaction: the claim's derived status
 * (D4), one audit event (D7) and one live notification (D9).
 */
import type { Prisma, Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { publishChange } from "@/lib/live/publish";
import { refreshClaimStatus } from "@/lib/claims/refresh-claim-status";

/** The audit actions of annotation changes, which are also their live change types. */
export type AnnotationAction =
  | "annotation.created"
  | "annotation.updated"
  | "annotation.deleted"
  | "annotation.submitted"
  | "annotation.withdrawn"
  | "annotation.reviewed"
  | "annotation.replied";

export interface AnnotationChange {
  actor: Actor;
  action: AnnotationAction;
  annotationId: string;
  claimId: string;
  articleId: string;
  before: Prisma.InputJsonObject | null;
  after: Prisma.InputJsonObject | null;
}

/**
 * Refreshes the claim's status, then records and announces the change. The claim must be
 * locked (`lockClaim`) by the caller's transaction.
 */
export async function finishAnnotationChange(tx: Tx, change: AnnotationChange): Promise<void> {
  const claimStatus = await refreshClaimStatus(tx, change.claimId);
  const statusChange = claimStatus.before !== claimStatus.after ? { claimStatus: { ...claimStatus } } : {};
  const after = change.after ? { ...change.after, ...statusChange } : "claimStatus" in statusChange ? statusChange : null;
  await recordEvent(tx, {
    actor: change.actor,
    action: change.action,
    targetType: "annotation",
    targetId: change.annotationId,
    claimId: change.claimId,
    before: change.before,
    after,
  });
  await publishChange(tx, { articleId: change.articleId, type: change.action, id: change.annotationId });
}
