/**
 * Reading published versions. Versions are public by design (docs/architecture.md, "Roles":
 * the anonymous may read them), so these reads take no actor: there is nothing to scope. They
 * read only `published_versions`, whose snapshots hold approved work alone
 * (lib/versions/snapshot.ts), so no draft or unapproved annotation can come out of here.
 */
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { claimCounts } from "@/lib/versions/snapshot";
import { readStoredSnapshot } from "@/lib/versions/snapshot-schema";
import type { PublishedVersionDTO } from "@/lib/versions/present";

/**
 * Version `number` of an article, with its snapshot; `not_found` when it was never published.
 * A stored snapshot that cannot be read raises `UnreadableSnapshotError` (a 500 with the reason
 * in the server log), never a half-read version.
 */
export async function getVersion({ articleId, number }: { articleId: string; number: number }): Promise<PublishedVersionDTO> {
  const row = await db.publishedVersion.findUnique({
    where: { articleId_number: { articleId, number } },
    select: { id: true, articleId: true, number: true, sha256: true, snapshot: true },
  });
  if (!row) throw new AppError("not_found", "No such version.");
  // Everything shown comes from the snapshot itself, so the page, the API and every export
  // agree with the published content and its hash (the columns duplicate it for queries).
  const snapshot = readStoredSnapshot(row.snapshot, `version ${row.number} of article ${row.articleId}`);
  return {
    id: row.id,
    articleId: row.articleId,
    number: row.number,
    publishedAt: snapshot.publishedAt,
    publishedBy: snapshot.publishedBy,
    note: snapshot.note,
    sha256: row.sha256,
    revisionNumber: snapshot.revision.number,
    counts: claimCounts(snapshot.claims),
    snapshot,
  };
}
