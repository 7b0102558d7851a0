/** Input schemas of triage: the span of a suggestion, the list's filter. */
import { z } from "zod";
import { MAX_CLAIM_CHARS } from "@/lib/claims/schemas";

const offset = (label: string) =>
  z
    .number({ error: `Send ${label} as a number.` })
    .int(`${label} must be a whole number.`)
    .min(0, `${label} cannot be negative.`)
    .max(Number.MAX_SAFE_INTEGER, `${label} is out of range.`);

/** A suggested sentence, as the list gave it, on the revision it was suggested on. */
export const SuggestionSpanInput = z
  .strictObject({
    start: offset("start"),
    end: offset("end"),
    exact: z
      .string({ error: "Send the text of the suggestion." })
      .min(1, "Send the text of the suggestion.")
      .max(MAX_CLAIM_CHARS, `A suggestion has at most ${MAX_CLAIM_CHARS.toLocaleString("en")} characters.`),
    revision: z
      .number({ error: "Send the number of the revision the suggestion was made on." })
      .int("A revision number is a whole number.")
      .min(1, "Revisions are numbered from 1.")
      .max(2_147_483_647, "No such revision."),
  })
  .refine((value) => value.start < value.end, { message: "A suggestion must end after it starts.", path: ["end"] });
export type SuggestionSpanInput = z.input<typeof SuggestionSpanInput>;

/** `?status=open` (the default: what is still to decide) or `?status=all` (dismissed ones too). */
export const ListSuggestionsQuery = z.strictObject({
  status: z.enum(["open", "all"], { error: "status is open or all." }).default("open"),
});

/** A refit takes no options. */
export const RefitInput = z.strictObject({});
