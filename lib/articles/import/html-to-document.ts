/**
 * Imported HTML → an article document, sanitized by construction: the HTML is parsed on the
 * server (linkedom) and read by ProseMirror's DOMParser with the article schema's own parse
 * rules, so only what the schema knows can come out — paragraphs, headings, quotes, lists,
 * hard breaks, bold, italic and links. Everything else is dropped by not being understood:
 * attributes (event handlers, styles, classes), unknown elements (their text is kept, as the
 * text of a `<div>` or `<span>` should be). Elements whose text is not article text (scripts,
 * styles, frames, forms, media) are removed with their content before parsing.
 *
 * After parsing: h1 becomes a level-2 heading and h4–h6 level 3 (the editor offers 2 and 3);
 * link addresses other than absolute http/https/mailto are resolved against the article's URL
 * when relative, else the link is dropped (its text stays); blocks left empty are dropped;
 * text is trimmed at block edges and freed of control characters and lone surrogates.
 *
 * Server only (linkedom). The result still goes through `storedDocument` (lib/articles/document.ts).
 */
import { DOMParser as HTMLDOMParser } from "linkedom";
import { DOMParser, Fragment, type Mark, type Node as PMNode, type ParseRule } from "@tiptap/pm/model";
import { AppError } from "@/lib/errors";
import { articleSchema } from "@/lib/editor/extensions";
import { hrefProblem } from "@/lib/editor/article-document-rules";

/** Largest HTML accepted, in characters (before conversion). */
export const MAX_IMPORT_HTML_CHARS = 8_000_000;

/** Deepest element nesting read; deeper HTML is refused rather than risking the parser's stack. */
export const MAX_HTML_DEPTH = 256;

/** Most elements read. */
export const MAX_HTML_ELEMENTS = 400_000;

/** Elements removed with everything inside them: none of their text is article text. */
const REMOVED_ELEMENTS = [
  "head",
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "svg",
  "math",
  "canvas",
  "video",
  "audio",
  "picture",
  "map",
  "form",
  "button",
  "select",
  "textarea",
  "input",
  "dialog",
];

/** What was left out, for the preview. */
export interface HtmlImportReport {
  /** Elements removed with their content (scripts, frames…), by tag name. */
  removedElements: Record<string, number>;
  /** Links whose address was refused (their text is kept). */
  droppedLinks: number;
  /** Blocks dropped because nothing but white space was left in them. */
  emptyBlocks: number;
}

export interface HtmlToDocumentOptions {
  /** The article's own address: relative links are resolved against it (http/https only). */
  baseUrl?: string | null;
}

/** Parse rules that come before the schema's own: heading levels the editor does not offer. */
const EXTRA_RULES: ParseRule[] = [
  { tag: "h1", node: "heading", attrs: { level: 2 } },
  { tag: "h4", node: "heading", attrs: { level: 3 } },
  { tag: "h5", node: "heading", attrs: { level: 3 } },
  { tag: "h6", node: "heading", attrs: { level: 3 } },
  // Table cells read as paragraphs, so cells do not run into one another.
  { tag: "td", node: "paragraph" },
  { tag: "th", node: "paragraph" },
];

let cachedParser: DOMParser | undefined;

function importParser(): DOMParser {
  if (!cachedParser) {
    const schema = articleSchema();
    cachedParser = new DOMParser(schema, [...EXTRA_RULES, ...DOMParser.fromSchema(schema).rules]);
  }
  return cachedParser;
}

/** Converts HTML to an article document (not yet checked against the storage rules). */
export function htmlToDocument(html: string, options: HtmlToDocumentOptions = {}): { doc: PMNode; report: HtmlImportReport } {
  if (html.length > MAX_IMPORT_HTML_CHARS) {
    throw new AppError(
      "payload_too_large",
      `The HTML has ${html.length.toLocaleString("en")} characters; at most ${MAX_IMPORT_HTML_CHARS.toLocaleString("en")} are read.`,
    );
  }
  const report: HtmlImportReport = { removedElements: {}, droppedLinks: 0, emptyBlocks: 0 };
  // linkedom builds a document from a whole page, and drops text that comes before a `<body>`
  // tag or sits in a page without one. So everything, whole pages too, is parsed inside a page
  // of our own: a nested page's `<head>` is removed with its content below, and a stray
  // `<body>` inside pasted HTML no longer swallows the text before it.
  const page = `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  const document = new HTMLDOMParser().parseFromString(page, "text/html");
  const root = document.body ?? document.documentElement;
  if (!root) return { doc: emptyDocument(), report };

  for (const element of [...document.querySelectorAll(REMOVED_ELEMENTS.join(","))]) {
    const name = element.localName;
    report.removedElements[name] = (report.removedElements[name] ?? 0) + 1;
    element.remove();
  }
  checkShape(root);
  const baseUrl = usableBase(options.baseUrl);
  for (const anchor of [...root.querySelectorAll("a[href]")]) {
    if (absoluteHref(anchor.getAttribute("href"), baseUrl) === null) report.droppedLinks += 1;
  }

  const parsed = importParser().parse(root as unknown as Node);
  const [cleaned] = cleanBlock(parsed, { baseUrl, report });
  return { doc: cleaned?.type.name === "doc" ? cleaned : emptyDocument(), report };
}

function emptyDocument(): PMNode {
  const schema = articleSchema();
  return schema.topNodeType.create(null, schema.nodes.paragraph!.create());
}

/** Refuses HTML nested deeper or holding more elements than the limits, without recursion. */
function checkShape(root: { children: ArrayLike<unknown> }): void {
  const stack: Array<{ element: { children: ArrayLike<unknown> }; depth: number }> = [{ element: root, depth: 1 }];
  let elements = 0;
  while (stack.length > 0) {
    const { element, depth } = stack.pop()!;
    elements += 1;
    if (elements > MAX_HTML_ELEMENTS) {
      throw new AppError("payload_too_large", `The HTML has more than ${MAX_HTML_ELEMENTS.toLocaleString("en")} elements.`);
    }
    if (depth > MAX_HTML_DEPTH) {
      throw new AppError("unprocessable", `The HTML is nested more than ${MAX_HTML_DEPTH} levels deep.`);
    }
    const children = element.children;
    for (let index = 0; index < children.length; index += 1) {
      stack.push({ element: children[index] as { children: ArrayLike<unknown> }, depth: depth + 1 });
    }
  }
}

function usableBase(baseUrl: string | null | undefined): URL | null {
  if (!baseUrl) return null;
  try {
    const url = new URL(baseUrl);
    return url.protocol === "http:" || url.protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

interface CleanContext {
  baseUrl: URL | null;
  report: HtmlImportReport;
}

/**
 * A block with its empty descendants dropped: no node when nothing is left of it, and possibly
 * several when a list item loses its first paragraph (its nested list's items move up a level).
 */
function cleanBlock(node: PMNode, context: CleanContext): PMNode[] {
  if (node.isTextblock) {
    const cleaned = cleanTextblock(node, context);
    return cleaned ? [cleaned] : [];
  }
  const children: PMNode[] = [];
  node.forEach((child) => {
    children.push(...cleanBlock(child, context));
  });
  if (children.length === 0) return [];
  const content = Fragment.fromArray(children);
  if (node.type.validContent(content)) return [node.copy(content)];
  const [first, ...rest] = children;
  if (node.type.name === "listItem" && first && (first.type.name === "bulletList" || first.type.name === "orderedList")) {
    const lifted: PMNode[] = [];
    first.forEach((item) => lifted.push(item));
    const remainder = rest.length > 0 ? node.type.createAndFill(node.attrs, rest) : null;
    return remainder ? [...lifted, remainder] : lifted;
  }
  // Anything else the schema cannot take as it is: let it fill in what it requires.
  const filled = node.type.createAndFill(node.attrs, content, node.marks);
  return [filled ?? node];
}

/** Control characters other than tab and line breaks, which no article text holds. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

function cleanTextblock(node: PMNode, context: CleanContext): PMNode | null {
  const schema = node.type.schema;
  const inline: PMNode[] = [];
  node.forEach((child) => {
    if (!child.isText) {
      inline.push(child);
      return;
    }
    const text = (child.text ?? "").replace(CONTROL_CHARACTERS, "").toWellFormed();
    if (text !== "") inline.push(schema.text(text, cleanMarks(child.marks, context)));
  });
  const isBlank = (child: PMNode | undefined) => child !== undefined && (!child.isText || (child.text ?? "").trim() === "");
  while (isBlank(inline[0])) inline.shift();
  while (isBlank(inline[inline.length - 1])) inline.pop();
  if (inline.length === 0) {
    context.report.emptyBlocks += 1;
    return null;
  }
  const first = inline[0]!;
  const last = inline[inline.length - 1]!;
  inline[0] = schema.text((first.text ?? "").replace(/^\s+/, ""), first.marks);
  const lastIndex = inline.length - 1;
  inline[lastIndex] = schema.text(((lastIndex === 0 ? inline[0] : last).text ?? "").replace(/\s+$/, ""), last.marks);
  return node.type.create(node.attrs, inline);
}

/** Marks with link addresses made absolute, or the link dropped when it cannot be allowed. */
function cleanMarks(marks: readonly Mark[], context: CleanContext): readonly Mark[] {
  if (!marks.some((mark) => mark.type.name === "link")) return marks;
  const result: Mark[] = [];
  for (const mark of marks) {
    if (mark.type.name !== "link") {
      result.push(mark);
      continue;
    }
    // Counted in `droppedLinks` beforehand, from the HTML (the schema's parse rule already
    // drops some, such as javascript: and data: links, without a trace).
    const href = absoluteHref(mark.attrs.href, context.baseUrl);
    if (href !== null) result.push(mark.type.create({ href }));
  }
  return result;
}

function absoluteHref(href: unknown, baseUrl: URL | null): string | null {
  if (typeof href !== "string") return null;
  const trimmed = href.trim();
  if (hrefProblem(trimmed) === null) return trimmed;
  // A fragment points into the page the HTML came from, which the article is not.
  if (baseUrl === null || trimmed === "" || trimmed.startsWith("#") || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return null;
  try {
    const resolved = new URL(trimmed, baseUrl).href;
    return hrefProblem(resolved) === null ? resolved : null;
  } catch {
    return null;
  }
}
