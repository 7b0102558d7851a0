/** Input schemas for published versions. */
import { z } from "zod";
import { AppError } from "@/lib/errors";

/** Longest editor's note on a version. */
export const MAX_VERSION_NOTE_CHARS = 2_000;

/** Publishing a version: an optional note for the corrections log. */
export const PublishVersionInput = z.strictObject({
  note: z
    .string({ error: "Send the note as text." })
    .trim()
    .max(MAX_VERSION_NOTE_CHARS, `A note has at most ${MAX_VERSION_NOTE_CHARS.toLocaleString("en")} characters.`)
    .transform((value) => (value === "" ? null : value))
    .nullish(),
});

/** A version number from a URL; `not_found` for anything that is not one (no version has it). */
export function parseVersionNumber(raw: string | number): number {
  const text = String(raw);
  if (!/^[1-9]\d{0,8}$/.test(text)) throw new AppError("not_found", "No such version.");
  return Number(text);
}
