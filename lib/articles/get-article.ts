/** One article with its current revision: what the editor page and `GET /api/articles/:id` show. */
import type { JSONContent } from "@tiptap/core";
import { db, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import type { ArticleDTO } from "@/lib/articles/present";
import { VersionedCache } from "@/lib/cache/versioned-cache";
import { deepFreeze } from "@/lib/cache/deep-freeze";
import { sqlIsoText } from "@/lib/sql";
import type { ClaimSummaryDTO } from "@/lib/claims/present";
import { claimListVersion, loadClaimSummaries } from "@/lib/claims/load-claim-summaries";
import { verdictAgreement } from "@/lib/reviews/verdict-agreement";

/** The article's own columns, its newest revision's and the version of its claim list, in one row. */
interface ArticleHead extends Pick<ArticleDTO, "id" | "title" | "outlet" | "author" | "url" | "publishedAt" | "createdAt"> {
  revisionId: string | null;
  revisionNumber: number | null;
  revisionCreatedAt: string | null;
  claimListVersion: string;
}

/** A revision's text and document never change (a new text is a new revision), so the last few are kept. */
const revisionBodies = new VersionedCache<{ text: string; doc: JSONContent }>(16);

/**
 * The article, its newest revision and its claims with the annotations `actor` may see
 * (summarised: a claim's threads and rationales are `getClaim`'s), progress and verdict
 * agreement; `not_found` when there is none.
 *
 * One statement reads the article, which revision is newest and the version of its claim
 * list; the revision's text and the claim list come from memory when that revision and that
 * version were read before (lib/cache/versioned-cache.ts), and take one statement each when
 * not. So two to four statements, whatever the number of claims.
 *
 * Progress and agreement are read from the loaded claims: both count only work that left
 * draft, which every reader sees, so they are the same for everyone.
 */
export async function getArticle({ actor, id }: { actor: Actor | null; id: string }): Promise<ArticleDTO> {
  assertCan(actor, "article.read");
  const [head] = await db.$queryRaw<ArticleHead[]>`
    SELECT a.id, a.title, a.outlet, a.author, a.url,
           ${sqlIsoText("a.published_at")} AS "publishedAt", ${sqlIsoText("a.created_at")} AS "createdAt",
           r.id AS "revisionId", r.number AS "revisionNumber", ${sqlIsoText("r.created_at")} AS "revisionCreatedAt",
           ${claimListVersion(Prisma.sql`a.id`)} AS "claimListVersion"
    FROM articles a
    LEFT JOIN LATERAL (
      SELECT id, number, created_at FROM article_revisions WHERE article_id = a.id ORDER BY number DESC LIMIT 1
    ) r ON true
    WHERE a.id = ${id}`;
  if (!head?.revisionId || head.revisionNumber === null || head.revisionCreatedAt === null) {
    throw new AppError("not_found", "No such article.");
  }
  const { revisionId, revisionNumber, revisionCreatedAt, claimListVersion: version, ...columns } = head;
  const [body, claimRows] = await Promise.all([
    revisionBodies.get(revisionId, "", () => readRevisionBody(revisionId)),
    loadClaimSummaries(actor, id, version),
  ]);
  const claims: ClaimSummaryDTO[] = [];
  const orphanedClaims: ClaimSummaryDTO[] = [];
  for (const claim of claimRows) (claim.status === "orphaned" ? orphanedClaims : claims).push(claim);
  return {
    ...columns,
    revision: { id: revisionId, number: revisionNumber, text: body.text, doc: body.doc, createdAt: revisionCreatedAt },
    claims,
    orphanedClaims,
    progress: { verified: claims.filter((claim) => claim.status === "verified").length, total: claims.length },
    agreement: verdictAgreement(claims),
  };
}

async function readRevisionBody(id: string): Promise<{ text: string; doc: JSONContent }> {
  const { text, doc } = await db.articleRevision.findUniqueOrThrow({ where: { id }, select: { text: true, doc: true } });
  // Shared by every reader of the revision: frozen, so that no caller can change it for the others.
  return { text, doc: deepFreeze(doc as JSONContent) };
}
