/** The shapes of an article that leave the domain layer. */
import type { JSONContent } from "@tiptap/core";
import type { ClaimStatus, ClaimSummaryDTO, PersonDTO } from "@/lib/claims/present";
import type { AssignmentDTO } from "@/lib/assignments/present";

export interface ArticleSummaryDTO {
  id: string;
  title: string;
  outlet: string | null;
  author: string | null;
  publishedAt: string | null;
  createdAt: string;
  revisionNumber: number;
  claimCount: number;
  /** How many claims are in each status. */
  statusCounts: Record<ClaimStatus, number>;
  /** Who is checking the article and by when; null when nobody is assigned. */
  assignment: AssignmentDTO | null;
}

/** Inter-reviewer agreement on verdicts: Krippendorff's alpha, and what it rests on. */
export interface AgreementDTO {
  /**
   * Ordinal alpha over true < mostly_true < mixed < misleading < false (unverifiable counts as
   * no verdict); null when fewer than two reviewers gave verdicts on the same claims; 1 when
   * every verdict given is the same (lib/reviews/verdict-agreement.ts).
   */
  alpha: number | null;
  /** Claims with verdicts from two or more reviewers (the units alpha is computed over). */
  claims: number;
  /** Distinct reviewers whose verdicts count. */
  reviewers: number;
}

export interface RevisionDTO {
  id: string;
  number: number;
  text: string;
  doc: JSONContent;
  createdAt: string;
}

/** A revision in the article's history (`GET /api/articles/:id/revisions`). */
export interface RevisionSummaryDTO {
  id: string;
  number: number;
  createdAt: string;
  /** Who saved it; null for the seed or a removed account. */
  createdBy: PersonDTO | null;
  /** Length of its canonical text. */
  characters: number;
}

/** One revision, readable (`GET /api/articles/:id/revisions/:n`). */
export interface RevisionDetailDTO extends RevisionDTO {
  articleId: string;
  createdBy: PersonDTO | null;
}

/** The answer to saving a revision: the revision, and how the claims fared on it. */
export interface CreatedRevisionDTO extends RevisionDetailDTO {
  claims: {
    unchanged: number;
    moved: number;
    changed: number;
    orphaned: number;
    needsReverification: number;
  };
}

export interface ArticleDTO {
  id: string;
  title: string;
  outlet: string | null;
  author: string | null;
  url: string | null;
  publishedAt: string | null;
  createdAt: string;
  revision: RevisionDTO;
  /**
   * Claims anchored in the current revision, in document order (lib/claims/document-order.ts),
   * with their annotations summarised; one claim in full is `GET /api/claims/:id`.
   */
  claims: ClaimSummaryDTO[];
  /** Claims whose text could not be found again in the current revision (D2), for attention. */
  orphanedClaims: ClaimSummaryDTO[];
  /** Verified claims of all claims in the current revision. */
  progress: { verified: number; total: number };
  agreement: AgreementDTO;
  /**
   * The id of the article's newest live event when this was read: its event stream
   * (`GET /api/articles/:id/events?after=`) continues from it, so nothing is missed in between.
   */
  liveEventId: number;
}

/** ISO 8601 in UTC, or null. */
export function iso(date: Date | null | undefined): string | null {
  return date ? date.toISOString() : null;
}
