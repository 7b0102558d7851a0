/** What the triage routes answer, as zod schemas (the API reference's) and the types derived from them. */
import { z } from "zod";
import { FEATURE_NAMES } from "@/lib/triage/features";

export const SuggestionStatus = z.enum(["open", "dismissed"]).meta({ id: "SuggestionStatus" });

export const SuggestionDTO = z.object({
  /** Offsets on the canonical text of the revision (D2). */
  start: z.number().int(),
  end: z.number().int(),
  exact: z.string(),
  /** 0–1, from the desk's weights. */
  score: z.number(),
  /** Why, in words: "a quantity: 62%", "attributed to the health ministry". */
  reasons: z.array(z.string()),
  status: SuggestionStatus,
  /** Who the sentence attributes its content to, to fill in a claim's claimant. */
  claimant: z.string().nullable(),
}).meta({ id: "Suggestion", description: "A sentence worth checking, with why." });
export type SuggestionDTO = z.infer<typeof SuggestionDTO>;

export const SuggestionListDTO = z.object({
  /** The revision the offsets refer to: the article's current one. */
  revision: z.number().int(),
  /** Sentences scoring at or above this are listed. */
  threshold: z.number(),
  /** Best first. */
  items: z.array(SuggestionDTO),
}).meta({ id: "SuggestionList" });
export type SuggestionListDTO = z.infer<typeof SuggestionListDTO>;

export const DismissalDTO = z.object({
  revision: z.number().int(),
  start: z.number().int(),
  end: z.number().int(),
  exact: z.string(),
  status: SuggestionStatus,
}).meta({ id: "SuggestionDismissal", description: "A suggested sentence and whether it is now dismissed." });
export type DismissalDTO = z.infer<typeof DismissalDTO>;

export const TriageModelDTO = z.object({
  id: z.string(),
  fittedAt: z.string(),
  /** How many of the desk's examples it was fitted on, and how many of those were check-worthy. */
  examples: z.number().int(),
  positives: z.number().int(),
  bias: z.number(),
  weights: z.record(z.enum(FEATURE_NAMES), z.number()),
}).meta({ id: "TriageModel", description: "Triage weights fitted on the desk's examples." });
export type TriageModelDTO = z.infer<typeof TriageModelDTO>;
