/** The article list: newest first, a page at a time. */
import { db } from "@/lib/db";
import { parseInput } from "@/lib/validation";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { ListInput } from "@/lib/articles/schemas";
import { iso, type ArticleSummaryDTO } from "@/lib/articles/present";
import { CLAIM_STATUSES, type ClaimStatus } from "@/lib/claims/present";
import { assignmentSelect, presentAssignment } from "@/lib/assignments/present";

/**
 * Lists articles visible to `actor` with their current revision number and how many of
 * their claims are in each status: two queries (the page, then one grouped count for all of
 * its articles) plus Prisma's nested revision read.
 */
export async function listArticles({ actor, input = {} }: { actor: Actor | null; input?: unknown }): Promise<{
  items: ArticleSummaryDTO[];
  nextCursor: string | null;
}> {
  assertCan(actor, "article.read");
  const { cursor, limit } = parseInput(ListInput, input);
  const rows = await db.article.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    select: {
      id: true,
      title: true,
      outlet: true,
      author: true,
      publishedAt: true,
      createdAt: true,
      revisions: { orderBy: { number: "desc" }, take: 1, select: { number: true } },
      _count: { select: { claims: true } },
      ...assignmentSelect,
    },
  });
  const page = rows.slice(0, limit);
  const groups = await db.claim.groupBy({
    by: ["articleId", "status"],
    where: { articleId: { in: page.map((row) => row.id) } },
    _count: { _all: true },
  });
  const counts = new Map<string, Record<ClaimStatus, number>>();
  for (const group of groups) {
    const entry = counts.get(group.articleId) ?? zeroCounts();
    entry[group.status] = group._count._all;
    counts.set(group.articleId, entry);
  }
  return {
    items: page.map((row) => ({
      id: row.id,
      title: row.title,
      outlet: row.outlet,
      author: row.author,
      publishedAt: iso(row.publishedAt),
      createdAt: row.createdAt.toISOString(),
      revisionNumber: row.revisions[0]?.number ?? 1,
      claimCount: row._count.claims,
      statusCounts: counts.get(row.id) ?? zeroCounts(),
      assignment: presentAssignment(row),
    })),
    nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}

function zeroCounts(): Record<ClaimStatus, number> {
  return Object.fromEntries(CLAIM_STATUSES.map((status) => [status, 0])) as Record<ClaimStatus, number>;
}
