/**
 * Fitting the weights of the logistic model (lib/triage/model.ts) on labelled sentences, with
 * ml-logistic-regression (batch gradient ascent on the log-likelihood). Used for the shipped
 * weights (scripts/triage-fit.ts) and for a desk's refit (lib/triage/refit.ts).
 */
import LogisticRegression from "ml-logistic-regression";
import { Matrix } from "ml-matrix";
import { FEATURE_NAMES, type FeatureName } from "@/lib/triage/features";
import type { TriageWeights } from "@/lib/triage/model";

export interface LabelledVector {
  /** 0/1 per feature, in FEATURE_NAMES order. */
  vector: number[];
  /** Check-worthy (true) or not. */
  label: boolean;
}

/** Steps of gradient ascent; with the step size below, enough to settle on a few hundred examples. */
const STEPS = 4_000;

/**
 * Logistic regression over the features plus a constant (the bias). The gradient is a sum over
 * examples, so the step is scaled by their number to behave the same on 300 or 3,000 examples.
 */
export function fitWeights(examples: LabelledVector[]): TriageWeights {
  if (examples.length === 0) throw new Error("No examples to fit on.");
  const X = new Matrix(examples.map((example) => [1, ...example.vector]));
  const Y = Matrix.columnVector(examples.map((example) => (example.label ? 1 : 0)));
  const regression = new LogisticRegression({ numSteps: STEPS, learningRate: 2 / examples.length });
  regression.train(X, Y);
  // With two classes, classifier 0 scores "not class 0", i.e. check-worthy.
  const classifier = regression.classifiers[0];
  if (!classifier) throw new Error("Both labels are needed to fit.");
  const row = classifier.weights.to1DArray();
  const weights = {} as Record<FeatureName, number>;
  FEATURE_NAMES.forEach((name, i) => {
    weights[name] = round(row[i + 1] ?? 0);
  });
  return { bias: round(row[0] ?? 0), weights };
}

const round = (value: number) => Math.round(value * 1000) / 1000;
