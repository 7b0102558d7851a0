/** An article's revisions, and one revision to read (the history page, and the API). */
import type { JSONContent } from "@tiptap/core";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import type { RevisionDetailDTO, RevisionSummaryDTO } from "@/lib/articles/present";

/** The revisions of an article, newest first, with the article's title; `not_found` when there is none. */
export async function listRevisions({ actor, articleId }: { actor: Actor | null; articleId: string }): Promise<{
  article: { id: string; title: string };
  items: RevisionSummaryDTO[];
  nextCursor: null;
}> {
  assertCan(actor, "article.read");
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true, title: true } });
  if (!article) throw new AppError("not_found", "No such article.");
  // Raw for the length: the texts themselves (up to a million characters each) are not loaded.
  const rows = await db.$queryRaw<RevisionRow[]>`
    SELECT r.id, r.number, r.created_at AS "createdAt", char_length(r.text)::int AS characters,
           u.id AS "userId", u.name AS "userName"
    FROM article_revisions r LEFT JOIN users u ON u.id = r.created_by_id
    WHERE r.article_id = ${articleId}
    ORDER BY r.number DESC`;
  return {
    article,
    items: rows.map((row) => ({
      id: row.id,
      number: row.number,
      createdAt: row.createdAt.toISOString(),
      createdBy: row.userId && row.userName ? { id: row.userId, name: row.userName } : null,
      characters: row.characters,
    })),
    // Every revision in one page: an article has a handful, and the history page shows them all.
    nextCursor: null,
  };
}

interface RevisionRow {
  id: string;
  number: number;
  createdAt: Date;
  characters: number;
  userId: string | null;
  userName: string | null;
}

/** Revision `number` of an article; `not_found` when the article or the revision does not exist. */
export async function getRevision({
  actor,
  articleId,
  number,
}: {
  actor: Actor | null;
  articleId: string;
  number: number;
}): Promise<RevisionDetailDTO> {
  assertCan(actor, "article.read");
  if (!Number.isInteger(number) || number < 1 || number > 2_147_483_647) {
    throw new AppError("not_found", "No such revision.");
  }
  const revision = await db.articleRevision.findUnique({
    where: { articleId_number: { articleId, number } },
    select: { id: true, articleId: true, number: true, text: true, doc: true, createdAt: true, createdBy: { select: { id: true, name: true } } },
  });
  if (!revision) throw new AppError("not_found", "No such revision.");
  return {
    id: revision.id,
    articleId: revision.articleId,
    number: revision.number,
    text: revision.text,
    doc: revision.doc as JSONContent,
    createdAt: revision.createdAt.toISOString(),
    createdBy: revision.createdBy,
  };
}
