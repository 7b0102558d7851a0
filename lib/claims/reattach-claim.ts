/** Puts an orphaned claim back on text: a span of the current revision chosen by a person (D2). */
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { publishChange } from "@/lib/live/publish";
import { ReattachClaimInput } from "@/lib/claims/schemas";
import type { ClaimDTO, ClaimStatus } from "@/lib/claims/present";
import { claimSelect, presentClaim } from "@/lib/claims/present-claim";
import { lockClaim } from "@/lib/claims/lock-claim";
import { checkSelectors, lockCurrentRevision } from "@/lib/claims/anchor-on-revision";
import { deriveClaimStatus } from "@/lib/claims/derive-claim-status";
import { revokeApprovals } from "@/lib/claims/revoke-approvals";

export interface ReattachClaimOptions {
  actor: Actor | null;
  claimId: string;
  /** `{exact, prefix?, suffix?, start, end, revision}`, checked like a new claim's span. */
  input: unknown;
}

/**
 * Anchors an orphaned claim on a span of the current revision. The span is checked as when a
 * claim is marked (422 when the quote is not the text there, 409 when `revision` is not the
 * current one); a claim that is not orphaned answers 409. If the new words differ from the
 * original quote, approvals of its annotations stop counting (they judged other words) and the
 * claim needs re-verification; otherwise its status is derived from its annotations again.
 */
export async function reattachClaim({ actor, claimId, input }: ReattachClaimOptions): Promise<ClaimDTO> {
  assertCan(actor, "claim.reattach");
  const data = parseInput(ReattachClaimInput, input);
  const target = await db.claim.findUnique({ where: { id: claimId }, select: { articleId: true } });
  if (!target) throw new AppError("not_found", "No such claim.");
  const { articleId } = target;
  return db.$transaction(async (tx) => {
    // The article first (FOR SHARE, as when marking a claim), then the claim: the order a new
    // revision takes them in too.
    const current = await lockCurrentRevision(tx, articleId, data.revision);
    await lockClaim(tx, claimId);
    const before = await tx.claim.findUniqueOrThrow({
      where: { id: claimId },
      select: {
        exact: true,
        prefix: true,
        suffix: true,
        start: true,
        end: true,
        status: true,
        revision: { select: { number: true } },
        annotations: { select: { kind: true, status: true, verdict: true } },
      },
    });
    if (before.status !== "orphaned") {
      throw new AppError("conflict", "Only an orphaned claim can be re-attached; this one is anchored in the text.");
    }
    const selectors = checkSelectors(current.text, data);
    const reopened =
      selectors.exact === before.exact
        ? 0
        : await revokeApprovals(tx, {
            actor,
            claimId,
            revision: current.number,
            reason: "The claim was re-attached to other words.",
          });
    let status: ClaimStatus;
    if (reopened > 0) {
      status = "needs_reverification";
    } else {
      status = deriveClaimStatus(before.annotations);
    }
    const claim = await tx.claim.update({
      where: { id: claimId },
      data: { ...selectors, revisionId: current.id, status },
      select: claimSelect(actor),
    });
    await recordEvent(tx, {
      actor,
      action: "claim.reattached",
      targetType: "claim",
      targetId: claimId,
      before: {
        revision: before.revision.number,
        exact: before.exact,
        prefix: before.prefix,
        suffix: before.suffix,
        start: before.start,
        end: before.end,
        status: before.status,
      },
      after: {
        revision: current.number,
        ...selectors,
        status,
        reopenedAnnotations: reopened,
        claimStatus: { before: before.status, after: status },
      },
    });
    await publishChange(tx, { articleId, type: "claim.reattached", id: claimId, claimId });
    return presentClaim(claim, actor);
  });
}
