/** One article with its current revision: what the editor page and `GET /api/articles/:id` show. */
import type { JSONContent } from "@tiptap/core";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { iso, type ArticleDTO } from "@/lib/articles/present";
import type { ClaimSummaryDTO } from "@/lib/claims/present";
import { loadClaimSummaries } from "@/lib/claims/load-claim-summaries";
import { verdictAgreement } from "@/lib/reviews/verdict-agreement";

/**
 * The article, its newest revision and its claims with the annotations `actor` may see
 * (summarised: a claim's threads and rationales are `getClaim`'s), progress and verdict
 * agreement; `not_found` when there is none.
 * Two queries, whatever the number of claims.
 *
 * Progress and agreement are read from the loaded claims: both count only work that left
 * draft, which every reader sees, so they are the same for everyone.
 */
export async function getArticle({ actor, id }: { actor: Actor | null; id: string }): Promise<ArticleDTO> {
  assertCan(actor, "article.read");
  const [article, claimRows] = await Promise.all([
    db.article.findUnique({
      where: { id },
      select: {
        id: true,
        title: true,
        outlet: true,
        author: true,
        url: true,
        publishedAt: true,
        createdAt: true,
        revisions: {
          orderBy: { number: "desc" },
          take: 1,
          select: { id: true, number: true, text: true, doc: true, createdAt: true },
        },
      },
    }),
    loadClaimSummaries(actor, id),
  ]);
  const revision = article?.revisions[0];
  if (!article || !revision) throw new AppError("not_found", "No such article.");
  const claims: ClaimSummaryDTO[] = [];
  const orphanedClaims: ClaimSummaryDTO[] = [];
  for (const claim of claimRows) (claim.status === "orphaned" ? orphanedClaims : claims).push(claim);
  return {
    id: article.id,
    title: article.title,
    outlet: article.outlet,
    author: article.author,
    url: article.url,
    publishedAt: iso(article.publishedAt),
    createdAt: article.createdAt.toISOString(),
    revision: {
      id: revision.id,
      number: revision.number,
      text: revision.text,
      doc: revision.doc as JSONContent,
      createdAt: revision.createdAt.toISOString(),
    },
    claims,
    orphanedClaims,
    progress: { verified: claims.filter((claim) => claim.status === "verified").length, total: claims.length },
    agreement: verdictAgreement(claims),
  };
}
