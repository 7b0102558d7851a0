/** Annotation rows → `AnnotationDTO` (lib/claims/present.ts), with the asking user's abilities. */
import type { JSONContent } from "@tiptap/core";
import type { Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { AnnotationDTO, AnnotationSummaryDTO } from "@/lib/claims/present";
import { requiredApprovals } from "@/lib/settings";
import { rationaleForReader, rationaleMentionIds } from "@/lib/annotations/rationale";
import { annotationAbilities } from "@/lib/annotations/access";
import { presentReply, presentReview, replySelect, reviewSelect, threadOrder } from "@/lib/reviews/present-thread";
import { latestArchiveSelect, presentArchive, type ArchiveSummaryRow } from "@/lib/archives/present-archive";

/**
 * The annotation row's own columns, without relations: what an INSERT or UPDATE can return
 * in the same statement.
 */
export const annotationScalars = {
  id: true,
  claimId: true,
  kind: true,
  status: true,
  version: true,
  authorId: true,
  url: true,
  title: true,
  publisher: true,
  excerpt: true,
  stance: true,
  verdict: true,
  rationale: true,
  rationaleText: true,
  submittedAt: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.AnnotationSelect;

/** The columns of an annotation itself: what its audit snapshot and the state checks need. */
export const annotationColumns = {
  ...annotationScalars,
  author: { select: { id: true, name: true } },
} as const satisfies Prisma.AnnotationSelect;

/**
 * The columns an annotation's DTO needs: its own, with its reviews and replies as nested
 * selects (one query per level, however many annotations are loaded).
 */
export const annotationSelect = {
  ...annotationColumns,
  reviews: { orderBy: threadOrder, select: reviewSelect },
  replies: { orderBy: threadOrder, select: replySelect },
  archives: latestArchiveSelect,
  mentions: { select: { user: { select: { id: true, name: true } } } },
} as const satisfies Prisma.AnnotationSelect;

/** An annotation row as `annotationScalars` returns it. */
export type AnnotationScalarsRow = Prisma.AnnotationGetPayload<{ select: typeof annotationScalars }>;

/** An annotation row as `annotationColumns` loads it. */
export type AnnotationColumnsRow = Prisma.AnnotationGetPayload<{ select: typeof annotationColumns }>;

/** An annotation row as `annotationSelect` loads it. */
export type AnnotationRow = Prisma.AnnotationGetPayload<{ select: typeof annotationSelect }>;

/**
 * The columns an annotation's summary is made from: what the claim list's statement
 * (lib/claims/load-claim-summaries.ts) reads for each annotation, and part of every
 * `annotationSelect` row.
 */
export type AnnotationSummaryRow = Pick<
  AnnotationColumnsRow,
  "id" | "claimId" | "kind" | "status" | "version" | "author" | "updatedAt" | "url" | "title" | "publisher" | "stance" | "verdict"
> & {
  /** The newest archive attempt of a source (`latestArchiveSelect`): at most one row. */
  archives: readonly ArchiveSummaryRow[];
};

/** The annotation as an article's claim list carries it (`AnnotationSummaryDTO`). */
export function presentAnnotationSummary(row: AnnotationSummaryRow): AnnotationSummaryDTO {
  // One literal per kind rather than a spread base: an article's list makes thousands of these.
  const author = { id: row.author.id, name: row.author.name };
  const updatedAt = row.updatedAt.toISOString();
  if (row.kind === "source") {
    return {
      id: row.id,
      claimId: row.claimId,
      status: row.status,
      version: row.version,
      author,
      updatedAt,
      kind: "source",
      url: row.url ?? "",
      title: row.title ?? "",
      publisher: row.publisher,
      stance: row.stance ?? "context",
      archive: presentArchive(row.archives, row.url),
    };
  }
  return {
    id: row.id,
    claimId: row.claimId,
    status: row.status,
    version: row.version,
    author,
    updatedAt,
    kind: "verification",
    verdict: row.verdict ?? "unverifiable",
  };
}

/** The annotation as the API and the editor see it: its summary with its content, thread and abilities. */
export function presentAnnotation(row: AnnotationRow, actor: Actor): AnnotationDTO {
  const summary = presentAnnotationSummary(row);
  const approvals = row.reviews.filter((review) => review.version === row.version && review.decision === "approve").length;
  const details = {
    createdAt: row.createdAt.toISOString(),
    submittedAt: row.submittedAt ? row.submittedAt.toISOString() : null,
    reviews: row.reviews.map((review) => presentReview(review, row.version)),
    replies: row.replies.map(presentReply),
    approvals,
    requiredApprovals: requiredApprovals(),
    can: annotationAbilities(actor, row),
  };
  if (summary.kind === "source") {
    return { ...summary, ...details, excerpt: row.excerpt };
  }
  // Mentions are stored as ids: the reader gets each person's current name.
  const names = new Map(row.mentions.map(({ user }) => [user.id, user.name]));
  const rationale = rationaleForReader(
    { doc: (row.rationale ?? { type: "doc", content: [{ type: "paragraph" }] }) as JSONContent, text: row.rationaleText ?? "" },
    names,
  );
  return {
    ...summary,
    ...details,
    rationale: rationale.doc,
    rationaleText: rationale.text,
    mentions: rationaleMentionIds(rationale.doc).flatMap((id) => {
      const name = names.get(id);
      return name === undefined ? [] : [{ id, name }];
    }),
  };
}

/**
 * The row of an annotation its author has just created, as `annotationSelect` would load it,
 * without reading it back: the author is the actor, and a new annotation has no reviews and
 * no replies yet (both need it to exist first); `mentioned` are the people its rationale names.
 */
export function newAnnotationRow(
  row: AnnotationScalarsRow,
  author: Actor,
  archives: ArchiveSummaryRow[] = [],
  mentioned: { id: string; name: string }[] = [],
): AnnotationRow {
  const mentions = mentioned.map((person) => ({ user: { id: person.id, name: person.name } }));
  return { ...row, author: { id: author.id, name: author.name }, reviews: [], replies: [], archives, mentions };
}

/** What the audit trail keeps of an annotation: its content and state, not its author's name. */
export function annotationSnapshot(row: AnnotationScalarsRow): Prisma.InputJsonObject {
  const common = { claimId: row.claimId, kind: row.kind, status: row.status, version: row.version };
  if (row.kind === "source") {
    return { ...common, url: row.url, title: row.title, publisher: row.publisher, excerpt: row.excerpt, stance: row.stance };
  }
  return {
    ...common,
    verdict: row.verdict,
    rationaleText: row.rationaleText,
    rationale: row.rationale as Prisma.InputJsonValue | null,
  };
}
