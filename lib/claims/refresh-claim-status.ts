/** Stores a claim's derived status (D4), in the transaction of an annotation change that can move it. */
import type { Tx } from "@/lib/db";
import type { ClaimStatus } from "@/lib/claims/present";
import { deriveClaimStatus, type DerivedClaimStatus } from "@/lib/claims/derive-claim-status";
import type { LockedClaim } from "@/lib/claims/lock-claim";

/**
 * Derived statuses that end `needs_reverification`: a verdict approved again, on the
 * annotations' current versions, after the text changed (lib/claims/revoke-approvals.ts sent
 * every earlier approval back to review, so any approval now is a fresh one).
 */
const SETTLED: ReadonlySet<DerivedClaimStatus> = new Set(["verified", "disputed"]);

/**
 * Recomputes and stores the status of a claim locked with `lockClaim` (whose lock read the
 * stored status), returning the status before and after (equal when nothing changed).
 *
 * Re-anchoring sets two statuses that annotation changes must respect: `orphaned` stays until
 * the claim is re-attached (lib/claims/reattach-claim.ts), and `needs_reverification` stays
 * until a fresh approval cycle settles the claim again (verified or disputed); a claim whose
 * re-review is still under way keeps saying that it needs it.
 */
export async function refreshClaimStatus(
  tx: Tx,
  claim: Pick<LockedClaim, "id" | "status">,
): Promise<{ before: ClaimStatus; after: ClaimStatus }> {
  if (claim.status === "orphaned") return { before: claim.status, after: claim.status };
  const annotations = await tx.annotation.findMany({
    where: { claimId: claim.id },
    select: { kind: true, status: true, verdict: true },
  });
  const derived = deriveClaimStatus(annotations);
  const next: ClaimStatus = claim.status === "needs_reverification" && !SETTLED.has(derived) ? claim.status : derived;
  if (next !== claim.status) await tx.claim.update({ where: { id: claim.id }, data: { status: next }, select: { id: true } });
  return { before: claim.status, after: next };
}
