/**
 * Turning input into a stored article document: validated against the editor schema and its
 * rules (lib/editor/article-document-rules.ts), paired with its canonical text (D2), so what
 * is stored is exactly what the editor shows. Every write of an article document (import,
 * revision, seed) goes through `storedDocument`.
 */
import type { JSONContent } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { AppError } from "@/lib/errors";
import { articleSchema } from "@/lib/editor/extensions";
import {
  MAX_DOCUMENT_DEPTH,
  articleDocumentProblem,
  countBlocks,
  jsonDepthExceeds,
  sizeProblem,
} from "@/lib/editor/article-document-rules";
import { canonicalText } from "@/lib/anchoring";
import { docFromPlainText } from "@/lib/anchoring/plain-text-doc";

export interface StoredDocument {
  doc: JSONContent;
  text: string;
}

/** A stored document and how many blocks (textblocks) it has, for previews. */
export interface CheckedDocument extends StoredDocument {
  blocks: number;
}

/**
 * Validates ProseMirror JSON against the article schema and rules: 422 when it does not fit
 * (unknown nodes or marks, a link other than http/https/mailto, a heading level the editor
 * does not offer), 413 when it is over the size limits.
 */
export function documentFromJSON(json: unknown): StoredDocument {
  const { doc, text } = checkedDocumentFromJSON(json);
  return { doc, text };
}

/** `documentFromJSON`, also counting blocks. */
export function checkedDocumentFromJSON(json: unknown): CheckedDocument {
  if (typeof json !== "object" || json === null || Array.isArray(json) || (json as { type?: unknown }).type !== "doc") {
    throw unprocessable("The document must be a doc node.", "not a doc node");
  }
  if (jsonDepthExceeds(json)) {
    throw unprocessable(`The document is nested more than ${MAX_DOCUMENT_DEPTH} levels deep.`, "nested too deeply");
  }
  let node: PMNode;
  try {
    node = articleSchema().nodeFromJSON(json);
    node.check();
  } catch (error) {
    const reason = error instanceof Error ? error.message : "invalid document";
    throw unprocessable(`The document does not fit the article schema: ${reason}`, reason);
  }
  return storedDocument(node);
}

/**
 * The stored form of a document of the article schema: rules checked, link attributes reduced
 * to the address (target, class and rel come from the schema's defaults, so nobody smuggles
 * attributes into what other people's browsers render), canonical text computed.
 */
export function storedDocument(node: PMNode): CheckedDocument {
  const problem = articleDocumentProblem(node);
  if (problem) throw new AppError("unprocessable", problem, { fields: { doc: problem } });
  const blocks = countBlocks(node);
  // Counted before the canonical text is built, so an oversized document costs little.
  const early = sizeProblem(blocks, 0);
  if (early) throw new AppError("payload_too_large", early, { fields: { doc: early } });
  const clean = withPlainLinks(node);
  const { text } = canonicalText(clean);
  const tooLarge = sizeProblem(blocks, text.length);
  if (tooLarge) throw new AppError("payload_too_large", tooLarge, { fields: { doc: tooLarge } });
  return { doc: clean.toJSON() as JSONContent, text, blocks };
}

/** Builds the document of a plain-text article: blank lines separate paragraphs. */
export function documentFromText(text: string, options: { headings?: ReadonlySet<string> } = {}): StoredDocument {
  return documentFromJSON(docFromPlainText(text, { headings: options.headings }));
}

/** `documentFromText`, also counting blocks. */
export function checkedDocumentFromText(text: string): CheckedDocument {
  return checkedDocumentFromJSON(docFromPlainText(text));
}

function withPlainLinks(node: PMNode): PMNode {
  const schema = node.type.schema;
  const link = schema.marks.link;
  if (!link) return node;
  let touched = false;
  node.descendants((child) => {
    if (child.marks.some((mark) => mark.type === link && !isPlainLink(mark.attrs))) touched = true;
    return !touched;
  });
  if (!touched) return node;
  const json = node.toJSON() as JSONContent;
  const strip = (value: JSONContent): JSONContent => ({
    ...value,
    ...(value.marks
      ? {
          marks: value.marks.map((mark) =>
            mark.type === "link" ? { type: "link", attrs: { href: mark.attrs?.href as string } } : mark,
          ),
        }
      : {}),
    ...(value.content ? { content: value.content.map(strip) } : {}),
  });
  return schema.nodeFromJSON(strip(json));
}

function isPlainLink(attrs: Record<string, unknown>): boolean {
  const defaults = articleSchema().marks.link?.spec.attrs ?? {};
  return Object.entries(attrs).every(
    ([name, value]) => name === "href" || value === (defaults[name] as { default?: unknown } | undefined)?.default,
  );
}

function unprocessable(message: string, field: string): AppError {
  return new AppError("unprocessable", message, { fields: { doc: field } });
}
