/**
 * Which annotations wait for a reviewer: submitted, by someone else, and not yet reviewed by
 * them at the current version (with more than one approval required, an annotation this
 * reviewer approved stays submitted but leaves their queue).
 *
 * "At the current version" compares a review's version with its annotation's, a comparison
 * across two tables that Prisma's filters cannot express; the condition is SQL, shared by the
 * page and the count so that the badge and the list always agree.
 */
import { Prisma } from "@/lib/db";

/** The SQL condition on `annotations a` for "waiting for `reviewerId`". */
export function awaitingReviewBy(reviewerId: string): Prisma.Sql {
  return Prisma.sql`a.status = 'submitted'
    AND a.author_id <> ${reviewerId}
    AND NOT EXISTS (
      SELECT 1 FROM reviews r
      WHERE r.annotation_id = a.id AND r.reviewer_id = ${reviewerId} AND r.version = a.version
    )`;
}
