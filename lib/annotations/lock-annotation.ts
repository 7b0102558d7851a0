/**
 * The row lock on one annotation, taken after its claim's (`lockClaim`, always first: one
 * order everywhere, so two transactions never wait on each other crosswise).
 *
 * The claim lock already serialises every change made through the use cases; this one also
 * holds the annotation still against a writer that does not take the claim lock, for the
 * read-check-write of a review (status, version, earlier reviews → a new review and status).
 * `FOR NO KEY UPDATE`: inserting a review or reply takes `FOR KEY SHARE` on the annotation
 * through the foreign key, which this does not block.
 */
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Locks an annotation whose claim the transaction has locked; `not_found` when it is gone. */
export async function lockAnnotation(tx: Tx, annotationId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM annotations WHERE id = ${annotationId} FOR NO KEY UPDATE`;
  if (rows.length === 0) throw new AppError("not_found", "No such annotation.");
}
