import { describe, expect, it } from "vitest";
import { fitWeights } from "@/lib/triage/fit";
import { FEATURE_NAMES } from "@/lib/triage/features";
import { scoreVector } from "@/lib/triage/model";

const vector = (...names: string[]) => FEATURE_NAMES.map((name) => (names.includes(name) ? 1 : 0));

describe("fitting the weights", () => {
  it("learns which features mark the check-worthy examples", () => {
    const examples = [
      ...Array.from({ length: 60 }, () => ({ vector: vector("quantity"), label: true })),
      ...Array.from({ length: 60 }, () => ({ vector: vector("feeling"), label: false })),
      ...Array.from({ length: 10 }, () => ({ vector: vector("quantity", "feeling"), label: false })),
    ];
    const weights = fitWeights(examples);
    expect(weights.weights.quantity).toBeGreaterThan(0);
    expect(weights.weights.feeling).toBeLessThan(0);
    expect(scoreVector(vector("quantity"), weights)).toBeGreaterThan(0.8);
    expect(scoreVector(vector("feeling"), weights)).toBeLessThan(0.2);
    // A feature no example has keeps no weight.
    expect(weights.weights.scene).toBe(0);
  });
});
