/** Stores a claim's derived status (D4); called in every transaction that changes its annotations. */
import type { Tx } from "@/lib/db";
import type { ClaimStatus } from "@/lib/claims/present";
import { deriveClaimStatus } from "@/lib/claims/derive-claim-status";

/** Statuses set by re-anchoring on a new revision; annotation changes leave them alone. */
const ANCHOR_STATUSES: ReadonlySet<ClaimStatus> = new Set(["orphaned", "needs_reverification"]);

/**
 * Recomputes and stores the status of a claim locked with `lockClaim`, returning the status
 * before and after (equal when nothing changed).
 */
export async function refreshClaimStatus(tx: Tx, claimId: string): Promise<{ before: ClaimStatus; after: ClaimStatus }> {
  const claim = await tx.claim.findUniqueOrThrow({
    where: { id: claimId },
    select: { status: true, annotations: { select: { kind: true, status: true, verdict: true } } },
  });
  if (ANCHOR_STATUSES.has(claim.status)) return { before: claim.status, after: claim.status };
  const next = deriveClaimStatus(claim.annotations);
  if (next !== claim.status) await tx.claim.update({ where: { id: claimId }, data: { status: next } });
  return { before: claim.status, after: next };
}
