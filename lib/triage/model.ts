/**
 * The score of a sentence: a logistic model over its features (lib/triage/features.ts),
 * score = 1 / (1 + e^-(bias + Σ weight × feature)), in 0–1. The weights that ship with the
 * project (weights.json) were fitted on the training articles of the labelled set
 * (bench/data/triage/, `npx tsx scripts/triage-fit.ts`); a desk may refit its own
 * (lib/triage/refit.ts), stored in PostgreSQL. The reasons shown are the features present
 * whose weight counts for the sentence, strongest first.
 */
import { z } from "zod";
import { FEATURE_NAMES, type FeatureHit, type FeatureName } from "@/lib/triage/features";
import shipped from "@/lib/triage/weights.json";

/** Sentences scoring at or above this are suggested. The one place it is set. */
export const SUGGESTION_THRESHOLD = 0.5;

export const TriageWeights = z.strictObject({
  bias: z.number(),
  weights: z.record(z.enum(FEATURE_NAMES), z.number()),
});
export type TriageWeights = z.infer<typeof TriageWeights>;

/** The weights fitted on the labelled set, shipped in the repository. */
export const SHIPPED_WEIGHTS: TriageWeights = TriageWeights.parse(shipped);

function weightOf(weights: TriageWeights, name: FeatureName): number {
  return weights.weights[name] ?? 0;
}

/** The score, in 0–1, of a sentence with these features. */
export function scoreVector(vector: number[], weights: TriageWeights): number {
  let z = weights.bias;
  FEATURE_NAMES.forEach((name, i) => {
    z += weightOf(weights, name) * (vector[i] ?? 0);
  });
  return 1 / (1 + Math.exp(-z));
}

/** The reasons to show: features present that raise the score, the strongest first. */
export function reasonsFor(hits: FeatureHit[], weights: TriageWeights): string[] {
  return hits
    .filter((hit) => weightOf(weights, hit.name) > 0)
    .sort((a, b) => weightOf(weights, b.name) - weightOf(weights, a.name))
    .map((hit) => hit.reason);
}
