/**
 * "Checked before": the claims elsewhere on the desk that say what a claim says.
 *
 * PostgreSQL finds the candidates: claims of other articles sharing any of the claim's rarer
 * search words (its tsvector, GIN index), best `ts_rank` first. The re-ranker
 * (lib/matching/rerank.ts) then scores them with numbers and names weighing most, and keeps
 * those above the similar threshold (lib/matching/config.ts). Claims of the same article are
 * left out: they are the same text.
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

/** The lexemes to look candidates up by: rarest first, within the row budget, at least two. */
export function candidateLexemes(lexemes: readonly string[], claimsHolding: ReadonlyMap<string, number>): string[] {
  const usable = [...new Set(lexemes)].filter((lexeme) => /^[\p{L}\p{N}]+$/u.test(lexeme));
  const byRarity = usable
    .map((lexeme) => ({ lexeme, claims: claimsHolding.get(lexeme) ?? 0 }))
    .sort((a, b) => a.claims - b.claims || a.lexeme.localeCompare(b.lexeme));
  const chosen: string[] = [];
  let rows = 0;
  for (const { lexeme, claims } of byRarity) {
    if (chosen.length >= 2 && rows + claims > MATCHING.candidateRowBudget) break;
    chosen.push(lexeme);
    rows += claims;
  }
  return chosen;
}

/** The candidates PostgreSQL offers: claims of other articles holding any of `lexemes`, by ts_rank. */
export async function matchCandidates(articleId: string, lexemes: readonly string[]): Promise<CandidateRow[]> {
  if (lexemes.length === 0) return [];
  const query = lexemes.join(" | ");
  return db.$queryRaw<CandidateRow[]>`
    WITH terms AS (SELECT to_tsquery('pg_catalog.simple', ${query}) AS query)
    SELECT c.id, c.exact FROM claims c, terms
    WHERE c.search_vector @@ terms.query AND c.article_id <> ${articleId}
    ORDER BY ts_rank(c.search_vector, terms.query) DESC, c.id
    LIMIT ${MATCHING.textCandidates}`;
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
  const [claim] = await db.$queryRaw<{ id: string; exact: string; articleId: string; lexemes: string[] | null; linkedIds: string[] }[]>`
    SELECT c.id, c.exact, c.article_id AS "articleId", tsvector_to_array(c.search_vector) AS lexemes,
           ARRAY(SELECT l.other_claim_id FROM claim_links l WHERE l.claim_id = c.id ORDER BY l.created_at, l.other_claim_id) AS "linkedIds"
    FROM claims c WHERE c.id = ${claimId}`;
  if (!claim) throw new AppError("not_found", "No such claim.");
  const stats = await deskStats();
  const candidates = await matchCandidates(claim.articleId, candidateLexemes(claim.lexemes ?? [], stats.lexemeClaims));
  const ranked = rerank(
    stats.corpus,
    claim.exact,
    candidates.filter((candidate) => candidate.id !== claimId),
    (candidate) => candidate.exact,
  );
  const linkedIds = claim.linkedIds;
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
