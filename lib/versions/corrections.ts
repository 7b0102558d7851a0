/**
 * The corrections log of an article, derived from its published versions: whenever a version
 * changes a finding that an earlier version published (a verdict changed, a verdict withdrawn,
 * or a claim that carried a verdict removed), readers of every version are told, with the date
 * and the editor's note of the version that made the correction. Pure code over snapshots.
 */
import type { Verdict } from "@/lib/claims/present";
import type { SnapshotClaim, VersionSnapshot } from "@/lib/versions/snapshot";
import { verdictChanged } from "@/lib/versions/diff-versions";

export type CorrectionKind =
  /** The claim still carries a finding, a different one. */
  | "verdict_changed"
  /** The claim is still in the article but no longer carries a finding. */
  | "verdict_withdrawn"
  /** The claim is no longer part of the published version. */
  | "claim_withdrawn";

export interface CorrectionDTO {
  kind: CorrectionKind;
  /** The version that made the correction, and the one it corrected. */
  version: number;
  previousVersion: number;
  publishedAt: string;
  note: string | null;
  claim: { id: string; exact: string };
  before: { status: SnapshotClaim["status"]; verdicts: Verdict[] };
  after: { status: SnapshotClaim["status"]; verdicts: Verdict[] } | null;
}

/** The parts of a version the corrections log reads. */
export type CorrectableVersion = Pick<VersionSnapshot, "number" | "publishedAt" | "note"> & {
  claims: readonly SnapshotClaim[];
};

const hasFinding = (claim: SnapshotClaim) => claim.status !== "unverified";

/** The corrections between consecutive versions, oldest first; `versions` may come in any order. */
export function corrections(versions: readonly CorrectableVersion[]): CorrectionDTO[] {
  const ordered = [...versions].sort((a, b) => a.number - b.number);
  const log: CorrectionDTO[] = [];
  for (let index = 1; index < ordered.length; index += 1) {
    const previous = ordered[index - 1]!;
    const current = ordered[index]!;
    const now = new Map(current.claims.map((claim) => [claim.id, claim]));
    for (const claim of previous.claims) {
      if (!hasFinding(claim)) continue;
      const later = now.get(claim.id);
      const base = {
        version: current.number,
        previousVersion: previous.number,
        publishedAt: current.publishedAt,
        note: current.note,
        claim: { id: claim.id, exact: claim.exact },
        before: { status: claim.status, verdicts: [...claim.verdicts] },
      };
      if (!later) log.push({ ...base, kind: "claim_withdrawn", after: null });
      else if (!verdictChanged(claim, later)) continue;
      else {
        log.push({
          ...base,
          kind: hasFinding(later) ? "verdict_changed" : "verdict_withdrawn",
          after: { status: later.status, verdicts: [...later.verdicts] },
        });
      }
    }
  }
  return log;
}
