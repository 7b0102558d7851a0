/**
 * An article's claims as its claim list shows them (`ClaimSummaryDTO`), in one statement.
 *
 * The list of a long article is the desk's heaviest read: a thousand claims with two or three
 * annotations each. Built through Prisma's nested selects, most of its time went into making
 * and collecting several thousand row objects (a third of it garbage collection). Here
 * PostgreSQL assembles the list as one JSON document, which is parsed once; the claim's
 * full form (`getClaim`) still goes through Prisma and `lib/claims/present-claim.ts`, and
 * an integration test holds the two to the same answer.
 */
import { db, Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { AnnotationSummaryDTO, ClaimSummaryDTO, Stance, Verdict } from "@/lib/claims/present";
import { claimAbilities } from "@/lib/claims/present-claim";

/** A timestamp column (UTC, to the millisecond) as milliseconds since the epoch, for `new Date`. */
const EPOCH_MS = (column: "a.updated_at" | "c.created_at") => Prisma.raw(`floor(extract(epoch from ${column}) * 1000)::bigint`);

/** A claim as the statement below returns it: its summary, less abilities, with epoch timestamps. */
interface ClaimJson extends Omit<ClaimSummaryDTO, "annotations" | "can" | "createdAt"> {
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** All annotations, drafts included (whether the creator may still remove the claim). */
  annotationCount: number;
  annotations: AnnotationJson[];
}

/** An annotation as the statement returns it: every column of either kind, nulls included. */
interface AnnotationJson extends Pick<AnnotationSummaryDTO, "id" | "claimId" | "kind" | "status" | "version" | "author"> {
  /** Milliseconds since the epoch. */
  updatedAt: number;
  url: string | null;
  title: string | null;
  publisher: string | null;
  stance: Stance | null;
  verdict: Verdict | null;
}

/**
 * The claims of `articleId` with the annotations `actor` may see (every one past draft, and
 * their own drafts: `visibleAnnotationWhere`), in document order: by start, the longer of
 * two claims starting together first, then by creation. Timestamps are formatted as
 * `Date#toISOString` formats them (the columns hold UTC to the millisecond).
 */
export async function loadClaimSummaries(actor: Actor, articleId: string): Promise<ClaimSummaryDTO[]> {
  const [row] = await db.$queryRaw<{ claims: string }[]>`
    WITH annotated AS (
      SELECT
        a.claim_id,
        count(*) AS total,
        json_agg(json_build_object(
          'id', a.id,
          'claimId', a.claim_id,
          'kind', a.kind,
          'status', a.status,
          'version', a.version,
          'author', json_build_object('id', author.id, 'name', author.name),
          'updatedAt', ${EPOCH_MS("a.updated_at")},
          'url', a.url,
          'title', a.title,
          'publisher', a.publisher,
          'stance', a.stance,
          'verdict', a.verdict
        ) ORDER BY a.created_at, a.id) FILTER (WHERE a.status <> 'draft' OR a.author_id = ${actor.id}) AS visible
      FROM annotations a
      JOIN claims owner ON owner.id = a.claim_id
      JOIN users author ON author.id = a.author_id
      WHERE owner.article_id = ${articleId}
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
      'createdAt', ${EPOCH_MS("c.created_at")},
      'annotationCount', coalesce(annotated.total, 0),
      'annotations', coalesce(annotated.visible, '[]'::json)
    ) ORDER BY c.start, c."end" DESC, c.created_at, c.id), '[]'::json)::text AS claims
    FROM claims c
    JOIN users creator ON creator.id = c.created_by_id
    LEFT JOIN annotated ON annotated.claim_id = c.id
    WHERE c.article_id = ${articleId}`;
  const claims = JSON.parse(row?.claims ?? "[]") as ClaimJson[];
  return claims.map(({ annotationCount, annotations, createdBy, createdAt, ...claim }) => ({
    ...claim,
    createdBy,
    createdAt: new Date(createdAt).toISOString(),
    annotations: annotations.map(presentAnnotationJson),
    can: claimAbilities(actor, { createdById: createdBy.id, annotationCount }),
  }));
}

function presentAnnotationJson(annotation: AnnotationJson): AnnotationSummaryDTO {
  const { id, claimId, status, version, author } = annotation;
  const base = { id, claimId, status, version, author, updatedAt: new Date(annotation.updatedAt).toISOString() };
  if (annotation.kind === "source") {
    return {
      ...base,
      kind: "source",
      url: annotation.url ?? "",
      title: annotation.title ?? "",
      publisher: annotation.publisher,
      stance: annotation.stance ?? "context",
    };
  }
  return { ...base, kind: "verification", verdict: annotation.verdict ?? "unverifiable" };
}
