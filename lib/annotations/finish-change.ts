/**
 * The tail of every annotation change, inside its transaction: the claim's derived status
 * (D4), one audit event (D7) and one live notification (D9).
 */
import type { Prisma, Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { LockedClaim } from "@/lib/claims/lock-claim";
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
  /** The annotation's claim, as `lockClaim` returned it in this transaction. */
  claim: LockedClaim;
  /**
   * Whether the change touched an annotation that counts towards the claim's status
   * (`countsTowardsClaimStatus`, lib/claims/derive-claim-status.ts), before or after it.
   * When it did not (a new or edited draft, a reply), the status is left as stored: see
   * `finishAnnotationChange`.
   */
  countsTowardsStatus: boolean;
  before: Prisma.InputJsonObject | null;
  after: Prisma.InputJsonObject | null;
}

/**
 * Refreshes the claim's status, then records and announces the change. The claim must be
 * locked (`lockClaim`) by the caller's transaction.
 *
 * The refresh is skipped for changes that do not count towards the status. That is exact,
 * not an approximation: the stored status is always what a refresh would store for the
 * current annotations, because every writer keeps it so (each annotation change that counts
 * refreshes it under the claim lock; re-anchoring, re-attaching and marking a claim store a
 * status a refresh keeps: `orphaned`, `needs_reverification` with every approval revoked, or
 * the derived status itself). `deriveClaimStatus` ignores annotations that do not count, so
 * such a change leaves what a refresh would compute, and so the stored status, unchanged.
 * The model-based test (tests/integration/review-workflow.model.integration.test.ts) checks
 * every claim's status after every step.
 */
export async function finishAnnotationChange(tx: Tx, change: AnnotationChange): Promise<void> {
  const claimStatus = change.countsTowardsStatus
    ? await refreshClaimStatus(tx, change.claim)
    : { before: change.claim.status, after: change.claim.status };
  const statusChange = claimStatus.before !== claimStatus.after ? { claimStatus: { ...claimStatus } } : {};
  const after = change.after ? { ...change.after, ...statusChange } : "claimStatus" in statusChange ? statusChange : null;
  await recordEvent(tx, {
    actor: change.actor,
    action: change.action,
    targetType: "annotation",
    targetId: change.annotationId,
    claimId: change.claim.id,
    before: change.before,
    after,
  });
  await publishChange(tx, { articleId: change.claim.articleId, type: change.action, id: change.annotationId, claimId: change.claim.id });
}
