/** Input schemas for reviews, replies and the lists of the review desk. */
import { z } from "zod";
import { REVIEW_DECISIONS } from "@/lib/claims/present";

/** Longest review comment or reply, in characters. */
export const MAX_THREAD_TEXT_CHARS = 5_000;

const threadText = (what: string) =>
  z
    .string({ error: `Write ${what}.` })
    .trim()
    .min(1, `Write ${what}.`)
    .max(MAX_THREAD_TEXT_CHARS, `${what[0]!.toUpperCase()}${what.slice(1)} has at most ${MAX_THREAD_TEXT_CHARS.toLocaleString("en")} characters.`);

/**
 * A reviewer's decision on the version they read. Strict: the reviewer, the time and the
 * annotation's new status are the server's to set.
 */
export const ReviewAnnotationInput = z.strictObject({
  decision: z.enum(REVIEW_DECISIONS, { error: "Choose a decision: approve, request_changes or reject." }),
  comment: threadText("a comment"),
  version: z
    .number({ error: "Send the version you reviewed." })
    .int("A version is a whole number.")
    .min(1, "Versions start at 1.")
    .max(2_147_483_647, "No such version."),
});
export type ReviewAnnotationInput = z.output<typeof ReviewAnnotationInput>;

/** A message in an annotation's thread. */
export const ReplyToAnnotationInput = z.strictObject({ body: threadText("a reply") });
export type ReplyToAnnotationInput = z.output<typeof ReplyToAnnotationInput>;

/** A page of a list: an opaque cursor from the previous page, and a size. */
export const PageInput = z.object({
  cursor: z.string().max(200, "Unknown cursor.").nullish(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
