/**
 * An article's claims as its claim list shows them (`ClaimSummaryDTO`).
 *
 * The list of a long article is the desk's heaviest read (a thousand claims with two or three
 * annotations each), and every open workspace reads it again whenever someone changes
 * something. So one statement reads every claim with its annotations, in document order, as
 * one JSON document of rows; the same presenters as the claim's full form (`getClaim`) turn
 * them into summaries (`presentClaimFields`, `presentAnnotationSummary`), and the server keeps
 * the latest lists in memory (`VersionedCache`), under a fingerprint of the rows they were
 * built from that each read takes from the database first (`claimListVersion`). The kept list
 * holds every annotation, drafts included; each reader then gets the ones they may see (every
 * one past draft, and their own drafts) and their abilities on each claim.
 */
import { db, Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { VersionedCache } from "@/lib/cache/versioned-cache";
import { deepFreeze } from "@/lib/cache/deep-freeze";
import { sqlIsoText } from "@/lib/sql";
import type { ClaimSummaryDTO } from "@/lib/claims/present";
import { claimAbilities, presentClaimFields, type ClaimFieldsRow } from "@/lib/claims/present-claim";
import { DOCUMENT_ORDER } from "@/lib/claims/document-order";
import { presentAnnotationSummary, type AnnotationSummaryRow } from "@/lib/annotations/present-annotation";
import { isAnnotationVisibleTo } from "@/lib/annotations/access";
import type { ArchiveSummaryRow } from "@/lib/archives/present-archive";

/**
 * `ORDER BY` of claims in document order (lib/claims/document-order.ts), over the claims
 * table as `alias`; ids compare in the "C" collation, as `compareDocumentOrder` compares them.
 * Written from constants only.
 */
export function documentOrderSql(alias: string): Prisma.Sql {
  const keys = DOCUMENT_ORDER.map(({ field, column, descending }) =>
    [`${alias}."${column}"`, field === "id" ? ` COLLATE "C"` : "", descending ? " DESC" : " ASC"].join(""),
  );
  return Prisma.raw(keys.join(", "));
}

/** The claims statement's rows: the presenters' rows, timestamps as `Date#toISOString` text. */
type Timestamped<T, K extends keyof T> = Omit<T, K> & { [P in K]: string };
type ArchiveListRow = Omit<ArchiveSummaryRow, "archivedAt"> & { archivedAt: string | null };
type AnnotationListRow = Omit<Timestamped<AnnotationSummaryRow, "updatedAt">, "archives"> & { archives: ArchiveListRow[] };
type ClaimListRow = Timestamped<ClaimFieldsRow, "createdAt"> & { annotations: AnnotationListRow[] };

/** A claim as every reader's list is made from: all of its annotations, no abilities. */
export type StoredClaim = Omit<ClaimSummaryDTO, "can">;

/** The claim lists of the articles read last; a list is about 1 MB for a thousand claims. */
const claimLists = new VersionedCache<readonly StoredClaim[]>(16);

/**
 * A fingerprint of everything an article's claim list is built from: its claims, their
 * annotations, the archive attempts of its sources (an archive job completes one without
 * touching the annotation) and the names of people. It is made of each row's id and `xmin`, the id of the
 * transaction that wrote that version of the row: an insert, update or delete by any writer
 * changes it, and a lock or a read does not. `articleId` is an SQL expression, so the
 * fingerprint can be read in the same statement as the article.
 */
export function claimListVersion(articleId: Prisma.Sql): Prisma.Sql {
  const rows = (table: Prisma.Sql, where: Prisma.Sql) =>
    Prisma.sql`(SELECT coalesce(md5(string_agg(t.id || ':' || t.xmin::text, ',' ORDER BY t.id)), '') FROM ${table} ${where})`;
  return Prisma.sql`${rows(Prisma.sql`claims t`, Prisma.sql`WHERE t.article_id = ${articleId}`)}
    || '/' || ${rows(Prisma.sql`annotations t JOIN claims owner ON owner.id = t.claim_id`, Prisma.sql`WHERE owner.article_id = ${articleId}`)}
    || '/' || ${rows(
      Prisma.sql`source_archives t JOIN annotations source ON source.id = t.annotation_id JOIN claims owner ON owner.id = source.claim_id`,
      Prisma.sql`WHERE owner.article_id = ${articleId}`,
    )}
    || '/' || ${rows(Prisma.sql`users t`, Prisma.empty)}`;
}

/**
 * The claims of `articleId` with the annotations `actor` may see (every one past draft, and
 * their own drafts: `visibleAnnotationWhere`), in document order (lib/claims/document-order.ts).
 * `version` is the article's
 * `claimListVersion`, read just before.
 */
export async function loadClaimSummaries(actor: Actor, articleId: string, version: string): Promise<ClaimSummaryDTO[]> {
  const claims = await claimLists.get(articleId, version, () => readStoredClaims(articleId));
  return claims.map((claim) => ({
    ...visibleSummary(actor, claim),
    can: claimAbilities(actor, { createdById: claim.createdBy.id, annotationCount: claim.annotations.length }),
  }));
}

/** A stored claim with the annotations `actor` may see (every one past draft, and their own drafts). */
export function visibleSummary(actor: Actor, claim: StoredClaim): StoredClaim {
  return {
    ...claim,
    annotations: claim.annotations.filter((annotation) => isAnnotationVisibleTo(actor, { status: annotation.status, authorId: annotation.author.id })),
  };
}

/**
 * Every claim of the article with all of its annotations, in their summary shape. Read after
 * the version it is kept under, so a list is never older than its version: a change that
 * lands in between makes the list newer, and the next reader's version a miss.
 *
 * The statement selects the columns the presenters take, nothing more, so that one statement
 * serves any number of claims and the summaries are made by the same code as the claim's
 * full form.
 */
export async function readStoredClaims(articleId: string, claimIds?: readonly string[]): Promise<readonly StoredClaim[]> {
  const some = claimIds === undefined ? Prisma.empty : Prisma.sql`AND c.id = ANY(${[...claimIds]}::text[])`;
  const someAnnotations = claimIds === undefined ? Prisma.empty : Prisma.sql`AND a.claim_id = ANY(${[...claimIds]}::text[])`;
  const [row] = await db.$queryRaw<{ claims: string }[]>`
    WITH annotated AS (
      SELECT
        a.claim_id,
        json_agg(json_build_object(
          'id', a.id, 'claimId', a.claim_id, 'kind', a.kind, 'status', a.status, 'version', a.version,
          'author', json_build_object('id', author.id, 'name', author.name), 'updatedAt', ${sqlIsoText("a.updated_at")},
          'url', a.url, 'title', a.title, 'publisher', a.publisher, 'stance', a.stance, 'verdict', a.verdict,
          'archives', coalesce((
            SELECT json_agg(json_build_object(
              'id', s.id, 'url', s.url, 'status', s.status, 'archivedAt', ${sqlIsoText("s.archived_at")},
              'sha256', s.sha256, 'httpStatus', s.http_status, 'error', s.error, 'waybackUrl', s.wayback_url
            ))
            FROM (
              SELECT * FROM source_archives latest WHERE latest.annotation_id = a.id AND a.kind = 'source'
              ORDER BY latest.requested_at DESC, latest.id DESC LIMIT 1
            ) s
          ), '[]'::json)
        ) ORDER BY a.created_at, a.id) AS annotations
      FROM annotations a
      JOIN claims owner ON owner.id = a.claim_id
      JOIN users author ON author.id = a.author_id
      WHERE owner.article_id = ${articleId} ${someAnnotations}
      GROUP BY a.claim_id
    )
    SELECT coalesce(json_agg(json_build_object(
      'id', c.id,
      'articleId', c.article_id,
      'revisionId', c.revision_id,
      'status', c.status,
      'exact', c.exact,
      'prefix', c.prefix,
      'suffix', c.suffix,
      'start', c.start,
      'end', c."end",
      'claimant', c.claimant,
      'createdBy', json_build_object('id', creator.id, 'name', creator.name),
      'createdAt', ${sqlIsoText("c.created_at")},
      'annotations', coalesce(annotated.annotations, '[]'::json)
    ) ORDER BY ${documentOrderSql("c")}), '[]'::json)::text AS claims
    FROM claims c
    JOIN users creator ON creator.id = c.created_by_id
    LEFT JOIN annotated ON annotated.claim_id = c.id
    WHERE c.article_id = ${articleId} ${some}`;
  const rows = JSON.parse(row?.claims ?? "[]") as ClaimListRow[];
  // Each row overrides its timestamps with a Date, as Prisma hands them to the presenters.
  const claims = rows.map((claim) => ({
    ...presentClaimFields({ ...claim, createdAt: new Date(claim.createdAt) }),
    annotations: claim.annotations.map((annotation) =>
      presentAnnotationSummary({
        ...annotation,
        updatedAt: new Date(annotation.updatedAt),
        archives: annotation.archives.map((archive) => ({ ...archive, archivedAt: archive.archivedAt === null ? null : new Date(archive.archivedAt) })),
      }),
    ),
  }));
  // Shared by every reader of this version: frozen, so that no caller can change it for the others.
  return deepFreeze(claims);
}
