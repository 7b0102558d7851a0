/** The shapes of published versions that leave the domain layer. */
import type { PersonDTO } from "@/lib/claims/present";
import type { Verdict } from "@/lib/claims/present";
import type { PublishedClaimStatus, VersionSnapshot } from "@/lib/versions/snapshot";
import type { CorrectionDTO } from "@/lib/versions/corrections";
import type { VersionDiff } from "@/lib/versions/diff-versions";

/** One published version, without its content. */
export interface VersionSummaryDTO {
  id: string;
  articleId: string;
  number: number;
  publishedAt: string;
  publishedBy: PersonDTO;
  note: string | null;
  /** sha256 (hex) of the snapshot's canonical JSON (lib/versions/hash.ts). */
  sha256: string;
  revisionNumber: number;
  /** Claims of each public status in this version. */
  counts: Record<PublishedClaimStatus, number>;
}

/** A published version with its content: what `GET /api/articles/:id/versions/:n` answers. */
export interface PublishedVersionDTO extends VersionSummaryDTO {
  snapshot: VersionSnapshot;
}

/** Every version of an article, and the corrections log derived from them. */
export interface VersionHistoryDTO {
  articleId: string;
  /** Oldest first. */
  versions: VersionSummaryDTO[];
  corrections: CorrectionDTO[];
}

/** A claim as the publish preview lists it. */
export interface PreviewClaimDTO {
  id: string;
  exact: string;
  claimant: string | null;
  verdicts: Verdict[];
  sources: number;
}

/** What publishing now would include: shown to the editor before they confirm. */
export interface PublishPreviewDTO {
  articleId: string;
  title: string;
  /** The number the next version will take (if nobody publishes first). */
  nextNumber: number;
  revision: { id: string; number: number };
  latest: VersionSummaryDTO | null;
  verified: PreviewClaimDTO[];
  disputed: PreviewClaimDTO[];
  unverified: PreviewClaimDTO[];
  /** Changes against the latest published version; null before the first one. */
  changes: VersionDiff | null;
}
