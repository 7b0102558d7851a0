/**
 * Checks that markup, Markdown and JSON-LD produced from hostile input are inert, shared by the
 * unit tests (on strings, through linkedom) and the end-to-end tests (on pages in Chromium).
 *
 * `markupProblems` is self-contained (no imports, no outer constants) so that Playwright can
 * send it into a page with `page.evaluate`; it reads only the DOM standard both sides offer.
 */
import { parseHTML } from "linkedom";
import type { JSONContent } from "@tiptap/core";
import { marked } from "marked";

/** How strictly `markupProblems` judges the elements it finds. */
export interface MarkupRules {
  /**
   * Tags (lower case) that may appear; anything else is reported. Without a list, only
   * elements that can run script, load content or submit forms are reported.
   */
  allowedTags?: string[];
  /** Report `<script>` elements other than `type="application/ld+json"` (default true). */
  scripts?: boolean;
  /** Judge elements at all (default true); false checks attributes only, for a whole app page. */
  tags?: boolean;
  /** Tags tolerated without an allow-list: an app page's own form controls, say. */
  ignoreTags?: string[];
}

/**
 * Everything under `root` (the element itself included) that could run script: event handler
 * attributes, javascript:/data:/vbscript: addresses in any attribute that browsers load or
 * follow (after stripping the whitespace and control characters browsers ignore), `srcdoc`,
 * script in styles, and elements that are not allowed. One line per problem.
 */
export function markupProblems(root: Element, rules: MarkupRules = {}): string[] {
  const URL_ATTRIBUTES = [
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "background",
    "poster",
    "cite",
    "dynsrc",
    "lowsrc",
    "ping",
    "codebase",
    "manifest",
    "icon",
  ];
  const ACTIVE_TAGS = [
    "script",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "img",
    "image",
    "svg",
    "math",
    "form",
    "input",
    "textarea",
    "select",
    "keygen",
    "isindex",
    "video",
    "audio",
    "source",
    "base",
    "meta",
    "link",
    "style",
    "template",
    "details",
    "marquee",
    "noscript",
    "body",
    "animate",
    "set",
  ];
  const problems: string[] = [];
  const elements = [root, ...Array.from(root.querySelectorAll("*"))];
  for (const element of elements) {
    const tag = element.tagName.toLowerCase();
    const isJsonLd = tag === "script" && (element.getAttribute("type") ?? "").trim().toLowerCase() === "application/ld+json";
    // The app's own scripts carry the page's CSP nonce, which injected markup cannot know.
    if (tag === "script" && !isJsonLd && rules.scripts !== false && !element.hasAttribute("nonce")) problems.push(`<script> element`);
    if (rules.tags === false) {
      // attributes only
    } else if (rules.allowedTags) {
      if (!rules.allowedTags.includes(tag) && !(isJsonLd && rules.allowedTags.includes("script"))) problems.push(`<${tag}> element`);
    } else if (tag !== "script" && element !== root && ACTIVE_TAGS.includes(tag) && !(rules.ignoreTags ?? []).includes(tag)) {
      problems.push(`<${tag}> element`);
    }
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value;
      if (name.startsWith("on")) problems.push(`<${tag} ${name}=${JSON.stringify(value.slice(0, 60))}>`);
      if (name === "srcdoc") problems.push(`<${tag} srcdoc>`);
      const compact = value.replace(/[\u0000-\u0020\u007f]/g, "").toLowerCase();
      if (URL_ATTRIBUTES.includes(name) && /^(javascript|data|vbscript):/.test(compact)) {
        problems.push(`<${tag} ${name}=${JSON.stringify(value.slice(0, 60))}>`);
      }
      if (name === "style" && /javascript:|expression\(|url\(|@import|behavior:/.test(compact)) {
        problems.push(`<${tag} style=${JSON.stringify(value.slice(0, 60))}>`);
      }
    }
  }
  return problems;
}

/** An HTML string as a document (linkedom), for `markupProblems` outside a browser. */
export function parseDocument(html: string): Document {
  const page = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  return parseHTML(page).document as unknown as Document;
}

/** Tags of the HTML export's body: its own layout and the article vocabulary, nothing else. */
export const HTML_EXPORT_BODY_TAGS = [
  "body",
  "main",
  "header",
  "footer",
  "article",
  "section",
  "h1",
  "h2",
  "h3",
  "p",
  "strong",
  "em",
  "a",
  "br",
  "mark",
  "span",
  "sup",
  "q",
  "div",
  "blockquote",
  "ul",
  "ol",
  "li",
  "dl",
  "dt",
  "dd",
];

/**
 * Problems of a whole HTML export: the body holds only its own vocabulary and nothing active;
 * the head only its fixed elements; every JSON-LD script parses and has no `<` inside, so no
 * `</script>` can end it early.
 */
export function htmlExportProblems(html: string): string[] {
  const document = parseDocument(html);
  const problems = markupProblems(document.body, { allowedTags: HTML_EXPORT_BODY_TAGS });
  problems.push(...markupProblems(document.head, { allowedTags: ["head", "meta", "title", "link", "style", "script"] }));
  for (const link of Array.from(document.head.querySelectorAll("link"))) {
    if (link.getAttribute("rel") !== "canonical") problems.push(`<link rel=${link.getAttribute("rel")}> in the head`);
  }
  if (document.head.querySelectorAll("style").length !== 1) problems.push("more than one <style> element");
  problems.push(...jsonLdProblems(html));
  return problems;
}

/** The raw contents of every `<script type="application/ld+json">`, read from the string itself. */
export function jsonLdBlocks(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script\s*>/gi)].map((match) => match[1] ?? "");
}

/** JSON-LD blocks that hold a `<` (which could close the element) or do not parse. */
export function jsonLdProblems(html: string): string[] {
  const problems: string[] = [];
  for (const block of jsonLdBlocks(html)) {
    if (block.includes("<")) problems.push(`"<" inside ld+json: ${block.slice(block.indexOf("<") - 20, block.indexOf("<") + 40)}`);
    try {
      JSON.parse(block);
    } catch {
      problems.push("ld+json that does not parse");
    }
  }
  // Every <script opening must be one of the JSON-LD blocks: nothing else opened a script.
  const openings = html.match(/<script\b/gi)?.length ?? 0;
  if (openings !== jsonLdBlocks(html).length) problems.push(`${openings} <script> openings for ${jsonLdBlocks(html).length} JSON-LD blocks`);
  return problems;
}

/** Tags a CommonMark renderer makes of our Markdown: no raw HTML ever gets through. */
export const MARKDOWN_TAGS = ["body", "pre", "code", "h1", "h2", "h3", "h4", "h5", "h6", "p", "a", "em", "strong", "ol", "ul", "li", "blockquote", "hr", "br", "del"];

/** Markdown rendered as a reader's tool would (marked, GitHub flavour), as a document body. */
export function renderMarkdown(markdown: string): Element {
  const html = marked.parse(markdown, { gfm: true, async: false });
  return parseDocument(html).body;
}

/**
 * Problems of a Markdown export: link or image targets with a javascript:/data:/vbscript:
 * scheme in the source, and anything active in what a Markdown renderer makes of it.
 */
export function markdownProblems(markdown: string): string[] {
  const problems: string[] = [];
  // An escaped bracket (`\\]`) is text, not the end of a link.
  for (const match of markdown.matchAll(/(?<!\\)\]\(\s*<?\s*([a-z][a-z0-9+.-]*):/gi)) {
    const scheme = (match[1] ?? "").toLowerCase();
    if (!["http", "https", "mailto"].includes(scheme)) problems.push(`link target ${match[0]}`);
  }
  problems.push(...markupProblems(renderMarkdown(markdown), { allowedTags: MARKDOWN_TAGS }));
  return problems;
}

/** Keys whose values are addresses, in W3C Web Annotation and schema.org JSON-LD. */
const URL_KEYS = new Set(["id", "@id", "url", "source", "partOf", "@context", "sameAs", "first", "last", "next", "prev"]);

/** String values under address keys that are not absolute http(s) URLs, with their paths. */
export function jsonUrlProblems(value: unknown, path = "$"): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => jsonUrlProblems(item, `${path}[${index}]`));
  if (value === null || typeof value !== "object") return [];
  const problems: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (typeof child === "string" && URL_KEYS.has(key)) {
      let ok = false;
      try {
        const url = new URL(child);
        ok = (url.protocol === "http:" || url.protocol === "https:") && !/[\u0000-\u0020\u007f]/.test(child);
      } catch {
        ok = false;
      }
      if (!ok) problems.push(`${path}.${key} = ${JSON.stringify(child.slice(0, 80))}`);
    } else {
      problems.push(...jsonUrlProblems(child, `${path}.${key}`));
    }
  }
  return problems;
}

/** Node and mark types of the article schema (lib/editor/extensions.ts). */
const NODE_TYPES = new Set(["doc", "paragraph", "heading", "blockquote", "bulletList", "orderedList", "listItem", "text", "hardBreak"]);
const MARK_TYPES = new Set(["bold", "italic", "link"]);

/** Problems of stored document JSON: foreign nodes or marks, links other than http(s)/mailto, handler-like attributes. */
export function documentJsonProblems(doc: JSONContent): string[] {
  const problems: string[] = [];
  const visit = (node: JSONContent) => {
    if (!NODE_TYPES.has(node.type ?? "")) problems.push(`node ${node.type}`);
    for (const [name, value] of Object.entries(node.attrs ?? {})) {
      if (/^on/i.test(name) || /javascript:|data:|<script/i.test(String(value))) problems.push(`${node.type} ${name}=${String(value)}`);
    }
    for (const mark of node.marks ?? []) {
      if (!MARK_TYPES.has(mark.type)) problems.push(`mark ${mark.type}`);
      if (mark.type === "link" && !/^(https?:\/\/|mailto:)/i.test(String(mark.attrs?.href))) problems.push(`link ${String(mark.attrs?.href)}`);
      for (const [name, value] of Object.entries(mark.attrs ?? {})) {
        if (/^on/i.test(name) || /javascript:|data:/i.test(String(value))) problems.push(`${mark.type} ${name}=${String(value)}`);
      }
    }
    for (const child of node.content ?? []) visit(child);
  };
  visit(doc);
  return problems;
}
