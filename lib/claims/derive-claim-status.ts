/**
 * A claim's status follows from its annotations (D4). Pure code: the caller loads the
 * annotations and stores the result in the transaction that changed them.
 *
 * "Approved" is an annotation status, and it means approved *at the current version*: an
 * edit makes a new version that is `submitted` again (lib/annotations/access.ts,
 * `statusAfterEdit`), so approvals of older versions never count here (D3).
 *
 * - disputed: approved verifications give different verdicts (any two distinct verdicts
 *   count as a disagreement, "true" and "mostly_true" included: reconciling them is a
 *   human decision, not ours);
 * - verified: at least one approved verification, the approved verdicts agree, and at least
 *   one source is approved;
 * - in_review: a verification is in the review loop — submitted, sent back for changes, or
 *   approved but still without an approved source;
 * - unchecked: no verification is submitted, sent back or approved (drafts, rejected ones,
 *   and sources on their own do not make a claim checked).
 *
 * `needs_reverification` and `orphaned` come from re-anchoring on a new revision, not from
 * annotations, so this function never returns them.
 */
import type { AnnotationStatus, ClaimStatus, Verdict } from "@/lib/claims/present";

/** The parts of an annotation that decide a claim's status. */
export interface StatusInput {
  kind: "source" | "verification";
  status: AnnotationStatus;
  verdict: Verdict | null;
}

/** The statuses an annotation change can lead to. */
export type DerivedClaimStatus = Extract<ClaimStatus, "unchecked" | "in_review" | "verified" | "disputed">;

/**
 * Annotation statuses that count towards a claim's status: the review loop (submitted, sent
 * back for changes) and its outcome (approved). Drafts and rejected annotations never count.
 */
const COUNTED_STATUSES: ReadonlySet<AnnotationStatus> = new Set(["submitted", "changes_requested", "approved"]);

/**
 * Whether an annotation in this status can count towards its claim's status. A change that
 * only touches annotations for which this is false, before and after (a new draft, an edited
 * draft, a reply), leaves `deriveClaimStatus` where it was: it looks at nothing else.
 */
export function countsTowardsClaimStatus(annotation: { status: AnnotationStatus }): boolean {
  return COUNTED_STATUSES.has(annotation.status);
}

/** Derives a claim's status from its annotations (all of them, drafts included; drafts do not count). */
export function deriveClaimStatus(annotations: readonly StatusInput[]): DerivedClaimStatus {
  // Only counted annotations are looked at, so `countsTowardsClaimStatus` holds by construction.
  const counted = annotations.filter(countsTowardsClaimStatus);
  const verifications = counted.filter((annotation) => annotation.kind === "verification");
  const approvedVerdicts = new Set(
    verifications.filter((annotation) => annotation.status === "approved").map((annotation) => annotation.verdict),
  );
  if (approvedVerdicts.size > 1) return "disputed";
  const hasApprovedSource = counted.some(
    (annotation) => annotation.kind === "source" && annotation.status === "approved",
  );
  if (approvedVerdicts.size === 1 && hasApprovedSource) return "verified";
  // Every counted verification is submitted, sent back or approved: in the review loop.
  const verificationUnderWay = verifications.length > 0;
  return verificationUnderWay ? "in_review" : "unchecked";
}
