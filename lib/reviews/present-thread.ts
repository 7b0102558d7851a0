/** Review and reply rows → `ReviewDTO` / `ReplyDTO` (lib/claims/present.ts). */
import type { Prisma } from "@/lib/db";
import type { ReplyDTO, ReviewDTO } from "@/lib/claims/present";

/** The columns of a review's DTO. */
export const reviewSelect = {
  id: true,
  annotationId: true,
  reviewerId: true,
  decision: true,
  comment: true,
  version: true,
  createdAt: true,
  reviewer: { select: { id: true, name: true } },
} as const satisfies Prisma.ReviewSelect;

/** The columns of a reply's DTO. */
export const replySelect = {
  id: true,
  annotationId: true,
  body: true,
  createdAt: true,
  author: { select: { id: true, name: true } },
  mentions: { select: { user: { select: { id: true, name: true } } } },
} as const satisfies Prisma.ReplySelect;

/** Oldest first; the id breaks ties between rows of the same millisecond. */
export const threadOrder = [{ createdAt: "asc" }, { id: "asc" }] as const satisfies Prisma.ReviewOrderByWithRelationInput[];

export type ReviewRow = Prisma.ReviewGetPayload<{ select: typeof reviewSelect }>;
export type ReplyRow = Prisma.ReplyGetPayload<{ select: typeof replySelect }>;

/** A review, marked current when it judged the annotation's `currentVersion`. */
export function presentReview(row: ReviewRow, currentVersion: number): ReviewDTO {
  return {
    id: row.id,
    annotationId: row.annotationId,
    decision: row.decision,
    comment: row.comment,
    version: row.version,
    current: row.version === currentVersion,
    reviewer: { id: row.reviewer.id, name: row.reviewer.name },
    createdAt: row.createdAt.toISOString(),
  };
}

/** A reply in an annotation's thread. */
export function presentReply(row: ReplyRow): ReplyDTO {
  return {
    id: row.id,
    annotationId: row.annotationId,
    body: row.body,
    mentions: row.mentions.map(({ user }) => ({ id: user.id, name: user.name })),
    author: { id: row.author.id, name: row.author.name },
    createdAt: row.createdAt.toISOString(),
  };
}
