/**
 * What changed between two published versions: claims added and removed, verdict changes,
 * sources added and removed. Pure code over snapshots; claims are matched by id (a claim keeps
 * its id when it is re-anchored on a new revision), sources by annotation id and url, so a
 * source whose address was edited reads as one removed and one added.
 */
import type { Verdict } from "@/lib/claims/present";
import type { PublishedClaimStatus, SnapshotClaim, SnapshotSource, VersionSnapshot } from "@/lib/versions/snapshot";

/** The parts of a snapshot a diff reads. */
export type DiffableSnapshot = Pick<VersionSnapshot, "number" | "claims"> & { revision: { id: string; number: number } };

/** A claim as a diff names it. */
export interface ClaimRef {
  id: string;
  exact: string;
  status: PublishedClaimStatus;
  verdicts: Verdict[];
}

export interface VerdictChange {
  claim: ClaimRef;
  before: { status: PublishedClaimStatus; verdicts: Verdict[] };
  after: { status: PublishedClaimStatus; verdicts: Verdict[] };
}

export interface SourceChange {
  claim: ClaimRef;
  source: Pick<SnapshotSource, "id" | "url" | "title" | "publisher" | "stance">;
}

export interface VersionDiff {
  from: number;
  to: number;
  /** Whether the article text itself changed (a different revision). */
  revisionChanged: boolean;
  fromRevision: number;
  toRevision: number;
  claimsAdded: ClaimRef[];
  claimsRemoved: ClaimRef[];
  verdictChanges: VerdictChange[];
  sourcesAdded: SourceChange[];
  sourcesRemoved: SourceChange[];
}

function ref(claim: SnapshotClaim): ClaimRef {
  return { id: claim.id, exact: claim.exact, status: claim.status, verdicts: [...claim.verdicts] };
}

function sourceRef(source: SnapshotSource): SourceChange["source"] {
  return { id: source.id, url: source.url, title: source.title, publisher: source.publisher, stance: source.stance };
}

const sourceKey = (source: SnapshotSource) => `${source.id}\u0000${source.url}`;

function sameVerdicts(a: readonly Verdict[], b: readonly Verdict[]): boolean {
  return a.length === b.length && a.every((verdict, index) => verdict === b[index]);
}

/** Whether a claim's published finding differs: its public status or its verdicts. */
export function verdictChanged(before: SnapshotClaim, after: SnapshotClaim): boolean {
  return before.status !== after.status || !sameVerdicts(before.verdicts, after.verdicts);
}

/** The changes from version `from` to version `to` (either order; claims keep the order of `to`, then of `from`). */
export function diffVersions(from: DiffableSnapshot, to: DiffableSnapshot): VersionDiff {
  const before = new Map(from.claims.map((claim) => [claim.id, claim]));
  const after = new Map(to.claims.map((claim) => [claim.id, claim]));
  const diff: VersionDiff = {
    from: from.number,
    to: to.number,
    revisionChanged: from.revision.id !== to.revision.id,
    fromRevision: from.revision.number,
    toRevision: to.revision.number,
    claimsAdded: [],
    claimsRemoved: [],
    verdictChanges: [],
    sourcesAdded: [],
    sourcesRemoved: [],
  };
  for (const claim of to.claims) {
    const old = before.get(claim.id);
    if (!old) {
      diff.claimsAdded.push(ref(claim));
      for (const source of claim.sources) diff.sourcesAdded.push({ claim: ref(claim), source: sourceRef(source) });
      continue;
    }
    if (verdictChanged(old, claim)) {
      diff.verdictChanges.push({
        claim: ref(claim),
        before: { status: old.status, verdicts: [...old.verdicts] },
        after: { status: claim.status, verdicts: [...claim.verdicts] },
      });
    }
    const oldSources = new Set(old.sources.map(sourceKey));
    const newSources = new Set(claim.sources.map(sourceKey));
    for (const source of claim.sources) {
      if (!oldSources.has(sourceKey(source))) diff.sourcesAdded.push({ claim: ref(claim), source: sourceRef(source) });
    }
    for (const source of old.sources) {
      if (!newSources.has(sourceKey(source))) diff.sourcesRemoved.push({ claim: ref(claim), source: sourceRef(source) });
    }
  }
  for (const claim of from.claims) {
    if (after.has(claim.id)) continue;
    diff.claimsRemoved.push(ref(claim));
    for (const source of claim.sources) diff.sourcesRemoved.push({ claim: ref(claim), source: sourceRef(source) });
  }
  return diff;
}

/** True when two versions differ in nothing a diff reports. */
export function isEmptyDiff(diff: VersionDiff): boolean {
  return (
    !diff.revisionChanged &&
    diff.claimsAdded.length === 0 &&
    diff.claimsRemoved.length === 0 &&
    diff.verdictChanges.length === 0 &&
    diff.sourcesAdded.length === 0 &&
    diff.sourcesRemoved.length === 0
  );
}
