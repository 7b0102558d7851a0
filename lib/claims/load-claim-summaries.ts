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
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { AnnotationSummaryDTO, ClaimStatus, ClaimSummaryDTO, PersonDTO, Stance, Verdict } from "@/lib/claims/present";
import { claimAbilities } from "@/lib/claims/present-claim";

/** A claim as the statement below returns it. */
interface ClaimJson {
  id: string;
  articleId: string;
  revisionId: string;
  status: ClaimStatus;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  claimant: string | null;
  createdBy: PersonDTO;
  createdAt: string;
  /** All annotations, drafts included (whether the creator may still remove the claim). */
  annotationCount: number;
  annotations: AnnotationJson[];
}

interface AnnotationJson {
  id: string;
  claimId: string;
  kind: "source" | "verification";
  status: AnnotationSummaryDTO["status"];
  version: number;
  author: PersonDTO;
  updatedAt: string;
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
      'createdAt', to_char(c.created_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'annotationCount', (SELECT count(*) FROM annotations counted WHERE counted.claim_id = c.id),
      'annotations', coalesce((
        SELECT json_agg(json_build_object(
          'id', a.id,
          'claimId', a.claim_id,
          'kind', a.kind,
          'status', a.status,
          'version', a.version,
          'author', json_build_object('id', author.id, 'name', author.name),
          'updatedAt', to_char(a.updated_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'url', a.url,
          'title', a.title,
          'publisher', a.publisher,
          'stance', a.stance,
          'verdict', a.verdict
        ) ORDER BY a.created_at, a.id)
        FROM annotations a
        JOIN users author ON author.id = a.author_id
        WHERE a.claim_id = c.id AND (a.status <> 'draft' OR a.author_id = ${actor.id})
      ), '[]'::json)
    ) ORDER BY c.start, c."end" DESC, c.created_at, c.id), '[]'::json)::text AS claims
    FROM claims c
    JOIN users creator ON creator.id = c.created_by_id
    WHERE c.article_id = ${articleId}`;
  const claims = JSON.parse(row?.claims ?? "[]") as ClaimJson[];
  return claims.map(({ annotationCount, annotations, createdBy, ...claim }) => ({
    ...claim,
    createdBy,
    annotations: annotations.map(presentAnnotationJson),
    can: claimAbilities(actor, { createdById: createdBy.id, annotationCount }),
  }));
}

function presentAnnotationJson(annotation: AnnotationJson): AnnotationSummaryDTO {
  const { id, claimId, status, version, author, updatedAt } = annotation;
  const base = { id, claimId, status, version, author, updatedAt };
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
