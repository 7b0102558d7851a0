/**
 * When the text under a claim changes (a fuzzy re-anchoring on a new revision, or a re-attached
 * orphan), the reviews that approved its annotations judged other words: they must stop
 * counting (D3) until someone reviews the work again against the text as it is now.
 *
 * Reviews name the annotation version they judged, and only reviews of the current version
 * count; so each annotation with an approval of its current version gets a new version and
 * goes back to `submitted`, into the review queue. Its content does not change, and the old
 * reviews stay in its history.
 */
import type { Tx } from "@/lib/db";
import type { AnyActor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { excerpt, notify } from "@/lib/notifications/notify";

export interface RevokeApprovalsOptions {
  actor: AnyActor;
  /** A claim locked by the caller's transaction (lockClaim, or the revision's claim lock). */
  claimId: string;
  /** Why, for the audit trail: e.g. "revision 3 changed the claim's text". */
  reason: string;
  /** The revision the claim is on after the change. */
  revision: number;
}

/** Sends the claim's approved work back to review; returns how many annotations it reopened. */
export async function revokeApprovals(tx: Tx, { actor, claimId, reason, revision }: RevokeApprovalsOptions): Promise<number> {
  const annotations = await tx.annotation.findMany({
    where: { claimId, status: { in: ["approved", "submitted"] } },
    select: {
      id: true,
      kind: true,
      status: true,
      version: true,
      authorId: true,
      reviews: { where: { decision: "approve" }, select: { version: true, reviewerId: true } },
    },
    orderBy: { id: "asc" },
  });
  const approved = annotations.filter(
    (annotation) => annotation.status === "approved" || annotation.reviews.some((review) => review.version === annotation.version),
  );
  for (const annotation of approved) {
    // Compare-and-set on the version, like every annotation transition.
    await tx.annotation.updateMany({
      where: { id: annotation.id, version: annotation.version },
      data: { version: { increment: 1 }, status: "submitted", submittedAt: new Date() },
    });
    await recordEvent(tx, {
      actor,
      action: "annotation.reopened",
      targetType: "annotation",
      targetId: annotation.id,
      claimId,
      before: { claimId, kind: annotation.kind, status: annotation.status, version: annotation.version },
      after: { claimId, kind: annotation.kind, status: "submitted", version: annotation.version + 1, revision, reason },
    });
  }
  if (approved.length > 0) {
    // Everyone who checked it: the authors of the reopened work and the reviewers who approved it.
    const claim = await tx.claim.findUniqueOrThrow({ where: { id: claimId }, select: { articleId: true, exact: true } });
    await notify(tx, {
      actor,
      kind: "reverification",
      recipients: approved.flatMap((annotation) => [annotation.authorId, ...annotation.reviews.map((review) => review.reviewerId)]),
      target: { type: "claim", id: claimId, articleId: claim.articleId, claimId },
      summary: `sent a claim you checked back for re-verification: “${excerpt(claim.exact)}” (${reason.replace(/\.$/, "")})`,
      // Only submitted and approved work is reopened: everyone may see it.
      audience: null,
    });
  }
  return approved.length;
}
