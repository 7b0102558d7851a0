/**
 * The one way from import input (pasted text or HTML, a document, an uploaded file) to the
 * document that is stored: used by the import itself and by its preview, so the preview shows
 * exactly what an import of the same input stores.
 */
import { AppError } from "@/lib/errors";
import { docFromPlainText } from "@/lib/anchoring/plain-text-doc";
import { checkedDocumentFromJSON, storedDocument, type CheckedDocument } from "@/lib/articles/document";
import type { ArticleSource } from "@/lib/articles/schemas";
import { htmlToDocument, type HtmlImportReport } from "@/lib/articles/import/html-to-document";
import { readImportFile, type ImportFileType } from "@/lib/articles/import/read-import-file";

/** Where a prepared document came from: pasted text or HTML, a JSON document, or a file of a type. */
export type DocumentOrigin = "text" | "html" | "doc" | "url" | `file:${ImportFileType}`;

/** A document ready to store, with what the preview tells the editor about it. */
export interface PreparedDocument extends CheckedDocument {
  origin: DocumentOrigin;
  /** What was left out or could not be read, for people. */
  warnings: string[];
  /** The first heading, as a title for a form that has none yet. */
  suggestedTitle: string | null;
}

export interface PrepareOptions {
  /** Relative links in HTML are resolved against the article's address. */
  baseUrl?: string | null;
  /** Plain-text paragraphs to render as subheadings (the seed knows its article's). */
  headings?: ReadonlySet<string>;
}

/** Converts and checks import input; AppError (413/415/422) when it cannot be stored. */
export async function prepareArticleDocument(source: ArticleSource, options: PrepareOptions = {}): Promise<PreparedDocument> {
  if (source.text !== undefined) return finish(fromText(source.text, options.headings), "text", []);
  if (source.html !== undefined) return fromHtml(source.html, "html", [], options);
  if (source.doc !== undefined) return finish(checkedDocumentFromJSON(source.doc), "doc", []);
  if (source.file !== undefined) {
    const bytes = Buffer.from(source.file.contentBase64, "base64");
    const content = await readImportFile({ name: source.file.name, bytes });
    const origin = `file:${content.fileType}` as const;
    if (content.kind === "text") return finish(fromText(content.text), origin, content.warnings);
    return fromHtml(content.html, origin, content.warnings, options);
  }
  throw new AppError("invalid_input", "Send the article as text, html, doc or file.", { fields: { text: "Nothing to import." } });
}

/** The article body extracted from a web page (lib/articles/import/fetch-web-article.ts). */
export function prepareWebArticleDocument(html: string, pageUrl: string): PreparedDocument {
  return fromHtml(html, "url", [], { baseUrl: pageUrl });
}

function fromText(text: string, headings?: ReadonlySet<string>): CheckedDocument {
  return checkedDocumentFromJSON(docFromPlainText(text, { headings }));
}

function fromHtml(html: string, origin: DocumentOrigin, warnings: string[], options: PrepareOptions): PreparedDocument {
  const { doc, report } = htmlToDocument(html, { baseUrl: options.baseUrl });
  return finish(storedDocument(doc), origin, [...warnings, ...describeReport(report)]);
}

function finish(checked: CheckedDocument, origin: DocumentOrigin, warnings: string[]): PreparedDocument {
  if (checked.text.trim() === "") {
    throw new AppError("unprocessable", "There is no text to import.", { fields: { text: "There is no text to import." } });
  }
  return { ...checked, origin, warnings, suggestedTitle: firstHeading(checked) };
}

function firstHeading({ doc }: CheckedDocument): string | null {
  const heading = doc.content?.find((node) => node.type === "heading");
  const text = heading?.content?.map((node) => (node.type === "text" ? (node.text ?? "") : " ")).join("").trim();
  return text ? text.slice(0, 300) : null;
}

/** Sentences about what the HTML path left out. */
function describeReport(report: HtmlImportReport): string[] {
  const sentences: string[] = [];
  const removed = Object.entries(report.removedElements)
    .filter(([name]) => name !== "head")
    .map(([name, count]) => `${count} <${name}>`);
  if (removed.length > 0) sentences.push(`Removed with their content: ${removed.join(", ")}.`);
  if (report.droppedLinks > 0) {
    sentences.push(
      `${report.droppedLinks} link${report.droppedLinks === 1 ? "" : "s"} with an address other than http, https or mailto removed (the text is kept).`,
    );
  }
  return sentences;
}
