/** The review queue: others' submitted annotations waiting for my review, oldest first. */
import { db, Prisma } from "@/lib/db";
import { parseInput } from "@/lib/validation";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import type { ReviewQueueItemDTO } from "@/lib/claims/present";
import { visibleAnnotationWhere } from "@/lib/annotations/access";
import { annotationSelect, presentAnnotation } from "@/lib/annotations/present-annotation";
import { PageInput } from "@/lib/reviews/schemas";
import { decodeCursor, encodeCursor } from "@/lib/reviews/cursor";
import { sqlTimestamp } from "@/lib/sql";
import { awaitingReviewBy } from "@/lib/reviews/review-queue";

export interface ListReviewQueueOptions {
  actor: Actor | null;
  /** `{cursor?, limit?}` (limit 1..100, default 50). */
  input?: unknown;
}

/**
 * A page of the annotations waiting for `actor`'s review (lib/reviews/review-queue.ts), the
 * longest-waiting first (by `submittedAt`), each with its claim and article. Two queries plus
 * Prisma's nested ones, whatever the page size.
 */
export async function listReviewQueue({ actor, input = {} }: ListReviewQueueOptions): Promise<{
  items: ReviewQueueItemDTO[];
  nextCursor: string | null;
}> {
  assertCan(actor, "annotation.review");
  const { cursor, limit } = parseInput(PageInput, input);
  const after = cursor ? decodeCursor(cursor) : null;
  // timestamp(3) columns hold UTC without a zone; compare with the same wall-clock text.
  const afterCondition = after
    ? Prisma.sql`AND (a.submitted_at, a.id) > (${sqlTimestamp(after.at)}, ${after.id})`
    : Prisma.empty;
  const page = await db.$queryRaw<{ id: string; submittedAt: Date }[]>`
    SELECT a.id, a.submitted_at AS "submittedAt"
    FROM annotations a
    WHERE ${awaitingReviewBy(actor.id)} ${afterCondition}
    ORDER BY a.submitted_at ASC, a.id ASC
    LIMIT ${limit + 1}`;
  const ids = page.slice(0, limit).map((row) => row.id);
  const rows = await db.annotation.findMany({
    // Visibility again: one could have been withdrawn to a draft between the two reads.
    where: { id: { in: ids }, ...visibleAnnotationWhere(actor) },
    select: {
      ...annotationSelect,
      claim: {
        select: {
          id: true,
          exact: true,
          prefix: true,
          suffix: true,
          claimant: true,
          status: true,
          article: { select: { id: true, title: true } },
        },
      },
    },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items = ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const { claim, ...annotation } = row;
    const { article, ...claimFields } = claim;
    return [{ annotation: presentAnnotation(annotation, actor), claim: claimFields, article }];
  });
  const last = page[limit - 1];
  return { items, nextCursor: page.length > limit && last ? encodeCursor(last.submittedAt, last.id) : null };
}
