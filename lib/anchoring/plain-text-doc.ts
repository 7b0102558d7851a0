/**
 * Plain text → article document JSON, for imports of .txt and pasted text and for the seed.
 *
 * The invariant that makes imported text safe to anchor on:
 *
 *   canonicalTextFromJSON(docFromPlainText(t)).text === normalizePlainText(t)
 *
 * for every string t. So the text an editor pasted and the canonical text that claims anchor
 * on (D2) differ only by the normalisation below, which is applied to both in one place.
 *
 * Normalisation: "\r\n" and "\r" become "\n"; byte-order marks before the first text are
 * dropped; a line holding only whitespace counts as blank; blank lines (one or more, so also
 * runs of three or more newlines) separate paragraphs; blank lines at the start and end are
 * dropped; the remaining lines are kept verbatim, including their inner and edge spaces.
 * Paragraphs are joined by "\n\n" and the lines of a paragraph by "\n" (a hardBreak in the
 * document).
 *
 * Pure code: no DOM and no database.
 */

/** A text node or hard break of a plain-text document. */
export type PlainTextInline = { type: "text"; text: string } | { type: "hardBreak" };

/** A paragraph, or a level-2 heading, of a plain-text document. */
export type PlainTextBlock =
  | { type: "paragraph"; content?: PlainTextInline[] }
  | { type: "heading"; attrs: { level: 2 }; content: PlainTextInline[] };

/** Document JSON as Tiptap reads it (assignable to `JSONContent`). */
export interface PlainTextDoc {
  type: "doc";
  content: PlainTextBlock[];
}

/** Options of docFromPlainText. */
export interface DocFromPlainTextOptions {
  /**
   * Paragraphs to make level-2 headings: a set of exact paragraph texts (after normalisation),
   * or a predicate on them.
   * @default no headings
   */
  headings?: ReadonlySet<string> | ((paragraph: string) => boolean);
}

/** The paragraphs of `text` after normalisation, each with its lines joined by "\n". */
export function plainTextParagraphs(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === "") {
      if (current.length > 0) paragraphs.push(current.join("\n"));
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) paragraphs.push(current.join("\n"));
  // A byte-order mark is file encoding, not text. Dropping it from the first paragraph (not
  // only from the first character) keeps normalisation idempotent; the paragraph stays
  // non-empty because trim() counts U+FEFF as whitespace, so it had another character.
  if (paragraphs[0] !== undefined) paragraphs[0] = paragraphs[0].replace(/^\uFEFF+/, "");
  return paragraphs;
}

/** The text as docFromPlainText reads it: equal to the canonical text of the document it builds. */
export function normalizePlainText(text: string): string {
  return plainTextParagraphs(text).join("\n\n");
}

/** Turn plain text into article document JSON whose canonical text is normalizePlainText(text). */
export function docFromPlainText(text: string, options: DocFromPlainTextOptions = {}): PlainTextDoc {
  const { headings } = options;
  const isHeading =
    headings === undefined
      ? () => false
      : typeof headings === "function"
        ? headings
        : (paragraph: string) => headings.has(paragraph);
  const content: PlainTextBlock[] = plainTextParagraphs(text).map((paragraph) =>
    isHeading(paragraph)
      ? { type: "heading", attrs: { level: 2 }, content: inlineContent(paragraph) }
      : { type: "paragraph", content: inlineContent(paragraph) },
  );
  // The schema needs at least one block; an empty paragraph has the canonical text "".
  if (content.length === 0) content.push({ type: "paragraph" });
  return { type: "doc", content };
}

function inlineContent(paragraph: string): PlainTextInline[] {
  const inline: PlainTextInline[] = [];
  paragraph.split("\n").forEach((line, index) => {
    if (index > 0) inline.push({ type: "hardBreak" });
    // Lines of a paragraph are never blank, so no empty text node (which ProseMirror rejects).
    inline.push({ type: "text", text: line });
  });
  return inline;
}
