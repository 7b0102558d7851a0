/**
 * The shapes of claims and annotations that leave the domain layer (DESIGN.md, "HTTP API").
 * The editor, the side panel and API clients all read these; rows never leave `lib/`.
 */
import type { JSONContent } from "@tiptap/core";

export const VERDICTS = ["true", "mostly_true", "mixed", "misleading", "false", "unverifiable"] as const;
export type Verdict = (typeof VERDICTS)[number];

export const STANCES = ["supports", "refutes", "context"] as const;
export type Stance = (typeof STANCES)[number];

export const ANNOTATION_STATUSES = ["draft", "submitted", "approved", "changes_requested", "rejected"] as const;
export type AnnotationStatus = (typeof ANNOTATION_STATUSES)[number];

export const CLAIM_STATUSES = ["unchecked", "in_review", "verified", "disputed", "needs_reverification", "orphaned"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export interface PersonDTO {
  id: string;
  name: string;
}

/** What the asking user may do with an object; the UI draws controls from this, the server decides. */
export interface AnnotationAbilities {
  edit: boolean;
  delete: boolean;
  submit: boolean;
  withdraw: boolean;
}

interface AnnotationBase {
  id: string;
  claimId: string;
  status: AnnotationStatus;
  version: number;
  author: PersonDTO;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  can: AnnotationAbilities;
}

export interface SourceAnnotationDTO extends AnnotationBase {
  kind: "source";
  url: string;
  title: string;
  publisher: string | null;
  excerpt: string | null;
  stance: Stance;
}

export interface VerificationAnnotationDTO extends AnnotationBase {
  kind: "verification";
  verdict: Verdict;
  /** Rich text (a small ProseMirror document: paragraphs, bold, italic, links, lists). */
  rationale: JSONContent;
  /** The same rationale as plain text. */
  rationaleText: string;
}

export type AnnotationDTO = SourceAnnotationDTO | VerificationAnnotationDTO;

export interface ClaimAbilities {
  delete: boolean;
  annotate: boolean;
}

export interface ClaimDTO {
  id: string;
  articleId: string;
  revisionId: string;
  status: ClaimStatus;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  claimant: string | null;
  createdBy: PersonDTO;
  createdAt: string;
  /** Annotations the asking user may see: every submitted one, and their own drafts. */
  annotations: AnnotationDTO[];
  can: ClaimAbilities;
}
