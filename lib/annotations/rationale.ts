/**
 * A verification's rationale, as stored: a small rich-text document (lib/editor/rationale-extensions.ts)
 * and its plain text. Clients send either plain text (blank lines separate paragraphs, a single
 * line break stays a line break) or a ProseMirror JSON document; both end up as the same pair.
 *
 * The schema is the first gate (unknown nodes and marks fail to parse); links are checked here
 * because ProseMirror does not look inside attribute values, and a `javascript:` href in a
 * stored rationale would be a script waiting for the first page that renders it.
 */
import type { JSONContent } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { AppError } from "@/lib/errors";
import { rationaleSchema } from "@/lib/editor/rationale-extensions";
import { ALLOWED_LINK_PROTOCOLS } from "@/lib/editor/extensions";
import { canonicalText, documentFromJSON, docFromPlainText } from "@/lib/anchoring";

/** Longest rationale accepted, in characters of plain text. */
export const MAX_RATIONALE_CHARS = 20_000;

/** A rationale ready to store. */
export interface StoredRationale {
  doc: JSONContent;
  text: string;
}

const LINK_PROTOCOLS = new Set<string>(ALLOWED_LINK_PROTOCOLS.map((protocol) => `${protocol}:`));
const LIST_TYPES = new Set([null, "1", "a", "A", "i", "I"]);

/** A rationale from plain text or a document; `unprocessable` when a document breaks the schema. */
export function rationaleFromInput(input: string | Record<string, unknown>): StoredRationale {
  return typeof input === "string" ? rationaleFromText(input) : rationaleFromJSON(input);
}

/** A rationale from plain text: paragraphs at blank lines, hard breaks at single line breaks. */
export function rationaleFromText(text: string): StoredRationale {
  return finish(documentFromJSON(docFromPlainText(text), rationaleSchema()));
}

/** A rationale from ProseMirror JSON, checked against the rationale schema and its link rules. */
export function rationaleFromJSON(json: unknown): StoredRationale {
  let doc: PMNode;
  try {
    doc = documentFromJSON(json, rationaleSchema());
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^Invalid article document: /, "") : "invalid document";
    throw unprocessable(`The rationale does not fit the rationale schema: ${reason}`);
  }
  doc.descendants((node) => {
    for (const mark of node.marks) {
      if (mark.type.name === "link") checkHref(mark.attrs.href);
    }
    if (node.type.name === "orderedList") {
      const { start, type } = node.attrs as { start: unknown; type: unknown };
      if (typeof start !== "number" || !Number.isInteger(start) || start < 0 || start > 1_000_000) {
        throw unprocessable("A numbered list must start at a whole number.");
      }
      if (!LIST_TYPES.has(type as string | null)) throw unprocessable("A numbered list has an unknown numbering type.");
    }
    return true;
  });
  // Keep only the href of each link: target, class and title come from the schema's defaults,
  // so a client cannot smuggle attributes into what other people's browsers render.
  const cleaned = documentFromJSON(stripLinkAttributes(doc.toJSON() as JSONContent), rationaleSchema());
  return finish(cleaned);
}

function finish(doc: PMNode): StoredRationale {
  const text = canonicalText(doc).text;
  if (text.trim() === "") {
    throw new AppError("invalid_input", "rationale: Write a rationale.", { fields: { rationale: "Write a rationale." } });
  }
  if (text.length > MAX_RATIONALE_CHARS) {
    const message = `A rationale has at most ${MAX_RATIONALE_CHARS.toLocaleString("en")} characters.`;
    throw new AppError("invalid_input", `rationale: ${message}`, { fields: { rationale: message } });
  }
  return { doc: doc.toJSON() as JSONContent, text };
}

function checkHref(href: unknown): void {
  if (typeof href !== "string" || href.length > 2_000) throw unprocessable("A link needs an address.");
  let protocol: string;
  try {
    protocol = new URL(href).protocol;
  } catch {
    throw unprocessable(`A link address must be absolute: ${JSON.stringify(href.slice(0, 100))}.`);
  }
  if (!LINK_PROTOCOLS.has(protocol)) throw unprocessable("Links may only use http, https or mailto.");
}

function stripLinkAttributes(node: JSONContent): JSONContent {
  return {
    ...node,
    ...(node.marks
      ? {
          marks: node.marks.map((mark) =>
            mark.type === "link" ? { type: "link", attrs: { href: mark.attrs?.href as string } } : mark,
          ),
        }
      : {}),
    ...(node.content ? { content: node.content.map(stripLinkAttributes) } : {}),
  };
}

function unprocessable(message: string): AppError {
  return new AppError("unprocessable", message, { fields: { rationale: message } });
}
