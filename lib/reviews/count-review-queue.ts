/** How many annotations wait for my review: the number on the header badge. */
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { awaitingReviewBy } from "@/lib/reviews/review-queue";

/** The size of `actor`'s review queue (the same condition as `listReviewQueue`). */
export async function countReviewQueue({ actor }: { actor: Actor | null }): Promise<number> {
  assertCan(actor, "annotation.review");
  const [row] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM annotations a WHERE ${awaitingReviewBy(actor.id)}`;
  return row?.count ?? 0;
}
