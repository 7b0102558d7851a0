/** An article's assignment, for its page. */
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { assignmentSelect, presentAssignment, type AssignmentDTO } from "@/lib/assignments/present";

/** Who is checking the article and by when (null: nobody); `not_found` when there is no such article. */
export async function getArticleAssignment({ actor, articleId }: { actor: Actor | null; articleId: string }): Promise<AssignmentDTO | null> {
  assertCan(actor, "article.read");
  const row = await db.article.findUnique({ where: { id: articleId }, select: assignmentSelect });
  if (!row) throw new AppError("not_found", "No such article.");
  return presentAssignment(row);
}
