/** One claim with the annotations the asking user may see. */
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import type { ClaimDTO } from "@/lib/claims/present";
import { claimSelect, presentClaim } from "@/lib/claims/present-claim";
import { entityTag, tagMatches } from "@/lib/http/etag";
import { requiredApprovals } from "@/lib/settings";

/** The claim as `GET /api/claims/:id` shows it; `not_found` when there is none. */
export async function getClaim({ actor, claimId }: { actor: Actor | null; claimId: string }): Promise<ClaimDTO> {
  assertCan(actor, "article.read");
  const claim = await db.claim.findUnique({ where: { id: claimId }, select: claimSelect(actor) });
  if (!claim) throw new AppError("not_found", "No such claim.");
  return presentClaim(claim, actor);
}

/** A claim read that may answer "not modified": the caller's tag, and the claim unless it matched. */
export interface ConditionalClaim {
  etag: string;
  /** Null when `ifNoneMatch` named `etag` (304). */
  claim: ClaimDTO | null;
}

/**
 * `getClaim` with its entity tag (lib/http/etag.ts): a hash of the ids and `xmin` of the
 * rows the answer is built from (the claim, its annotations, their reviews, replies and
 * archive attempts, the people's names), the desk's required approvals and the caller. An
 * archive job completes a copy without touching the annotation, so its rows count apart. One statement when the
 * caller's tag still holds; one more to build the claim when not.
 */
export async function readClaim({
  actor,
  claimId,
  ifNoneMatch,
}: {
  actor: Actor | null;
  claimId: string;
  ifNoneMatch: string | null;
}): Promise<ConditionalClaim> {
  assertCan(actor, "article.read");
  const [row] = await db.$queryRaw<{ fingerprint: string | null }[]>`
    WITH annotation_rows AS (SELECT id, xmin FROM annotations WHERE claim_id = ${claimId})
    SELECT (SELECT c.id || ':' || c.xmin::text FROM claims c WHERE c.id = ${claimId})
      || '/' || coalesce((SELECT string_agg(a.id || ':' || a.xmin::text, ',' ORDER BY a.id) FROM annotation_rows a), '')
      || '/' || coalesce((SELECT string_agg(r.id || ':' || r.xmin::text, ',' ORDER BY r.id)
                          FROM reviews r WHERE r.annotation_id IN (SELECT id FROM annotation_rows)), '')
      || '/' || coalesce((SELECT string_agg(p.id || ':' || p.xmin::text, ',' ORDER BY p.id)
                          FROM replies p WHERE p.annotation_id IN (SELECT id FROM annotation_rows)), '')
      || '/' || coalesce((SELECT string_agg(s.id || ':' || s.xmin::text, ',' ORDER BY s.id)
                          FROM source_archives s WHERE s.annotation_id IN (SELECT id FROM annotation_rows)), '')
      || '/' || (SELECT coalesce(md5(string_agg(u.id || ':' || u.xmin::text, ',' ORDER BY u.id)), '') FROM users u)
      AS fingerprint`;
  if (!row?.fingerprint) throw new AppError("not_found", "No such claim.");
  // The tag is read before the claim: never newer than the answer it is sent with.
  const etag = entityTag(`${row.fingerprint}/${requiredApprovals()}`, actor);
  if (tagMatches(ifNoneMatch, etag)) return { etag, claim: null };
  return { etag, claim: await getClaim({ actor, claimId }) };
}
