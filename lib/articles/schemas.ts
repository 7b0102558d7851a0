/** Input schemas for articles. */
import { z } from "zod";

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} has at most ${max} characters.`)
    .transform((value) => (value === "" ? null : value))
    .nullish();

/** Largest article text accepted, in characters (a long feature is ~60,000). */
export const MAX_ARTICLE_CHARS = 1_000_000;

/** An article and its first revision, from plain text or a ProseMirror document. */
export const CreateArticleInput = z
  .strictObject({
    title: z.string({ error: "Enter a title." }).trim().min(1, "Enter a title.").max(300, "A title has at most 300 characters."),
    text: z
      .string()
      .max(MAX_ARTICLE_CHARS, `An article has at most ${MAX_ARTICLE_CHARS} characters.`)
      // PostgreSQL text cannot hold NUL; it never belongs in an article anyway.
      .transform((value) => value.replaceAll("\u0000", ""))
      .optional(),
    doc: z.record(z.string(), z.unknown()).optional(),
    outlet: optionalText(200, "An outlet"),
    author: optionalText(200, "An author"),
    url: z
      .url({ protocol: /^https?$/, error: "Enter an http(s) address." })
      .max(2000, "An address has at most 2,000 characters.")
      .nullish()
      .or(z.literal("").transform(() => null)),
    publishedAt: z.coerce.date({ error: "Enter a valid date." }).nullish(),
  })
  .refine((value) => (value.text === undefined) !== (value.doc === undefined), {
    message: "Send either the article text or a document, not both.",
    path: ["text"],
  })
  .refine((value) => value.text === undefined || value.text.trim().length > 0, {
    message: "The article text is empty.",
    path: ["text"],
  });
export type CreateArticleInput = z.input<typeof CreateArticleInput>;

/** Cursor pagination for lists. */
export const ListInput = z.object({
  cursor: z.string().max(100).nullish(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
