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
import { liveHeadSql } from "@/lib/live/event-log";
import { entityTag, tagMatches } from "@/lib/http/etag";

/** The article's own columns, its newest revision's and the version of its claim list, in one row. */
interface ArticleHead extends Pick<ArticleDTO, "id" | "title" | "outlet" | "author" | "url" | "publishedAt" | "createdAt"> {
  revisionId: string | null;
  revisionNumber: number | null;
  revisionCreatedAt: string | null;
  claimListVersion: string;
  liveEventId: bigint;
}

/** An article read that may answer "not modified": the caller's tag, and the article unless it matched. */
export interface ConditionalArticle {
  etag: string;
  /** Null when `ifNoneMatch` named `etag`: the caller has this very answer already (304). */
  article: ArticleDTO | null;
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
  const { article } = await readArticle({ actor, id, ifNoneMatch: null });
  if (!article) throw new Error("An unconditional read always has an answer.");
  return article;
}

/**
 * `getArticle` for `GET /api/articles/:id`, with its entity tag: a hash of the first
 * statement's row (the article, its newest revision, the claim list's fingerprint and the
 * newest live event) and of the caller (lib/http/etag.ts). When `ifNoneMatch` names it, the
 * answer is "not modified" after that one statement, without building the article.
 */
export async function readArticle({
  actor,
  id,
  ifNoneMatch,
}: {
  actor: Actor | null;
  id: string;
  ifNoneMatch: string | null;
}): Promise<ConditionalArticle> {
  assertCan(actor, "article.read");
  const [head] = await db.$queryRaw<ArticleHead[]>`
    SELECT a.id, a.title, a.outlet, a.author, a.url,
           ${sqlIsoText("a.published_at")} AS "publishedAt", ${sqlIsoText("a.created_at")} AS "createdAt",
           r.id AS "revisionId", r.number AS "revisionNumber", ${sqlIsoText("r.created_at")} AS "revisionCreatedAt",
           ${claimListVersion(Prisma.sql`a.id`)} AS "claimListVersion",
           ${liveHeadSql(Prisma.sql`a.id`)} AS "liveEventId"
    FROM articles a
    LEFT JOIN LATERAL (
      SELECT id, number, created_at FROM article_revisions WHERE article_id = a.id ORDER BY number DESC LIMIT 1
    ) r ON true
    WHERE a.id = ${id}`;
  if (!head?.revisionId || head.revisionNumber === null || head.revisionCreatedAt === null) {
    throw new AppError("not_found", "No such article.");
  }
  const { revisionId, revisionNumber, revisionCreatedAt, claimListVersion: version, liveEventId, ...columns } = head;
  const etag = entityTag(JSON.stringify({ ...head, liveEventId: String(liveEventId) }), actor);
  if (tagMatches(ifNoneMatch, etag)) return { etag, article: null };
  const [body, claimRows] = await Promise.all([
    revisionBodies.get(revisionId, "", () => readRevisionBody(revisionId)),
    loadClaimSummaries(actor, id, version),
  ]);
  const claims: ClaimSummaryDTO[] = [];
  const orphanedClaims: ClaimSummaryDTO[] = [];
  for (const claim of claimRows) (claim.status === "orphaned" ? orphanedClaims : claims).push(claim);
  const article: ArticleDTO = {
    ...columns,
    revision: { id: revisionId, number: revisionNumber, text: body.text, doc: body.doc, createdAt: revisionCreatedAt },
    claims,
    orphanedClaims,
    progress: { verified: claims.filter((claim) => claim.status === "verified").length, total: claims.length },
    agreement: verdictAgreement(claims),
    liveEventId: Number(liveEventId),
  };
  return { etag, article };
}

async function readRevisionBody(id: string): Promise<{ text: string; doc: JSONContent }> {
  const { text, doc } = await db.articleRevision.findUniqueOrThrow({ where: { id }, select: { text: true, doc: true } });
  // Shared by every reader of the revision: frozen, so that no caller can change it for the others.
  return { text, doc: deepFreeze(doc as JSONContent) };
}
