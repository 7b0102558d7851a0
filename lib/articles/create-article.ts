/** Imports an article: the article row and its revision 1, in one transaction. */
import { db } from "@/lib/db";
import { parseInput } from "@/lib/validation";
import { assertCan } from "@/lib/auth/policy";
import type { AnyActor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { AppError } from "@/lib/errors";
import { CreateArticleInput, isUrlImport } from "@/lib/articles/schemas";
import { prepareArticleDocument, prepareWebArticleDocument, type PreparedDocument } from "@/lib/articles/import/prepare-article-document";
import { fetchWebArticle } from "@/lib/articles/import/fetch-web-article";
import { detectLanguage } from "@/lib/articles/detect-language";

export interface CreateArticleOptions {
  actor: AnyActor;
  /**
   * `{title, text | html | doc | file: {name, contentBase64}, outlet?, author?, url?, publishedAt?}`,
   * or `{url}` alone (the page is fetched; what it states fills the fields not given).
   */
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
  const parsed = parseInput(CreateArticleInput, input);
  let data = parsed;
  let stored: PreparedDocument;
  if (isUrlImport(parsed) && parsed.url) {
    const page = await fetchWebArticle(parsed.url);
    stored = prepareWebArticleDocument(page.contentHtml, page.finalUrl);
    data = {
      ...parsed,
      title: parsed.title ?? page.title?.slice(0, 300) ?? undefined,
      outlet: parsed.outlet ?? page.outlet?.slice(0, 200) ?? null,
      author: parsed.author ?? page.author?.slice(0, 200) ?? null,
      url: page.finalUrl.length <= 2000 ? page.finalUrl : parsed.url,
      publishedAt: parsed.publishedAt ?? (page.publishedAt ? new Date(page.publishedAt) : null),
    };
  } else {
    stored = await prepareArticleDocument(parsed, { baseUrl: parsed.url, headings });
  }
  const title = data.title;
  if (title === undefined) {
    throw new AppError("unprocessable", "The page names no title: enter one.", { fields: { title: "Enter a title." } });
  }
  const createdById = actor.id;
  return db.$transaction(async (tx) => {
    const article = await tx.article.create({
      data: {
        title,
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
        ...(stored.origin === "url" ? { url: data.url } : {}),
        ...(data.file ? { fileName: data.file.name } : {}),
        characters: stored.text.length,
        blocks: stored.blocks,
      },
    });
    return { id: article.id };
  });
}
