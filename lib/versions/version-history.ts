/**
 * The published versions of an article and its corrections log. Public, like every read of
 * published versions (lib/versions/get-version.ts). One query, which leaves the article text
 * and documents in the database: only the claims of each snapshot are read.
 */
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/auth/policy";
import type { AnyActor } from "@/lib/auth/actor";
import type { PersonDTO } from "@/lib/claims/present";
import { claimCounts, type SnapshotClaim } from "@/lib/versions/snapshot";
import { corrections } from "@/lib/versions/corrections";
import type { VersionHistoryDTO, VersionSummaryDTO } from "@/lib/versions/present";

interface HeadRow {
  id: string;
  number: number;
  sha256: string;
  publishedAt: string;
  note: string | null;
  publishedBy: PersonDTO;
  revisionNumber: number;
  claims: SnapshotClaim[];
}

/** Every version of the article, oldest first, with the corrections between them; empty for an unknown article. */
export async function getVersionHistory({ articleId }: { articleId: string }): Promise<VersionHistoryDTO> {
  const rows = await db.$queryRaw<HeadRow[]>`
    SELECT id,
           number,
           sha256,
           snapshot->>'publishedAt' AS "publishedAt",
           snapshot->>'note' AS note,
           snapshot->'publishedBy' AS "publishedBy",
           (snapshot->'revision'->>'number')::int AS "revisionNumber",
           snapshot->'claims' AS claims
      FROM published_versions
     WHERE article_id = ${articleId}
     ORDER BY number`;
  const versions: VersionSummaryDTO[] = rows.map((row) => ({
    id: row.id,
    articleId,
    number: row.number,
    publishedAt: row.publishedAt,
    publishedBy: { id: row.publishedBy.id, name: row.publishedBy.name },
    note: row.note,
    sha256: row.sha256,
    revisionNumber: row.revisionNumber,
    counts: claimCounts(row.claims),
  }));
  return { articleId, versions, corrections: corrections(rows) };
}

/**
 * The versions of an article, oldest first (`GET /api/articles/:id/versions`). With none
 * published, the anonymous get `not_found` whether or not the article exists (an unpublished
 * article is not theirs to know of); signed-in readers get an empty list for an article that
 * exists and `not_found` for one that does not.
 */
export async function listVersions({ actor, articleId }: { actor: AnyActor | null; articleId: string }): Promise<VersionSummaryDTO[]> {
  const { versions } = await getVersionHistory({ articleId });
  if (versions.length > 0) return versions;
  const exists = can(actor, "article.read") && (await db.article.count({ where: { id: articleId } })) > 0;
  if (!exists) throw new AppError("not_found", "No published versions of this article.");
  return versions;
}
