/**
 * Escaping for the exports. Everything in a snapshot that people typed (article text, claims,
 * rationales, source titles, notes, names, urls) is untrusted: it reaches other people's
 * browsers and Markdown renderers through these functions only.
 */

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text for HTML element content or a double-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/**
 * An address safe to put in an `href`: absolute http(s) only (mailto too when `allowMailto`),
 * normalised by the URL parser; null for anything else (javascript:, data:, relative paths…).
 */
export function safeHref(url: string | null | undefined, { allowMailto = false } = {}): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  const allowed = parsed.protocol === "http:" || parsed.protocol === "https:" || (allowMailto && parsed.protocol === "mailto:");
  return allowed ? parsed.href : null;
}

/**
 * JSON for the inside of a `<script type="application/ld+json">` element. Nothing in it can
 * close the element or open a comment: `<`, `>` and `&` become \u escapes, which JSON parsers
 * read back as the same characters. U+2028 and U+2029 are escaped too, for old JavaScript
 * parsers that treat them as line ends.
 */
export function jsonForScript(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent).replace(/[<>&\u2028\u2029]/g, (char) => {
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
}

/**
 * Inline Markdown text: characters that start emphasis, links, code, HTML or autolinks are
 * backslash-escaped (CommonMark treats a backslash before any ASCII punctuation as a literal).
 */
export function escapeMarkdownInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, "\\$&").replace(/&(?=#?\w+;)/g, "\\&");
}

/**
 * The start of a Markdown line, escaped so that text cannot turn into a heading, quote, list,
 * rule, table or code block: leading spaces are dropped (four would make code) and a leading
 * block marker is backslash-escaped.
 */
export function escapeMarkdownLineStart(line: string): string {
  const trimmed = line.replace(/^[ \t]+/, "");
  return trimmed
    .replace(/^([#>+\-=])/, "\\$1")
    .replace(/^(\d+)([.)])/, "$1\\$2");
}

/** A URL for a Markdown link destination: only http(s) (and mailto), with <, > and spaces percent-encoded. */
export function markdownHref(url: string | null | undefined, options: { allowMailto?: boolean } = {}): string | null {
  const href = safeHref(url, options);
  return href ? href.replace(/[<> ()]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`) : null;
}
