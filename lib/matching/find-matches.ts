/**
 * "Checked before": the claims elsewhere on the desk that say what a claim says.
 *
 * PostgreSQL finds the candidates: claims sharing any of the claim's search terms (its
 * tsvector, GIN index), best `ts_rank` first, and near-identical quotes by trigram similarity
 * (pg_trgm) for what stemming misses. The re-ranker (lib/matching/rerank.ts) then scores
 * them with numbers and names weighing most, and keeps those above the similar threshold
 * (lib/matching/config.ts). Claims of the same article are left out: they are the same text.
 */
import { db, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import type { ClaimStatus, Verdict } from "@/lib/claims/present";
import { MATCHING } from "@/lib/matching/config";
import { deskStats } from "@/lib/matching/desk-stats";
import { rerank } from "@/lib/matching/rerank";
import { versionPath } from "@/lib/versions/urls";
import type { MatchedClaimDTO, MatchesDTO } from "@/lib/search/schemas";

interface CandidateRow {
  id: string;
  exact: string;
}

/** The candidates PostgreSQL offers for a claim (not the claim, not its article). */
export async function matchCandidates(claimId: string): Promise<CandidateRow[]> {
  return db.$queryRaw<CandidateRow[]>`
    WITH src AS (
      SELECT id, article_id, search_vector, match_text FROM claims WHERE id = ${claimId}
    ), terms AS (
      SELECT to_tsquery('pg_catalog.simple', string_agg(lexeme, ' | ')) AS query
      FROM src, unnest(tsvector_to_array(src.search_vector)) AS lexeme
      WHERE lexeme ~ '^[[:alnum:]]+$'
    ), by_text AS (
      SELECT c.id FROM claims c, terms, src
      WHERE terms.query IS NOT NULL AND c.search_vector @@ terms.query AND c.article_id <> src.article_id
      ORDER BY ts_rank(c.search_vector, terms.query) DESC, c.id
      LIMIT ${MATCHING.textCandidates}
    ), by_trigram AS (
      SELECT c.id FROM claims c, src
      WHERE c.match_text % src.match_text AND c.article_id <> src.article_id
      ORDER BY similarity(c.match_text, src.match_text) DESC, c.id
      LIMIT ${MATCHING.trigramCandidates}
    )
    SELECT c.id, c.exact FROM claims c
    WHERE c.id IN (SELECT id FROM by_text UNION SELECT id FROM by_trigram)
    ORDER BY c.id`;
}

interface ClaimFactsRow {
  id: string;
  exact: string;
  articleId: string;
  articleTitle: string;
  status: ClaimStatus;
  verdicts: Verdict[] | null;
  publishedNumber: number | null;
}

/** What "checked before" shows of each claim: article, status, approved verdict, published version. */
export async function matchedClaims(ids: readonly string[]): Promise<Map<string, MatchedClaimDTO>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<ClaimFactsRow[]>`
    SELECT c.id, c.exact, c.article_id AS "articleId", a.title AS "articleTitle", c.status::text AS status,
           (SELECT array_agg(DISTINCT n.verdict::text) FROM annotations n
             WHERE n.claim_id = c.id AND n.kind = 'verification' AND n.status = 'approved') AS verdicts,
           (SELECT pv.number FROM published_versions pv
             WHERE pv.article_id = c.article_id
               AND pv.snapshot -> 'claims' @> jsonb_build_array(jsonb_build_object('id', c.id))
             ORDER BY pv.number DESC LIMIT 1) AS "publishedNumber"
    FROM claims c JOIN articles a ON a.id = c.article_id
    WHERE c.id IN (${Prisma.join(ids)})`;
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        exact: row.exact,
        articleId: row.articleId,
        articleTitle: row.articleTitle,
        status: row.status,
        verdict: row.verdicts && row.verdicts.length === 1 ? (row.verdicts[0] ?? null) : null,
        publishedVersion:
          row.publishedNumber === null ? null : { number: row.publishedNumber, url: versionPath(row.articleId, row.publishedNumber) },
      },
    ]),
  );
}

/** `GET /api/claims/:id/matches`: at most 5 matches, best first, and the claims linked to it. */
export async function findMatches({ actor, claimId }: { actor: Actor | null; claimId: string }): Promise<MatchesDTO> {
  assertCan(actor, "article.read");
  const claim = await db.claim.findUnique({
    where: { id: claimId },
    select: { id: true, exact: true, links: { select: { otherClaimId: true }, orderBy: { createdAt: "asc" } } },
  });
  if (!claim) throw new AppError("not_found", "No such claim.");
  const [candidates, stats] = await Promise.all([matchCandidates(claimId), deskStats()]);
  const ranked = rerank(
    stats,
    claim.exact,
    candidates.filter((candidate) => candidate.id !== claimId),
    (candidate) => candidate.exact,
  );
  const linkedIds = claim.links.map((link) => link.otherClaimId);
  const linked = new Set(linkedIds);
  const facts = await matchedClaims([...new Set([...ranked.map((match) => match.item.id), ...linkedIds])]);
  const items = ranked.flatMap(({ item, score, level }) => {
    const matched = facts.get(item.id);
    return matched ? [{ claim: matched, score: Math.round(score * 1000) / 1000, level, linked: linked.has(item.id) }] : [];
  });
  const links = linkedIds.flatMap((id) => {
    const matched = facts.get(id);
    return matched ? [matched] : [];
  });
  return { items, links };
}
