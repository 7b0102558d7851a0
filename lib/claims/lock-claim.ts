/**
 * Row locks on a claim, taken first by every transaction that changes the claim or its
 * annotations (docs/conventions.md, "Lock or version before read-modify-write").
 *
 * Why: a claim's status is derived from all of its annotations (D4). Two transactions that
 * change different annotations of one claim would each derive the status from a snapshot
 * without the other's change, and the last to commit would store a status that matches
 * neither. Holding the claim row makes them take turns, and under READ COMMITTED the second
 * one then reads the first one's committed change.
 *
 * `FOR NO KEY UPDATE` (not `FOR UPDATE`) so that inserting an annotation, which takes
 * `FOR KEY SHARE` on the claim through its foreign key, cannot deadlock with another
 * transaction doing the same. Deleting a claim takes `FOR UPDATE`, which does conflict with
 * those inserts: a claim cannot be removed "with no annotations" while one is being added.
 */
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ClaimStatus } from "@/lib/claims/present";

/** The locked claim's ids, and its status as of the lock. */
export interface LockedClaim {
  id: string;
  articleId: string;
  /**
   * The stored status, read with the lock: every other writer of the row waits for this
   * transaction, so it stays current until this transaction changes it itself.
   */
  status: ClaimStatus;
}

/** Locks a claim before its annotations change; `not_found` when it is gone. */
export async function lockClaim(tx: Tx, claimId: string): Promise<LockedClaim> {
  const rows = await tx.$queryRaw<LockedClaim[]>`
    SELECT id, article_id AS "articleId", status::text AS status FROM claims WHERE id = ${claimId} FOR NO KEY UPDATE`;
  return found(rows);
}

/** Locks a claim that is about to be deleted; `not_found` when it is gone. */
export async function lockClaimForDelete(tx: Tx, claimId: string): Promise<LockedClaim> {
  const rows = await tx.$queryRaw<LockedClaim[]>`
    SELECT id, article_id AS "articleId", status::text AS status FROM claims WHERE id = ${claimId} FOR UPDATE`;
  return found(rows);
}

function found(rows: LockedClaim[]): LockedClaim {
  const row = rows[0];
  if (!row) throw new AppError("not_found", "No such claim.");
  return row;
}
