/** Marks a claim: a span of the current revision of an article, anchored by W3C selectors (D2). */
import { db } from "@/lib/db";
import { parseInput } from "@/lib/validation";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { publishChange } from "@/lib/live/publish";
import { CreateClaimInput } from "@/lib/claims/schemas";
import type { ClaimDTO } from "@/lib/claims/present";
import { claimSelect, presentClaim } from "@/lib/claims/present-claim";
import { checkSelectors, lockCurrentRevision } from "@/lib/claims/anchor-on-revision";

export interface CreateClaimOptions {
  actor: Actor | null;
  articleId: string;
  /** `{exact, prefix?, suffix?, start, end, revision, claimant?}`; see `CreateClaimInput`. */
  input: unknown;
}

/**
 * Creates a claim on revision `input.revision` of an article. The quote must be exactly the
 * text at [start, end) of that revision (422 otherwise, nothing stored), and the revision
 * must be the current one (409): a claim on a superseded text would never be re-anchored.
 */
export async function createClaim({ actor, articleId, input }: CreateClaimOptions): Promise<ClaimDTO> {
  assertCan(actor, "claim.create");
  const data = parseInput(CreateClaimInput, input);
  return db.$transaction(async (tx) => {
    const current = await lockCurrentRevision(tx, articleId, data.revision);
    const selectors = checkSelectors(current.text, data);
    const claim = await tx.claim.create({
      data: {
        articleId,
        revisionId: current.id,
        ...selectors,
        claimant: data.claimant ?? null,
        createdById: actor.id,
      },
      select: claimSelect(actor),
    });
    await recordEvent(tx, {
      actor,
      action: "claim.created",
      targetType: "claim",
      targetId: claim.id,
      after: { articleId, revision: current.number, ...selectors, claimant: claim.claimant, status: claim.status },
    });
    await publishChange(tx, { articleId, type: "claim.created", id: claim.id, claimId: claim.id });
    return presentClaim(claim, actor);
  });
}
