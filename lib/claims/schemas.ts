/** Input schemas for claims. */
import { z } from "zod";

/** Longest quote a claim may hold: a long paragraph, not a whole article. */
export const MAX_CLAIM_CHARS = 5_000;
/** Longest prefix or suffix (W3C TextQuoteSelector context) accepted. */
export const MAX_CONTEXT_CHARS = 200;

const offset = (label: string) =>
  z
    .number({ error: `Send ${label} as a number.` })
    .int(`${label} must be a whole number.`)
    .min(0, `${label} cannot be negative.`)
    .max(Number.MAX_SAFE_INTEGER, `${label} is out of range.`);

const context = (label: string) =>
  z.string({ error: `Send the ${label} as text.` }).max(MAX_CONTEXT_CHARS, `A ${label} has at most ${MAX_CONTEXT_CHARS} characters.`);

/** The message for a revision sent as its id (a string) rather than its number. */
export const REVISION_ID_GIVEN =
  "revision is the revision's number, not its id: send the revision's number (e.g. 3), not its id (`revision.number` of GET /api/articles/:id).";

/** The selectors of a span of one revision's canonical text (D2), as a client sends them. */
const spanFields = {
  exact: z
    .string({ error: "Select the text of the claim." })
    .min(1, "Select the text of the claim.")
    .max(MAX_CLAIM_CHARS, `A claim has at most ${MAX_CLAIM_CHARS.toLocaleString("en")} characters.`),
  prefix: context("prefix").optional(),
  suffix: context("suffix").optional(),
  start: offset("start"),
  end: offset("end"),
  revision: z
    .number({
      // A script that read `GET /api/articles/:id` may take the revision's id for it.
      error: (issue) =>
        typeof issue.input === "string"
          ? REVISION_ID_GIVEN
          : "Send the number of the revision the claim was marked on.",
    })
    .int("A revision number is a whole number.")
    .min(1, "Revisions are numbered from 1.")
    .max(2_147_483_647, "No such revision.")
    .meta({ description: "The revision's number (`revision.number` of the article, e.g. 3), not its id." }),
};

const hasText = (value: { exact: string }) => value.exact.trim() !== "";
const HAS_TEXT = { message: "A claim must contain some text.", path: ["exact"] };
const endsAfterStart = (value: { start: number; end: number }) => value.start < value.end;
const ENDS_AFTER_START = { message: "A claim must end after it starts.", path: ["end"] };

/**
 * A claim: both W3C selectors against the canonical text of one revision (D2). The prefix
 * and suffix are optional; the server takes them from the text when a client leaves them out.
 */
export const CreateClaimInput = z
  .strictObject({
    ...spanFields,
    claimant: z
      .string({ error: "Send the claimant as text." })
      .trim()
      .max(200, "A claimant has at most 200 characters.")
      .transform((value) => (value === "" ? null : value))
      .nullish(),
  })
  .refine(hasText, HAS_TEXT)
  .refine(endsAfterStart, ENDS_AFTER_START);
export type CreateClaimInput = z.input<typeof CreateClaimInput>;

/** A new span for an orphaned claim, on the current revision: checked like a new claim's. */
export const ReattachClaimInput = z
  .strictObject(spanFields)
  .refine(hasText, HAS_TEXT)
  .refine(endsAfterStart, ENDS_AFTER_START);
export type ReattachClaimInput = z.input<typeof ReattachClaimInput>;
