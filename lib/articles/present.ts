/** The shapes of an article that leave the domain layer. */
import type { JSONContent } from "@tiptap/core";
import type { ClaimDTO } from "@/lib/claims/present";

export interface ArticleSummaryDTO {
  id: string;
  title: string;
  outlet: string | null;
  author: string | null;
  publishedAt: string | null;
  createdAt: string;
  revisionNumber: number;
  claimCount: number;
}

export interface RevisionDTO {
  id: string;
  number: number;
  text: string;
  doc: JSONContent;
  createdAt: string;
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
  /** Claims anchored in the current revision, in document order (by start, then longest first). */
  claims: ClaimDTO[];
  /** Claims whose text could not be found again in the current revision (D2), for attention. */
  orphanedClaims: ClaimDTO[];
}

/** ISO 8601 in UTC, or null. */
export function iso(date: Date | null | undefined): string | null {
  return date ? date.toISOString() : null;
}
