/**
 * Links between claims that say the same thing. A link is stored both ways, so each claim
 * shows the other; making and removing one writes an audit event on each claim (its history
 * tells who linked what) and announces the change to both articles.
 */
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { publishChange } from "@/lib/live/publish";
import { LinkClaimInput } from "@/lib/search/schemas";

interface LinkedPair {
  claimId: string;
  otherClaimId: string;
}

/** A claim of a link, as the audit events name it. */
interface LinkedClaim {
  id: string;
  articleId: string;
  exact: string;
}

/** Both claims, locked in id order (two reviewers linking the same pair take turns); 404 when either is missing. */
async function lockPair(tx: Tx, claimId: string, otherId: string) {
  const rows = await tx.$queryRaw<LinkedClaim[]>`
    SELECT id, article_id AS "articleId", exact FROM claims WHERE id IN (${claimId}, ${otherId})
    ORDER BY id FOR NO KEY UPDATE`;
  const claim = rows.find((row) => row.id === claimId);
  const other = rows.find((row) => row.id === otherId);
  if (!claim) throw new AppError("not_found", "No such claim.");
  if (!other) throw new AppError("not_found", "No such claim to link.", { fields: { claimId: "No such claim." } });
  return { claim, other };
}

/**
 * `POST /api/claims/:id/links {claimId}`: records that the two claims are the same claim.
 * `created` is false when they were linked already (nothing changes then).
 */
export async function linkClaims({ actor, claimId, input }: { actor: Actor | null; claimId: string; input: unknown }): Promise<LinkedPair & { created: boolean }> {
  assertCan(actor, "claim.link");
  const { claimId: otherId } = parseInput(LinkClaimInput, input);
  if (otherId === claimId) {
    throw new AppError("invalid_input", "A claim cannot be linked to itself.", { fields: { claimId: "Choose another claim." } });
  }
  return db.$transaction(async (tx) => {
    const { claim, other } = await lockPair(tx, claimId, otherId);
    const inserted = await tx.claimLink.createMany({
      data: [
        { claimId, otherClaimId: otherId, createdById: actor.id },
        { claimId: otherId, otherClaimId: claimId, createdById: actor.id },
      ],
      skipDuplicates: true,
    });
    if (inserted.count === 0) return { claimId, otherClaimId: otherId, created: false };
    await recordOnBoth(tx, actor, "claim.linked", claim, other);
    return { claimId, otherClaimId: otherId, created: true };
  });
}

/** `DELETE /api/claims/:id/links/:otherId`: removes the link both ways; 404 when there is none. */
export async function unlinkClaims({ actor, claimId, otherId }: { actor: Actor | null; claimId: string; otherId: string }): Promise<void> {
  assertCan(actor, "claim.link");
  await db.$transaction(async (tx) => {
    const { claim, other } = await lockPair(tx, claimId, otherId);
    const removed = await tx.claimLink.deleteMany({
      where: {
        OR: [
          { claimId, otherClaimId: otherId },
          { claimId: otherId, otherClaimId: claimId },
        ],
      },
    });
    if (removed.count === 0) throw new AppError("not_found", "These claims are not linked.");
    await recordOnBoth(tx, actor, "claim.unlinked", claim, other);
  });
}

/** A link's audit event and live notice on each of its two claims, naming the other one. */
async function recordOnBoth(tx: Tx, actor: Actor, action: "claim.linked" | "claim.unlinked", claim: LinkedClaim, other: LinkedClaim): Promise<void> {
  for (const [self, that] of [
    [claim, other],
    [other, claim],
  ] as const) {
    const named = { otherClaimId: that.id, otherArticleId: that.articleId, otherExact: that.exact };
    await recordEvent(tx, {
      actor,
      action,
      targetType: "claim",
      targetId: self.id,
      ...(action === "claim.linked" ? { after: named } : { before: named }),
    });
    await publishChange(tx, { articleId: self.articleId, type: action, id: self.id, claimId: self.id });
  }
}
