/** The articles the dashboard's filter offers: the newest ones, by title. */
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";

/** How many articles the filter lists; an older one is still reached by its id in the address. */
export const ARTICLE_CHOICES = 200;

export interface ArticleChoiceDTO {
  id: string;
  title: string;
}

/** The newest articles (every article is visible to every signed-in account), plus `include` when it is older. */
export async function listArticleChoices({ actor, include }: { actor: Actor | null; include?: string | null }): Promise<ArticleChoiceDTO[]> {
  assertCan(actor, "article.read");
  const choices = await db.article.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: ARTICLE_CHOICES,
    select: { id: true, title: true },
  });
  if (include && !choices.some((choice) => choice.id === include)) {
    const older = await db.article.findUnique({ where: { id: include }, select: { id: true, title: true } });
    if (older) choices.push(older);
  }
  return choices;
}
