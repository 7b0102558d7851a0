/**
 * Moves an article's claims onto its new revision (D2), inside the transaction that creates
 * the revision. Each claim anchored on the previous revision is found again with `reanchorAll`
 * (position when it still holds, else the quote with its context, fuzzily):
 *
 * - found with the same words: selectors recomputed on the new text (the context around the
 *   quote may have changed), status unchanged;
 * - found with changed words (a fuzzy match): selectors and quote updated; if the claim had an
 *   approved check, its approvals stop counting (revoke-approvals.ts) and it needs re-verification;
 * - not found with confidence: orphaned, keeping its original selectors and revision, so the
 *   original quote can be shown and the claim re-attached or closed. Never attached elsewhere.
 *
 * Claims already orphaned stay where they are: they wait for a person.
 */
import type { Tx } from "@/lib/db";
import type { AnyActor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { describeRange, reanchorAll, type ReanchorResult } from "@/lib/anchoring";
import type { ClaimStatus } from "@/lib/claims/present";
import type { ClaimSelectors } from "@/lib/claims/anchor-on-revision";
import { revokeApprovals } from "@/lib/claims/revoke-approvals";

/** A revision as re-anchoring needs it. */
export interface RevisionText {
  id: string;
  number: number;
  text: string;
}

/** How the claims fared, for the revision's audit event and the API answer. */
export interface ReanchorSummary {
  /** Same words, same place and context. */
  unchanged: number;
  /** Same words, at another place or in other context. */
  moved: number;
  /** Found with changed words. */
  changed: number;
  orphaned: number;
  /** Claims sent back for re-verification. */
  needsReverification: number;
}

interface ClaimAnchorRow extends ClaimSelectors {
  id: string;
  status: ClaimStatus;
}

/** Statuses that mean a check was approved: a change of the words under them reopens it. */
const APPROVED_STATUSES: ReadonlySet<ClaimStatus> = new Set(["verified", "disputed"]);

/** Re-anchors every claim on `from` onto `to`; the article row must be locked FOR UPDATE. */
export async function reanchorClaims(
  tx: Tx,
  { actor, articleId, from, to }: { actor: AnyActor; articleId: string; from: RevisionText; to: RevisionText },
): Promise<ReanchorSummary> {
  // Locked in id order, as a set: annotation changes lock one claim at a time (lockClaim), so
  // they wait for the re-anchoring or it waits for them, and a claim's status is never derived
  // from a snapshot this transaction is about to change.
  const claims = await tx.$queryRaw<ClaimAnchorRow[]>`
    SELECT id, exact, prefix, suffix, start, "end", status::text AS status
    FROM claims
    WHERE article_id = ${articleId} AND revision_id = ${from.id} AND status <> 'orphaned'
    ORDER BY id
    FOR NO KEY UPDATE`;
  const summary: ReanchorSummary = { unchanged: 0, moved: 0, changed: 0, orphaned: 0, needsReverification: 0 };
  if (claims.length === 0) return summary;

  const results = reanchorAll(to.text, claims, { oldTextLength: from.text.length });
  const unchanged: string[] = [];
  for (const [index, claim] of claims.entries()) {
    const result = results[index] ?? ({ kind: "orphaned", reason: "not-found" } as const);
    if (result.kind === "orphaned") {
      await orphan(tx, { actor, claim, from, to, reason: result.reason });
      summary.orphaned += 1;
      continue;
    }
    if (stillHolds(to.text, claim, result)) {
      unchanged.push(claim.id);
      summary.unchanged += 1;
      continue;
    }
    const selectors = selectorsAt(to.text, result);
    const textChanged = selectors.exact !== claim.exact;
    let status = claim.status;
    let reopened = 0;
    if (textChanged) {
      summary.changed += 1;
      reopened = await revokeApprovals(tx, {
        actor,
        claimId: claim.id,
        revision: to.number,
        reason: `Revision ${to.number} changed the text of the claim.`,
      });
      if (reopened > 0 || APPROVED_STATUSES.has(claim.status)) status = "needs_reverification";
    } else {
      summary.moved += 1;
    }
    if (status === "needs_reverification") summary.needsReverification += 1;
    await tx.claim.update({ where: { id: claim.id }, data: { ...selectors, revisionId: to.id, status } });
    await recordEvent(tx, {
      actor,
      action: "claim.reanchored",
      targetType: "claim",
      targetId: claim.id,
      before: { revision: from.number, ...selectorsOf(claim), status: claim.status },
      after: {
        revision: to.number,
        ...selectors,
        match: result.kind,
        status,
        reopenedAnnotations: reopened,
        ...(status !== claim.status ? { claimStatus: { before: claim.status, after: status } } : {}),
      },
    });
  }
  // Claims the edit did not touch only change revision: one statement, and no audit event each
  // (the revision's own event counts them).
  if (unchanged.length > 0) {
    await tx.claim.updateMany({ where: { id: { in: unchanged } }, data: { revisionId: to.id } });
  }
  return summary;
}

async function orphan(
  tx: Tx,
  {
    actor,
    claim,
    from,
    to,
    reason,
  }: { actor: AnyActor; claim: ClaimAnchorRow; from: RevisionText; to: RevisionText; reason: string },
): Promise<void> {
  // The selectors and revision stay: they are the original quote, shown for re-attaching.
  await tx.claim.update({ where: { id: claim.id }, data: { status: "orphaned" } });
  await recordEvent(tx, {
    actor,
    action: "claim.orphaned",
    targetType: "claim",
    targetId: claim.id,
    before: { revision: from.number, ...selectorsOf(claim), status: claim.status },
    after: { revision: to.number, reason, status: "orphaned", claimStatus: { before: claim.status, after: "orphaned" } },
  });
}

function selectorsAt(text: string, result: Extract<ReanchorResult, { start: number }>): ClaimSelectors {
  const { quote } = describeRange(text, result.start, result.end);
  return { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start: result.start, end: result.end };
}

function selectorsOf(claim: ClaimSelectors): ClaimSelectors {
  return { exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix, start: claim.start, end: claim.end };
}

/** Found where it was, with the stored quote and context still around it: nothing to update. */
function stillHolds(text: string, claim: ClaimSelectors, result: Extract<ReanchorResult, { start: number }>): boolean {
  return (
    result.start === claim.start &&
    result.end === claim.end &&
    text.slice(claim.start, claim.end) === claim.exact &&
    claim.start >= claim.prefix.length &&
    text.slice(claim.start - claim.prefix.length, claim.start) === claim.prefix &&
    text.slice(claim.end, claim.end + claim.suffix.length) === claim.suffix
  );
}
