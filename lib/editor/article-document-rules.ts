/**
 * What an article document may hold beyond its schema, checked the same way in the browser
 * (the editor refuses to save) and on the server (which refuses to store, D6).
 *
 * ProseMirror checks node and mark *types* and content expressions, but not attribute values:
 * a `javascript:` href survives `nodeFromJSON` and Tiptap's `getJSON()` (the Link extension only
 * refuses to render it), a heading may claim level 1 or "<x>", and text may carry characters
 * PostgreSQL cannot store. Those rules live here, next to the limits on size, so a document is
 * judged by one function wherever it comes from.
 *
 * Pure code: no DOM, no database.
 */
import type { Node as PMNode } from "@tiptap/pm/model";
import { ALLOWED_LINK_PROTOCOLS } from "@/lib/editor/extensions";

/** Largest article text accepted, in characters of canonical text (a long feature is ~60,000). */
export const MAX_ARTICLE_CHARS = 1_000_000;

/** Most blocks (paragraphs, headings, list items' paragraphs) an article may have. */
export const MAX_ARTICLE_BLOCKS = 5_000;

/** Deepest nesting of nodes accepted (lists in quotes in lists…); real articles stay under 10. */
export const MAX_DOCUMENT_DEPTH = 32;

/** Longest link address kept. */
export const MAX_HREF_LENGTH = 2_000;

/** Heading levels of the article schema (lib/editor/extensions.ts). */
export const HEADING_LEVELS: readonly number[] = [2, 3];

const LINK_PROTOCOLS = new Set<string>(ALLOWED_LINK_PROTOCOLS.map((protocol) => `${protocol}:`));
const LIST_TYPES = new Set<unknown>([null, undefined, "1", "a", "A", "i", "I"]);

/** Why a link address is refused, or null when it is an absolute http, https or mailto URL. */
export function hrefProblem(href: unknown): string | null {
  if (typeof href !== "string" || href.trim() === "") return "A link has no address.";
  if (href.length > MAX_HREF_LENGTH) return `A link address has at most ${MAX_HREF_LENGTH.toLocaleString("en")} characters.`;
  let protocol: string;
  try {
    protocol = new URL(href).protocol;
  } catch {
    return `A link address must be absolute: ${JSON.stringify(href.slice(0, 80))}.`;
  }
  if (!LINK_PROTOCOLS.has(protocol)) {
    return `Links may only use http, https or mailto, not ${JSON.stringify(protocol.slice(0, 40))}.`;
  }
  return null;
}

/** True for text that PostgreSQL and JSON can hold as it is: no NUL, no lone surrogate. */
export function isStorableText(text: string): boolean {
  return !text.includes("\u0000") && text.isWellFormed();
}

/**
 * The first rule a document of the article schema breaks, or null: heading levels, list
 * attributes, link addresses and characters. Sizes are checked apart (`sizeProblem`), since
 * they answer 413 rather than 422.
 */
export function articleDocumentProblem(doc: PMNode): string | null {
  let problem: string | null = null;
  doc.descendants((node) => {
    if (problem) return false;
    if (node.type.name === "heading" && !HEADING_LEVELS.includes(node.attrs.level as number)) {
      problem = `Headings may only be of level ${HEADING_LEVELS.join(" or ")}.`;
    } else if (node.type.name === "orderedList") {
      const { start, type } = node.attrs as { start: unknown; type: unknown };
      if (typeof start !== "number" || !Number.isInteger(start) || start < 0 || start > 1_000_000) {
        problem = "A numbered list must start at a whole number.";
      } else if (!LIST_TYPES.has(type)) {
        problem = "A numbered list has an unknown numbering type.";
      }
    } else if (node.isText && !isStorableText(node.text ?? "")) {
      problem = "The text contains characters that cannot be stored (a NUL or half of an emoji).";
    }
    for (const mark of node.marks) {
      if (problem) break;
      if (mark.type.name === "link") problem = hrefProblem(mark.attrs.href);
    }
    return !problem;
  });
  return problem;
}

/** How many textblocks (paragraphs and headings, wherever they are nested) a document has. */
export function countBlocks(doc: PMNode): number {
  let blocks = 0;
  doc.descendants((node) => {
    if (node.isTextblock) blocks += 1;
    return !node.isTextblock;
  });
  return blocks;
}

/** Why a document is too large to store, or null: its blocks and its canonical text's length. */
export function sizeProblem(blocks: number, chars: number): string | null {
  if (blocks > MAX_ARTICLE_BLOCKS) return tooManyBlocks(blocks);
  if (chars > MAX_ARTICLE_CHARS) return tooManyChars(chars);
  return null;
}

/** The message for a document over MAX_ARTICLE_BLOCKS. */
export function tooManyBlocks(blocks: number): string {
  return `The article has ${blocks.toLocaleString("en")} paragraphs and headings; at most ${MAX_ARTICLE_BLOCKS.toLocaleString("en")} are accepted.`;
}

/** The message for a text over MAX_ARTICLE_CHARS. */
export function tooManyChars(chars: number): string {
  return `The article has ${chars.toLocaleString("en")} characters; at most ${MAX_ARTICLE_CHARS.toLocaleString("en")} are accepted.`;
}

/**
 * The deepest nesting in document JSON, counted without recursion and stopping past `limit`,
 * so a hostile document cannot overflow the stack of the recursive parser that reads it next.
 */
export function jsonDepthExceeds(json: unknown, limit: number = MAX_DOCUMENT_DEPTH): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value: json, depth: 1 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (typeof value !== "object" || value === null) continue;
    const content = (value as { content?: unknown }).content;
    if (!Array.isArray(content)) continue;
    if (depth + 1 > limit && content.length > 0) return true;
    for (const child of content) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}
