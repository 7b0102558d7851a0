/** One claim with the annotations the asking user may see. */
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import type { ClaimDTO } from "@/lib/claims/present";
import { claimSelect, presentClaim } from "@/lib/claims/present-claim";

/** The claim as `GET /api/claims/:id` shows it; `not_found` when there is none. */
export async function getClaim({ actor, claimId }: { actor: Actor | null; claimId: string }): Promise<ClaimDTO> {
  assertCan(actor, "article.read");
  const claim = await db.claim.findUnique({ where: { id: claimId }, select: claimSelect(actor) });
  if (!claim) throw new AppError("not_found", "No such claim.");
  return presentClaim(claim, actor);
}
