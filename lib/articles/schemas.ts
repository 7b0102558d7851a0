/** Input schemas for articles. */
import { z } from "zod";
import { LANGUAGE_CODES } from "@/lib/articles/languages";

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} has at most ${max} characters.`)
    .transform((value) => (value === "" ? null : value))
    .nullish();

export { MAX_ARTICLE_CHARS } from "@/lib/editor/article-document-rules";

/**
 * Longest text or HTML read from a request, in characters. The stored article is held to
 * MAX_ARTICLE_CHARS of canonical text (413 past it); this bound only keeps a request from
 * making the server convert megabytes of markup first.
 */
export const MAX_SOURCE_CHARS = 8_000_000;

const sourceText = (label: string) =>
  z
    .string({ error: `Send the ${label} as a string.` })
    .max(MAX_SOURCE_CHARS, `The ${label} has at most ${MAX_SOURCE_CHARS.toLocaleString("en")} characters.`)
    // PostgreSQL text cannot hold NUL; it never belongs in an article anyway.
    .transform((value) => value.replaceAll("\u0000", ""));

/** An uploaded file, sent inside the JSON body (base64) so that mutations stay JSON-only. */
export const ImportFileInput = z.strictObject({
  name: z.string({ error: "Send the file name." }).trim().min(1, "Send the file name.").max(255, "A file name has at most 255 characters."),
  contentBase64: z
    .string({ error: "Send the file content as base64." })
    .max(Math.ceil(MAX_SOURCE_CHARS / 3) * 4, "The file is too large.")
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, "The file content is not valid base64."),
});

/** Where an article's text comes from: exactly one of these. */
const sourceFields = {
  text: sourceText("article text").optional(),
  html: sourceText("HTML").optional(),
  doc: z.record(z.string(), z.unknown()).optional(),
  file: ImportFileInput.optional(),
};

type SourceFields = { text?: string; html?: string; doc?: Record<string, unknown>; file?: unknown };

const SOURCE_KEYS = ["text", "html", "doc", "file"] as const;

/** No text, HTML, document or file, but an address: the page is fetched from it. */
export function isUrlImport(value: SourceFields & { url?: string | null }): boolean {
  return SOURCE_KEYS.every((key) => value[key] === undefined) && typeof value.url === "string" && value.url !== "";
}

function exactlyOneSource(value: SourceFields & { url?: string | null }): boolean {
  return SOURCE_KEYS.filter((key) => value[key] !== undefined).length === 1 || isUrlImport(value);
}

const ONE_SOURCE = {
  message: "Send the article as exactly one of text, html, doc or file, or only its url to fetch it.",
  path: ["text"],
};

const metadataFields = {
  outlet: optionalText(200, "An outlet"),
  author: optionalText(200, "An author"),
  url: z
    .url({ protocol: /^https?$/, error: "Enter an http(s) address." })
    .max(2000, "An address has at most 2,000 characters.")
    .nullish()
    .or(z.literal("").transform(() => null)),
  publishedAt: z.coerce.date({ error: "Enter a valid date." }).nullish(),
  /** ISO 639-1; detected from the text when absent or empty. */
  language: z
    .enum(LANGUAGE_CODES, { error: "Choose one of the languages offered (an ISO 639-1 code such as en or fr)." })
    .nullish()
    .or(z.literal("").transform(() => null)),
};

const title = z
  .string({ error: "Enter a title." })
  .trim()
  .min(1, "Enter a title.")
  .max(300, "A title has at most 300 characters.");

/**
 * An article and its first revision, from plain text, HTML, a ProseMirror document or a file;
 * or from its address alone (`{url}`), fetched and extracted, the title and other metadata then
 * taken from the page unless given.
 */
export const CreateArticleInput = z
  .strictObject({ title: title.optional(), ...sourceFields, ...metadataFields })
  .refine(exactlyOneSource, ONE_SOURCE)
  .refine((value) => value.title !== undefined || isUrlImport(value), { message: "Enter a title.", path: ["title"] })
  .refine((value) => value.text === undefined || value.text.trim().length > 0, {
    message: "The article text is empty.",
    path: ["text"],
  });
export type CreateArticleInput = z.input<typeof CreateArticleInput>;

/** What the import form sends for a preview: the same as an import, the title optional. */
export const PreviewArticleInput = z
  .strictObject({ title: z.string().max(300).optional(), ...sourceFields, ...metadataFields })
  .refine(exactlyOneSource, ONE_SOURCE);
export type PreviewArticleInput = z.input<typeof PreviewArticleInput>;

/** The source fields of an import, once parsed. */
export type ArticleSource = Pick<z.output<typeof CreateArticleInput>, "text" | "html" | "doc" | "file">;

/**
 * A corrected text: plain text or a document, and the number of the revision it was made
 * from (409 when that is no longer the current one).
 */
export const CreateRevisionInput = z
  .strictObject({
    text: sourceText("article text").optional(),
    doc: z.record(z.string(), z.unknown()).optional(),
    baseRevision: z
      .number({ error: "Send baseRevision: the number of the revision you corrected." })
      .int("A revision number is a whole number.")
      .min(1, "Revisions are numbered from 1.")
      .max(2_147_483_647, "No such revision.")
      .meta({ description: "The number of the revision you corrected (`revision.number` of the article); 409 when it is no longer the current one." }),
  })
  .refine((value) => (value.text === undefined) !== (value.doc === undefined), {
    message: "Send either the corrected text or a document, not both.",
    path: ["text"],
  })
  .refine((value) => value.text === undefined || value.text.trim().length > 0, {
    message: "The article text is empty.",
    path: ["text"],
  });
export type CreateRevisionInput = z.input<typeof CreateRevisionInput>;

/** Cursor pagination for lists. */
export const ListInput = z.object({
  cursor: z.string().max(100).nullish(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/** What an import from a URL read from the page besides its body (`page` of the preview). */
export const WebPageSchema = z.object({
  url: z.string().describe("The address the page came from, after redirects."),
  title: z.string().nullable(),
  author: z.string().nullable(),
  outlet: z.string().nullable(),
  publishedAt: z.iso.datetime().nullable(),
});
