/**
 * Turning input into a stored article document: validated against the editor schema and
 * paired with its canonical text (D2), so what is stored is exactly what the editor shows.
 */
import type { JSONContent } from "@tiptap/core";
import { AppError } from "@/lib/errors";
import { articleSchema } from "@/lib/editor/extensions";
import { canonicalText } from "@/lib/anchoring";
import { docFromPlainText } from "@/lib/anchoring/plain-text-doc";

export interface StoredDocument {
  doc: JSONContent;
  text: string;
}

/** Validates a ProseMirror JSON document against the article schema; 422 when it does not fit. */
export function documentFromJSON(json: unknown): StoredDocument {
  let node;
  try {
    node = articleSchema().nodeFromJSON(json);
    node.check();
  } catch (error) {
    const reason = error instanceof Error ? error.message : "invalid document";
    throw new AppError("unprocessable", `The document does not fit the article schema: ${reason}`, {
      fields: { doc: reason },
    });
  }
  if (node.type.name !== "doc") {
    throw new AppError("unprocessable", "The document must be a doc node.", { fields: { doc: "not a doc node" } });
  }
  return { doc: node.toJSON() as JSONContent, text: canonicalText(node).text };
}

/** Builds the document of a plain-text article: blank lines separate paragraphs. */
export function documentFromText(text: string, options: { headings?: ReadonlySet<string> } = {}): StoredDocument {
  return documentFromJSON(docFromPlainText(text, { headings: options.headings }));
}
