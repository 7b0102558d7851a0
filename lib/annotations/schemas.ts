/**
 * Input schemas for annotations. Objects are strict: author, status and version are the
 * server's to set, and a client that sends them is told so (400 naming the field) rather than
 * silently ignored.
 */
import { z } from "zod";
import { STANCES, VERDICTS } from "@/lib/claims/present";
import { MAX_RATIONALE_CHARS } from "@/lib/annotations/rationale";

const optionalText = (max: number, label: string) =>
  z
    .string({ error: `Send ${label.toLowerCase()} as text.` })
    .trim()
    .max(max, `${label} has at most ${max.toLocaleString("en")} characters.`)
    .transform((value) => (value === "" ? null : value))
    .nullish();

/**
 * A rationale: plain text (blank lines separate paragraphs) or a rich-text document, which
 * lib/annotations/rationale.ts checks against the rationale schema. Either names a person as
 * `<@userId>` in its text, or the document as a `{type: "mention", attrs: {id}}` node.
 */
export const RationaleInput = z.union(
  [
    z
      .string()
      .max(MAX_RATIONALE_CHARS, `A rationale has at most ${MAX_RATIONALE_CHARS.toLocaleString("en")} characters.`)
      .refine((value) => value.trim() !== "", "Write a rationale."),
    z.looseObject({ type: z.literal("doc", 'A rationale document has type "doc".') }),
  ],
  { error: "Write the rationale as text or as a rich-text document." },
);

const sourceFields = {
  url: z
    .url({ protocol: /^https?$/, hostname: /\./, error: "Enter an http(s) address." })
    .max(2000, "An address has at most 2,000 characters."),
  title: z.string({ error: "Enter a title." }).trim().min(1, "Enter a title.").max(500, "A title has at most 500 characters."),
  publisher: optionalText(200, "A publisher"),
  excerpt: optionalText(5000, "An excerpt"),
  stance: z.enum(STANCES, { error: "Choose a stance: supports, refutes or context." }),
};

const verificationFields = {
  verdict: z.enum(VERDICTS, {
    error: "Choose a verdict: true, mostly_true, mixed, misleading, false or unverifiable.",
  }),
  rationale: RationaleInput,
};

const version = z
  .number({ error: "Send the version you edited." })
  .int("A version is a whole number.")
  .min(1, "Versions start at 1.")
  .max(2_147_483_647, "No such version.");

/** A new source or verification annotation on a claim. */
export const CreateAnnotationInput = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("source"), ...sourceFields }),
    z.strictObject({ kind: z.literal("verification"), ...verificationFields }),
  ],
  { error: 'Choose a kind: "source" or "verification".' },
);
export type CreateAnnotationInput = z.output<typeof CreateAnnotationInput>;

const kindCannotChange = "The kind of an annotation cannot change.";
const changeSomething = { message: "Change at least one field.", path: ["_"] };

/** An edit of a source annotation: any of its fields, and the version it was made from. */
export const UpdateSourceInput = z
  .strictObject({
    kind: z.literal("source", kindCannotChange).optional(),
    version,
    url: sourceFields.url.optional(),
    title: sourceFields.title.optional(),
    publisher: sourceFields.publisher,
    excerpt: sourceFields.excerpt,
    stance: sourceFields.stance.optional(),
  })
  .refine(
    ({ url, title, publisher, excerpt, stance }) => [url, title, publisher, excerpt, stance].some((v) => v !== undefined),
    changeSomething,
  );

/** An edit of a verification annotation: verdict and/or rationale, and the version it was made from. */
export const UpdateVerificationInput = z
  .strictObject({
    kind: z.literal("verification", kindCannotChange).optional(),
    version,
    verdict: verificationFields.verdict.optional(),
    rationale: RationaleInput.optional(),
  })
  .refine(({ verdict, rationale }) => verdict !== undefined || rationale !== undefined, changeSomething);

/** Submitting or withdrawing: optionally the version the author saw, to refuse a stale click. */
export const AnnotationTransitionInput = z.strictObject({ version: version.optional() });
