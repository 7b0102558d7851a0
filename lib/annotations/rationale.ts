/**
 * A verification's rationale, as stored: a small rich-text document (lib/editor/rationale-extensions.ts)
 * and its plain text. Clients send either plain text (blank lines separate paragraphs, a single
 * line break stays a line break) or a ProseMirror JSON document; both end up as the same pair.
 *
 * The schema is the first gate (unknown nodes and marks fail to parse); links are checked here
 * because ProseMirror does not look inside attribute values, and a `javascript:` href in a
 * stored rationale would be a script waiting for the first page that renders it.
 *
 * Mentions: a person is a `mention` node holding only their user id (a `<@userId>` written in
 * plain text, or inside a document's text, becomes one). The stored text writes each as
 * `<@userId>`, like a reply's body (lib/mentions/tokens.ts); readers get both with the current
 * names filled in (`rationaleForReader`), so a renamed person is shown by their new name.
 */
import type { JSONContent } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { AppError } from "@/lib/errors";
import { rationaleSchema } from "@/lib/editor/rationale-extensions";
import { ALLOWED_LINK_PROTOCOLS } from "@/lib/editor/extensions";
import { canonicalText, documentFromJSON, docFromPlainText } from "@/lib/anchoring";
import { MENTION_TOKEN, mentionToken, mentionsAsText } from "@/lib/mentions/tokens";

/** Longest rationale accepted, in characters of plain text. */
export const MAX_RATIONALE_CHARS = 20_000;

/** A rationale ready to store. */
export interface StoredRationale {
  doc: JSONContent;
  text: string;
  /** The distinct user ids it mentions, in order of first mention. */
  mentions: string[];
}

/** A user id as a mention may hold one (the shape of `<@userId>`). */
const MENTION_ID = /^[A-Za-z0-9_-]{1,64}$/;

const LINK_PROTOCOLS = new Set<string>(ALLOWED_LINK_PROTOCOLS.map((protocol) => `${protocol}:`));
const LIST_TYPES = new Set([null, "1", "a", "A", "i", "I"]);

/** A rationale from plain text or a document; `unprocessable` when a document breaks the schema. */
export function rationaleFromInput(input: string | Record<string, unknown>): StoredRationale {
  return typeof input === "string" ? rationaleFromText(input) : rationaleFromJSON(input);
}

/** A rationale from plain text: paragraphs at blank lines, hard breaks at single line breaks. */
export function rationaleFromText(text: string): StoredRationale {
  return finish(documentFromJSON(tokensToMentions(docFromPlainText(text) as JSONContent), rationaleSchema()));
}

/** A rationale from ProseMirror JSON, checked against the rationale schema and its link rules. */
export function rationaleFromJSON(json: unknown): StoredRationale {
  let doc: PMNode;
  try {
    doc = documentFromJSON(typeof json === "object" && json !== null ? tokensToMentions(json as JSONContent) : json, rationaleSchema());
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
    if (node.type.name === "mention") {
      const id: unknown = node.attrs.id;
      if (typeof id !== "string" || !MENTION_ID.test(id)) throw unprocessable("A mention must name a member of the desk by id.");
    }
    return true;
  });
  // Keep only the href of each link: target, class and title come from the schema's defaults,
  // so a client cannot smuggle attributes into what other people's browsers render. A mention
  // keeps only its id: the name shown is always the person's current one, filled in on read.
  const cleaned = documentFromJSON(stripAttributes(doc.toJSON() as JSONContent), rationaleSchema());
  return finish(cleaned);
}

function finish(doc: PMNode): StoredRationale {
  const json = doc.toJSON() as JSONContent;
  const mentions = new Set<string>();
  doc.descendants((node) => {
    if (node.type.name === "mention") mentions.add(node.attrs.id as string);
    return true;
  });
  const text = canonicalText(documentFromJSON(mentionsToText(json, mentionToken), rationaleSchema())).text;
  if (text.trim() === "") {
    throw new AppError("invalid_input", "rationale: Write a rationale.", { fields: { rationale: "Write a rationale." } });
  }
  if (text.length > MAX_RATIONALE_CHARS) {
    const message = `A rationale has at most ${MAX_RATIONALE_CHARS.toLocaleString("en")} characters.`;
    throw new AppError("invalid_input", `rationale: ${message}`, { fields: { rationale: message } });
  }
  return { doc: json, text, mentions: [...mentions] };
}

/**
 * A stored rationale as a reader sees it: each mention's `label` set to the person's current
 * name (null for someone no longer on the desk) and the text with `@Name` for `<@userId>`.
 */
export function rationaleForReader(
  stored: { doc: JSONContent; text: string },
  names: ReadonlyMap<string, string>,
): { doc: JSONContent; text: string } {
  const label = (node: JSONContent): JSONContent =>
    node.type === "mention"
      ? { ...node, attrs: { ...node.attrs, label: names.get(node.attrs?.id as string) ?? null } }
      : node.content
        ? { ...node, content: node.content.map(label) }
        : node;
  return { doc: label(stored.doc), text: mentionsAsText(stored.text, names) };
}

/** The user ids a stored rationale document mentions, in order of first mention. */
export function rationaleMentionIds(doc: JSONContent): string[] {
  const ids = new Set<string>();
  const walk = (node: JSONContent) => {
    if (node.type === "mention" && typeof node.attrs?.id === "string") ids.add(node.attrs.id);
    node.content?.forEach(walk);
  };
  walk(doc);
  return [...ids];
}

/** `doc` with every `<@userId>` in its text turned into a mention node. */
function tokensToMentions(node: JSONContent): JSONContent {
  // Anything malformed passes as it is: the schema check that follows refuses it.
  if (typeof node !== "object" || node === null || !Array.isArray(node.content)) return node;
  const content: JSONContent[] = [];
  for (const child of node.content) {
    if (typeof child !== "object" || child === null || child.type !== "text" || typeof child.text !== "string") {
      content.push(tokensToMentions(child));
      continue;
    }
    let last = 0;
    for (const match of child.text.matchAll(MENTION_TOKEN)) {
      if (match.index > last) content.push({ ...child, text: child.text.slice(last, match.index) });
      content.push({ type: "mention", attrs: { id: match[1]! } });
      last = match.index + match[0].length;
    }
    if (last === 0) content.push(child);
    else if (last < child.text.length) content.push({ ...child, text: child.text.slice(last) });
  }
  return { ...node, content };
}

/** `doc` with each mention node written as text (`render(id)`), keeping its marks. */
function mentionsToText(node: JSONContent, render: (id: string) => string): JSONContent {
  if (node.type === "mention") {
    return { type: "text", text: render(node.attrs?.id as string), ...(node.marks ? { marks: node.marks } : {}) };
  }
  return node.content ? { ...node, content: node.content.map((child) => mentionsToText(child, render)) } : node;
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

function stripAttributes(node: JSONContent): JSONContent {
  if (node.type === "mention") return { type: "mention", attrs: { id: node.attrs?.id as string } };
  return {
    ...node,
    ...(node.marks
      ? {
          marks: node.marks.map((mark) =>
            mark.type === "link" ? { type: "link", attrs: { href: mark.attrs?.href as string } } : mark,
          ),
        }
      : {}),
    ...(node.content ? { content: node.content.map(stripAttributes) } : {}),
  };
}

function unprocessable(message: string): AppError {
  return new AppError("unprocessable", message, { fields: { rationale: message } });
}
