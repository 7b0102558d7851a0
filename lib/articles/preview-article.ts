/** What an import would store, without storing it: the import form's preview step. */
import type { JSONContent } from "@tiptap/core";
import { parseInput } from "@/lib/validation";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { PreviewArticleInput } from "@/lib/articles/schemas";
import { prepareArticleDocument, type DocumentOrigin } from "@/lib/articles/import/prepare-article-document";

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
}

/** Converts import input exactly as `createArticle` would and returns the result; editors only. */
export async function previewArticle({ actor, input }: { actor: Actor | null; input: unknown }): Promise<ArticlePreviewDTO> {
  assertCan(actor, "article.import");
  const data = parseInput(PreviewArticleInput, input);
  const prepared = await prepareArticleDocument(data, { baseUrl: data.url });
  return {
    doc: prepared.doc,
    text: prepared.text,
    blocks: prepared.blocks,
    characters: prepared.text.length,
    origin: prepared.origin,
    warnings: prepared.warnings,
    suggestedTitle: prepared.suggestedTitle,
  };
}
