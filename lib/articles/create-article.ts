/** Imports an article: the article row and its revision 1, in one transaction. */
import { db } from "@/lib/db";
import { parseInput } from "@/lib/validation";
import { assertCan } from "@/lib/auth/policy";
import type { AnyActor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { CreateArticleInput } from "@/lib/articles/schemas";
import { documentFromJSON, documentFromText } from "@/lib/articles/document";

export interface CreateArticleOptions {
  actor: AnyActor;
  input: unknown;
  /** Plain-text paragraphs to render as subheadings (the seed knows its article's). */
  headings?: ReadonlySet<string>;
  /** Marks an article created by the seed, so seeding again finds it. */
  seedKey?: string;
}

/** Creates an article with revision 1 and returns its id. */
export async function createArticle({ actor, input, headings, seedKey }: CreateArticleOptions): Promise<{ id: string }> {
  assertCan(actor, "article.import");
  const data = parseInput(CreateArticleInput, input);
  const stored = data.text !== undefined ? documentFromText(data.text, { headings }) : documentFromJSON(data.doc);
  const createdById = actor.id;
  return db.$transaction(async (tx) => {
    const article = await tx.article.create({
      data: {
        title: data.title,
        outlet: data.outlet ?? null,
        author: data.author ?? null,
        url: data.url ?? null,
        publishedAt: data.publishedAt ?? null,
        seedKey: seedKey ?? null,
        createdById,
        revisions: { create: { number: 1, doc: stored.doc, text: stored.text, createdById } },
      },
      select: { id: true, title: true },
    });
    await recordEvent(tx, {
      actor,
      action: "article.imported",
      targetType: "article",
      targetId: article.id,
      after: { title: article.title, revision: 1, characters: stored.text.length },
    });
    return { id: article.id };
  });
}
