/** What an import would store, without storing it: the import form's preview step. */
import type { JSONContent } from "@tiptap/core";
import type { z } from "zod";
import { parseInput } from "@/lib/validation";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { isUrlImport, PreviewArticleInput, type WebPageSchema } from "@/lib/articles/schemas";
import { prepareArticleDocument, prepareWebArticleDocument, type DocumentOrigin, type PreparedDocument } from "@/lib/articles/import/prepare-article-document";
import { fetchWebArticle } from "@/lib/articles/import/fetch-web-article";

/** What an import from a URL read from the page besides its body. */
export type WebPageDTO = z.infer<typeof WebPageSchema>;

/** `POST /api/articles/preview`'s answer. */
export interface ArticlePreviewDTO {
  /** The document as it would be stored (sanitized, validated). */
  doc: JSONContent;
  /** Its canonical text (D2). */
  text: string;
  /** Paragraphs and headings. */
  blocks: number;
  characters: number;
  origin: DocumentOrigin;
  warnings: string[];
  suggestedTitle: string | null;
  /** For `{url}` alone: what was read from the page (null otherwise). */
  page: WebPageDTO | null;
}

/** Converts import input exactly as `createArticle` would and returns the result; editors only. */
export async function previewArticle({ actor, input }: { actor: Actor | null; input: unknown }): Promise<ArticlePreviewDTO> {
  assertCan(actor, "article.import");
  const data = parseInput(PreviewArticleInput, input);
  let prepared: PreparedDocument;
  let page: WebPageDTO | null = null;
  if (isUrlImport(data) && data.url) {
    const article = await fetchWebArticle(data.url);
    prepared = prepareWebArticleDocument(article.contentHtml, article.finalUrl);
    page = { url: article.finalUrl, title: article.title, author: article.author, outlet: article.outlet, publishedAt: article.publishedAt };
  } else {
    prepared = await prepareArticleDocument(data, { baseUrl: data.url });
  }
  return {
    doc: prepared.doc,
    text: prepared.text,
    blocks: prepared.blocks,
    characters: prepared.text.length,
    origin: prepared.origin,
    warnings: prepared.warnings,
    suggestedTitle: page?.title ?? prepared.suggestedTitle,
    page,
  };
}
