/** Response schemas of articles and revisions, each checked against its DTO in lib/articles/. */
import { z } from "zod";
import { CLAIM_STATUSES } from "@/lib/claims/present";
import type {
  ArticleDTO,
  ArticleSummaryDTO,
  CreatedRevisionDTO,
  RevisionDetailDTO,
  RevisionSummaryDTO,
} from "@/lib/articles/present";
import type { ArticlePreviewDTO } from "@/lib/articles/preview-article";
import { WebPageSchema } from "@/lib/articles/schemas";
import { IMPORT_FILE_TYPES } from "@/lib/articles/import/read-import-file";
import { ClaimSummary } from "@/lib/openapi/responses/claims";
import { Person, RichTextDocument, Timestamp } from "@/lib/openapi/responses/common";
import { Assignment } from "@/lib/openapi/responses/assignments";
import { sameType } from "@/lib/openapi/same-type";

export const ArticleSummary = z
  .object({
    id: z.string(),
    title: z.string(),
    outlet: z.string().nullable(),
    author: z.string().nullable(),
    publishedAt: Timestamp.nullable(),
    createdAt: Timestamp,
    revisionNumber: z.number().int(),
    claimCount: z.number().int(),
    statusCounts: z.record(z.enum(CLAIM_STATUSES), z.number().int()).meta({ description: "How many claims are in each status." }),
    assignment: Assignment.nullable(),
  })
  .meta({ id: "ArticleSummary" });
sameType<z.output<typeof ArticleSummary>, ArticleSummaryDTO>(true);

const revisionFields = {
  id: z.string(),
  number: z.number().int().meta({ description: "The revision's number (1, 2, …): what `revision` and `baseRevision` in requests refer to." }),
  text: z.string().meta({ description: "Canonical text: claims' `start` and `end` are offsets into it." }),
  doc: RichTextDocument,
  createdAt: Timestamp,
};

export const Article = z
  .object({
    id: z.string(),
    title: z.string(),
    outlet: z.string().nullable(),
    author: z.string().nullable(),
    url: z.string().nullable(),
    publishedAt: Timestamp.nullable(),
    createdAt: Timestamp,
    revision: z.object(revisionFields).meta({ description: "The current revision." }),
    claims: z.array(ClaimSummary).meta({ description: "Claims anchored in the current revision, in document order." }),
    orphanedClaims: z.array(ClaimSummary).meta({ description: "Claims whose text could not be found again in the current revision." }),
    progress: z.object({ verified: z.number().int(), total: z.number().int() }),
    agreement: z
      .object({ alpha: z.number().nullable(), claims: z.number().int(), reviewers: z.number().int() })
      .meta({ description: "Inter-reviewer agreement on verdicts (Krippendorff's ordinal alpha; null with too few verdicts)." }),
    liveEventId: z
      .number()
      .int()
      .meta({ description: "The article's newest live event when this was read: follow its changes from here with `GET /api/articles/{id}/events?after=`." }),
  })
  .meta({ id: "Article" });
sameType<z.output<typeof Article>, ArticleDTO>(true);

export const RevisionSummary = z
  .object({
    id: z.string(),
    number: z.number().int(),
    createdAt: Timestamp,
    createdBy: Person.nullable(),
    characters: z.number().int().meta({ description: "Length of its canonical text." }),
  })
  .meta({ id: "RevisionSummary" });
sameType<z.output<typeof RevisionSummary>, RevisionSummaryDTO>(true);

export const RevisionList = z.object({
  article: z.object({ id: z.string(), title: z.string() }),
  items: z.array(RevisionSummary),
  nextCursor: z.null(),
});

export const RevisionDetail = z
  .object({ ...revisionFields, articleId: z.string(), createdBy: Person.nullable() })
  .meta({ id: "RevisionDetail" });
sameType<z.output<typeof RevisionDetail>, RevisionDetailDTO>(true);

export const CreatedRevision = z
  .object({
    ...revisionFields,
    articleId: z.string(),
    createdBy: Person.nullable(),
    claims: z
      .object({
        unchanged: z.number().int(),
        moved: z.number().int(),
        changed: z.number().int(),
        orphaned: z.number().int(),
        needsReverification: z.number().int(),
      })
      .meta({ description: "How the article's claims re-anchored on the new text." }),
  })
  .meta({ id: "CreatedRevision" });
sameType<z.output<typeof CreatedRevision>, CreatedRevisionDTO>(true);

const DocumentOrigin = z.union([
  z.enum(["text", "html", "doc", "url"]),
  z.templateLiteral(["file:", z.enum(IMPORT_FILE_TYPES)]),
]);

export const ArticlePreview = z
  .object({
    doc: RichTextDocument,
    text: z.string(),
    blocks: z.number().int(),
    characters: z.number().int(),
    origin: DocumentOrigin,
    warnings: z.array(z.string()),
    suggestedTitle: z.string().nullable(),
    page: WebPageSchema.nullable().meta({ description: "For `{url}` alone: what was read from the page." }),
  })
  .meta({ id: "ArticlePreview" });
sameType<z.output<typeof ArticlePreview>, ArticlePreviewDTO>(true);
