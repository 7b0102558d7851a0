/** Imports an article: the article row and its revision 1, in one transaction. */
import { db } from "@/lib/db";
import { parseInput } from "@/lib/validation";
import { assertCan } from "@/lib/auth/policy";
import type { AnyActor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { CreateArticleInput } from "@/lib/articles/schemas";
import { prepareArticleDocument } from "@/lib/articles/import/prepare-article-document";
import { detectLanguage } from "@/lib/articles/detect-language";

export interface CreateArticleOptions {
  actor: AnyActor;
  /** `{title, text | html | doc | file: {name, contentBase64}, outlet?, author?, url?, publishedAt?}`. */
  input: unknown;
  /** Plain-text paragraphs to render as subheadings (the seed knows its article's). */
  headings?: ReadonlySet<string>;
  /** Marks an article created by the seed, so seeding again finds it. */
  seedKey?: string;
}

/**
 * Creates an article with revision 1 and returns its id. The text is converted and checked
 * before the transaction (lib/articles/import): 413 over the size limits, 415 for a file type
 * that cannot be read, 422 for a document that breaks the article schema; nothing is stored then.
 */
export async function createArticle({ actor, input, headings, seedKey }: CreateArticleOptions): Promise<{ id: string }> {
  assertCan(actor, "article.import");
  const data = parseInput(CreateArticleInput, input);
  const stored = await prepareArticleDocument(data, { baseUrl: data.url, headings });
  const createdById = actor.id;
  return db.$transaction(async (tx) => {
    const article = await tx.article.create({
      data: {
        title: data.title,
        outlet: data.outlet ?? null,
        author: data.author ?? null,
        url: data.url ?? null,
        publishedAt: data.publishedAt ?? null,
        language: data.language ?? detectLanguage(stored.text),
        seedKey: seedKey ?? null,
        createdById,
        revisions: { create: { number: 1, doc: stored.doc, text: stored.text, createdById } },
      },
      select: { id: true, title: true, language: true },
    });
    await recordEvent(tx, {
      actor,
      action: "article.imported",
      targetType: "article",
      targetId: article.id,
      after: {
        title: article.title,
        language: article.language,
        revision: 1,
        origin: stored.origin,
        ...(data.file ? { fileName: data.file.name } : {}),
        characters: stored.text.length,
        blocks: stored.blocks,
      },
    });
    return { id: article.id };
  });
}
