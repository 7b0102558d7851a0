/**
 * Response schemas of claims, annotations, their threads and the review desk, each checked
 * against its DTO type in lib/claims/present.ts so that neither can change alone.
 */
import { z } from "zod";
import { SourceArchiveSchema } from "@/lib/archives/schemas";
import {
  ANNOTATION_STATUSES,
  CLAIM_STATUSES,
  REVIEW_DECISIONS,
  STANCES,
  VERDICTS,
  type ActivityItemDTO,
  type AnnotationDTO,
  type AnnotationSummaryDTO,
  type ClaimDTO,
  type ClaimSummaryDTO,
  type HistoryEntryDTO,
  type ReplyDTO,
  type ReviewDTO,
  type ReviewQueueItemDTO,
} from "@/lib/claims/present";
import { Person, RichTextDocument, Timestamp } from "@/lib/openapi/responses/common";
import { Assignment } from "@/lib/openapi/responses/assignments";
import { sameType } from "@/lib/openapi/same-type";

export const Verdict = z.enum(VERDICTS).meta({ id: "Verdict" });
export const Stance = z.enum(STANCES).meta({ id: "Stance" });
export const AnnotationStatus = z.enum(ANNOTATION_STATUSES).meta({ id: "AnnotationStatus" });
export const ClaimStatus = z.enum(CLAIM_STATUSES).meta({ id: "ClaimStatus" });
export const ReviewDecision = z.enum(REVIEW_DECISIONS).meta({ id: "ReviewDecision" });

export const Review = z
  .object({
    id: z.string(),
    annotationId: z.string(),
    decision: ReviewDecision,
    comment: z.string(),
    version: z.number().int().meta({ description: "The annotation version this review judged." }),
    current: z.boolean().meta({ description: "Whether `version` is the annotation's current version; older reviews no longer count." }),
    reviewer: Person,
    createdAt: Timestamp,
  })
  .meta({ id: "Review", description: "One reviewer's judgement of one version of an annotation." });
sameType<z.output<typeof Review>, ReviewDTO>(true);

export const Reply = z
  .object({
    id: z.string(),
    annotationId: z.string(),
    body: z.string().meta({ description: "Plain text; a mentioned person is written `<@userId>`." }),
    mentions: z.array(Person).meta({ description: "The people the body mentions, by their current names." }),
    author: Person,
    createdAt: Timestamp,
  })
  .meta({ id: "Reply", description: "A message in the discussion thread under an annotation." });
sameType<z.output<typeof Reply>, ReplyDTO>(true);

const annotationBase = {
  id: z.string(),
  claimId: z.string(),
  status: AnnotationStatus,
  version: z.number().int(),
  author: Person,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  submittedAt: Timestamp.nullable(),
  reviews: z.array(Review).meta({ description: "Reviews of every version, oldest first." }),
  replies: z.array(Reply).meta({ description: "The discussion thread, oldest first." }),
  approvals: z.number().int().meta({ description: "Approvals of the current version." }),
  requiredApprovals: z.number().int().meta({ description: "How many approvals the desk requires." }),
  can: z
    .object({
      edit: z.boolean(),
      delete: z.boolean(),
      submit: z.boolean(),
      withdraw: z.boolean(),
      review: z.boolean(),
      reply: z.boolean(),
    })
    .meta({ description: "What the caller may do with it (the server still decides each request)." }),
};

export const SourceAnnotation = z
  .object({
    ...annotationBase,
    kind: z.literal("source"),
    url: z.string(),
    title: z.string(),
    publisher: z.string().nullable(),
    excerpt: z.string().nullable(),
    stance: Stance,
    archive: SourceArchiveSchema.nullable(),
  })
  .meta({ id: "SourceAnnotation" });

export const VerificationAnnotation = z
  .object({
    ...annotationBase,
    kind: z.literal("verification"),
    verdict: Verdict,
    // A mentioned person is an inline `mention` node: `attrs.id` their user id, `attrs.label` their current name.
    rationale: RichTextDocument,
    rationaleText: z.string().meta({ description: "The rationale as plain text; a mentioned person is written `@Name`, by their current name." }),
    mentions: z.array(Person).meta({
      description:
        "The people the rationale mentions, by their current names, in order of first mention. In `rationale` each is an inline `mention` node: `attrs.id` their user id, `attrs.label` their current name (null for someone no longer on the desk).",
    }),
  })
  .meta({ id: "VerificationAnnotation" });

export const Annotation = z
  .discriminatedUnion("kind", [SourceAnnotation, VerificationAnnotation])
  .meta({ id: "Annotation", description: "A source or a verification on a claim, as the caller may see it." });
sameType<z.output<typeof Annotation>, AnnotationDTO>(true);

const annotationSummaryBase = {
  id: z.string(),
  claimId: z.string(),
  status: AnnotationStatus,
  version: z.number().int(),
  author: Person,
  updatedAt: Timestamp,
};

export const AnnotationSummary = z
  .discriminatedUnion("kind", [
    z.object({
      ...annotationSummaryBase,
      kind: z.literal("source"),
      url: z.string(),
      title: z.string(),
      publisher: z.string().nullable(),
      stance: Stance,
      archive: SourceArchiveSchema.nullable(),
    }),
    z.object({ ...annotationSummaryBase, kind: z.literal("verification"), verdict: Verdict }),
  ])
  .meta({ id: "AnnotationSummary", description: "An annotation as an article's claim list carries it." });
sameType<z.output<typeof AnnotationSummary>, AnnotationSummaryDTO>(true);

const claimFields = {
  id: z.string(),
  articleId: z.string(),
  revisionId: z.string(),
  status: ClaimStatus,
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  claimant: z.string().nullable(),
  createdBy: Person,
  createdAt: Timestamp,
  can: z.object({ delete: z.boolean(), annotate: z.boolean() }),
};

export const Claim = z
  .object({
    ...claimFields,
    annotations: z.array(Annotation),
    can: z.object({ delete: z.boolean(), annotate: z.boolean(), assign: z.boolean(), take: z.boolean(), release: z.boolean() }),
    assignment: Assignment.nullable(),
  })
  .meta({ id: "Claim", description: "A claim with the annotations the caller may see: every submitted one, and their own drafts." });
sameType<z.output<typeof Claim>, ClaimDTO>(true);

export const ClaimSummary = z
  .object({ ...claimFields, annotations: z.array(AnnotationSummary) })
  .meta({ id: "ClaimSummary", description: "A claim in an article's claim list, its annotations summarised." });
sameType<z.output<typeof ClaimSummary>, ClaimSummaryDTO>(true);

export const ReviewQueueItem = z
  .object({
    annotation: Annotation,
    claim: z.object({
      id: z.string(),
      exact: z.string(),
      prefix: z.string(),
      suffix: z.string(),
      claimant: z.string().nullable(),
      status: ClaimStatus,
    }),
    article: z.object({ id: z.string(), title: z.string() }),
  })
  .meta({ id: "ReviewQueueItem" });
sameType<z.output<typeof ReviewQueueItem>, ReviewQueueItemDTO>(true);

export const ActivityItem = z
  .object({
    id: z.string(),
    type: z.enum(["review", "reply"]),
    decision: ReviewDecision.nullable(),
    text: z.string().meta({ description: "The review comment or the reply body." }),
    actor: Person,
    createdAt: Timestamp,
    annotation: z.object({ id: z.string(), kind: z.enum(["source", "verification"]), version: z.number().int(), status: AnnotationStatus }),
    claim: z.object({ id: z.string(), exact: z.string() }),
    article: z.object({ id: z.string(), title: z.string() }),
  })
  .meta({ id: "ActivityItem", description: "A review or a reply by someone else on the caller's own work." });
sameType<z.output<typeof ActivityItem>, ActivityItemDTO>(true);

export const HistoryEntry = z
  .object({
    id: z.string(),
    action: z.string().meta({ description: "The audit action, e.g. `annotation.submitted`." }),
    summary: z.string(),
    actor: Person.nullable(),
    createdAt: Timestamp,
    annotationId: z.string().nullable(),
  })
  .meta({ id: "HistoryEntry" });
sameType<z.output<typeof HistoryEntry>, HistoryEntryDTO>(true);
