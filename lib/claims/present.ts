/**
 * The shapes of claims and annotations that leave the domain layer (docs/architecture.md, "HTTP API").
 * The editor, the side panel and API clients all read these; rows never leave `lib/`.
 */
import type { SourceArchiveDTO } from "@/lib/archives/present-archive";
import type { JSONContent } from "@tiptap/core";
import type { AssignmentDTO } from "@/lib/assignments/present";

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

export const REVIEW_DECISIONS = ["approve", "request_changes", "reject"] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** What the asking user may do with an object; the UI draws controls from this, the server decides. */
export interface AnnotationAbilities {
  edit: boolean;
  delete: boolean;
  submit: boolean;
  withdraw: boolean;
  /** Approve, request changes or reject the current version (someone else's submitted work). */
  review: boolean;
  reply: boolean;
}

/** One reviewer's judgement of one version of an annotation (D3). */
export interface ReviewDTO {
  id: string;
  annotationId: string;
  decision: ReviewDecision;
  comment: string;
  /** The annotation version this review judged. */
  version: number;
  /** True when `version` is the annotation's current version; older reviews no longer count. */
  current: boolean;
  reviewer: PersonDTO;
  createdAt: string;
}

/** A message in the discussion thread under an annotation. */
export interface ReplyDTO {
  id: string;
  annotationId: string;
  /** Plain text; a mentioned person is written `<@userId>` (see `mentions`). */
  body: string;
  /** The people the body mentions, by their current names. */
  mentions: PersonDTO[];
  author: PersonDTO;
  createdAt: string;
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
  /** Reviews of every version, oldest first. */
  reviews: ReviewDTO[];
  /** The discussion thread, oldest first. */
  replies: ReplyDTO[];
  /** Approvals of the current version, and how many the desk requires (D3). */
  approvals: number;
  requiredApprovals: number;
  can: AnnotationAbilities;
}

export interface SourceAnnotationDTO extends AnnotationBase {
  kind: "source";
  url: string;
  title: string;
  publisher: string | null;
  excerpt: string | null;
  stance: Stance;
  /** The copy of the page taken in the background (lib/archives); null when none was requested. */
  archive: SourceArchiveDTO | null;
}

export interface VerificationAnnotationDTO extends AnnotationBase {
  kind: "verification";
  verdict: Verdict;
  /**
   * Rich text (a small ProseMirror document: paragraphs, bold, italic, links, lists, and
   * `mention` nodes whose `id` is a user's id and `label` their current name).
   */
  rationale: JSONContent;
  /** The same rationale as plain text, a mention written as `@Name`. */
  rationaleText: string;
  /** The people the rationale mentions, by their current names, in order of first mention. */
  mentions: PersonDTO[];
}

export type AnnotationDTO = SourceAnnotationDTO | VerificationAnnotationDTO;

export interface ClaimAbilities {
  delete: boolean;
  annotate: boolean;
}

/** What the asking user may do with a claim's assignment (lib/assignments/rules.ts decides). */
export interface ClaimAssignAbilities {
  /** Assign anyone, change the due date (editors). */
  assign: boolean;
  /** Take the claim for themselves (it is unassigned). */
  take: boolean;
  /** Leave it unassigned (editors; the assignee for themselves). */
  release: boolean;
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
  can: ClaimAbilities & ClaimAssignAbilities;
  /** Who is checking the claim and by when; null when nobody is assigned. */
  assignment: AssignmentDTO | null;
}

/**
 * An annotation as an article's claim list carries it: what it is, where it stands and who
 * wrote it, with its key fields. Its thread, abilities, excerpt and rationale come with the
 * claim itself (`GET /api/claims/:id`), so an article with a thousand claims stays small.
 */
interface AnnotationSummaryBase {
  id: string;
  claimId: string;
  status: AnnotationStatus;
  version: number;
  author: PersonDTO;
  updatedAt: string;
}

export interface SourceAnnotationSummaryDTO extends AnnotationSummaryBase {
  kind: "source";
  url: string;
  title: string;
  publisher: string | null;
  stance: Stance;
  /** The archived copy of the source's current address: pending, archived or failed; null when none was requested. */
  archive: SourceArchiveDTO | null;
}

export interface VerificationAnnotationSummaryDTO extends AnnotationSummaryBase {
  kind: "verification";
  verdict: Verdict;
}

export type AnnotationSummaryDTO = SourceAnnotationSummaryDTO | VerificationAnnotationSummaryDTO;

/** A claim in an article's claim list (`GET /api/articles/:id`), its annotations summarised. */
export interface ClaimSummaryDTO extends Omit<ClaimDTO, "annotations" | "can" | "assignment"> {
  /** Annotations the asking user may see, summarised: every submitted one, and their own drafts. */
  annotations: AnnotationSummaryDTO[];
  can: ClaimAbilities;
}

/** A submitted annotation waiting for the asking user's review, with the claim in context. */
export interface ReviewQueueItemDTO {
  annotation: AnnotationDTO;
  claim: { id: string; exact: string; prefix: string; suffix: string; claimant: string | null; status: ClaimStatus };
  article: { id: string; title: string };
}

/** Something that happened to the asking user's own work: a review or a reply by someone else. */
export interface ActivityItemDTO {
  id: string;
  type: "review" | "reply";
  /** For reviews. */
  decision: ReviewDecision | null;
  /** The review comment or the reply body. */
  text: string;
  actor: PersonDTO;
  createdAt: string;
  annotation: { id: string; kind: "source" | "verification"; version: number; status: AnnotationStatus };
  claim: { id: string; exact: string };
  article: { id: string; title: string };
}

/** One entry of a claim's history, from the audit log (D7). */
export interface HistoryEntryDTO {
  id: string;
  /** The audit action, e.g. `annotation.submitted`. */
  action: string;
  /** A sentence for people, e.g. "Alice Martin submitted a verdict (version 2)". */
  summary: string;
  actor: PersonDTO | null;
  createdAt: string;
  /** The annotation the event is about; null for events about the claim itself. */
  annotationId: string | null;
}
