import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { alphaDetails, krippendorffAlpha, type AlphaUnit } from "@/lib/reviews/krippendorff-alpha";

/**
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four
 * observers, twelve units, values 1..5, with missing data. Rows are observers A–D.
 */
const OBSERVERS: ReadonlyArray<ReadonlyArray<number | null>> = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];
const PUBLISHED: AlphaUnit[] = OBSERVERS[0]!.map((_, unit) => OBSERVERS.map((row) => row[unit] ?? null));

describe("krippendorffAlpha", () => {
  it("reproduces the published figures of Krippendorff (2011) for nominal, ordinal and interval data", () => {
    expect(krippendorffAlpha(PUBLISHED, "nominal")).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(PUBLISHED, "ordinal")).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(PUBLISHED, "interval")).toBeCloseTo(0.849, 3);
    // Unit 12 has one value only: not pairable. n = 40 values in 11 units.
    expect(alphaDetails(PUBLISHED, "nominal")).toMatchObject({ pairableUnits: 11, pairableValues: 40 });
  });

  /*
   * A hand computation. Two reviewers, three claims, verdict ranks true = 0,
   * mostly_true = 1, false = 4:
   *
   *   claim 1: true, true      claim 2: true, mostly_true      claim 3: false, false
   *
   * Coincidences (each unit has m_u = 2, so every ordered pair weighs 1/(2 − 1) = 1):
   *   o(0,0) = 2 (claim 1), o(0,1) = o(1,0) = 1 (claim 2), o(4,4) = 2 (claim 3)
   * Marginals: n_0 = 3, n_1 = 1, n_4 = 2 (n_2 = n_3 = 0); n = 6.
   *
   * Ordinal differences, δ²(c,k) = (Σ_{g=c..k} n_g − (n_c + n_k)/2)²:
   *   δ²(0,1) = (4 − 2)²   = 4
   *   δ²(0,4) = (6 − 2.5)² = 12.25
   *   δ²(1,4) = (3 − 1.5)² = 2.25
   * D_o = 1/6 · (o(0,1) + o(1,0)) · 4 = 8/6 = 4/3
   * D_e = 1/(6·5) · 2 · (3·1·4 + 3·2·12.25 + 1·2·2.25) = 2 · 90 / 30 = 6
   * α   = 1 − (4/3)/6 = 7/9 ≈ 0.778
   *
   * Nominal, for comparison: D_o = 2/6 = 1/3; D_e = (6² − (3² + 1² + 2²))/30 = 22/30;
   * α = 1 − (1/3)/(22/30) = 6/11 ≈ 0.545. The ordinal metric counts "true" against
   * "mostly true" as a near miss, the nominal one as a full disagreement.
   */
  const HAND: AlphaUnit[] = [
    [0, 0],
    [0, 1],
    [4, 4],
  ];

  it("matches the hand computation for ordinal data", () => {
    const details = alphaDetails(HAND, "ordinal");
    expect(details.observedDisagreement).toBeCloseTo(4 / 3, 12);
    expect(details.expectedDisagreement).toBeCloseTo(6, 12);
    expect(details.alpha).toBeCloseTo(7 / 9, 12);
    expect(details).toMatchObject({ pairableUnits: 3, pairableValues: 6 });
  });

  it("matches the hand computation for nominal data", () => {
    const details = alphaDetails(HAND, "nominal");
    expect(details.observedDisagreement).toBeCloseTo(1 / 3, 12);
    expect(details.expectedDisagreement).toBeCloseTo(22 / 30, 12);
    expect(details.alpha).toBeCloseTo(6 / 11, 12);
  });

  it("is null without a unit holding two values, and ignores missing values", () => {
    expect(krippendorffAlpha([], "ordinal")).toBeNull();
    expect(krippendorffAlpha([[1], [2, null], [null, null]], "ordinal")).toBeNull();
    expect(krippendorffAlpha([[0, null, 0], [0, 1], [4, null, 4, null]], "ordinal")).toBeCloseTo(7 / 9, 12);
  });

  it("is 1 by convention when every value is the same (D_e = 0), and 1 for perfect agreement", () => {
    expect(alphaDetails([[2, 2], [2, 2, 2]], "ordinal")).toMatchObject({ alpha: 1, observedDisagreement: 0, expectedDisagreement: 0 });
    expect(krippendorffAlpha([[0, 0], [3, 3], [1, 1, 1]], "ordinal")).toBe(1);
  });

  it("is at most 1, is 1 exactly when units agree, and falls below 0 for systematic disagreement", () => {
    expect(krippendorffAlpha([[0, 4], [4, 0]], "ordinal")).toBeLessThan(0);
    const unit = fc.array(fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }), { minLength: 0, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 10 }), fc.constantFrom("nominal" as const, "ordinal" as const, "interval" as const), (units, metric) => {
        const alpha = krippendorffAlpha(units, metric);
        if (alpha === null) return;
        expect(alpha).toBeLessThanOrEqual(1 + 1e-12);
        const agree = units.every((values) => new Set(values.filter((value) => value !== null)).size <= 1);
        if (agree) expect(alpha).toBe(1);
      }),
    );
  });

  it("does not depend on the order of units or of coders within a unit", () => {
    const reversed = [...PUBLISHED].reverse().map((values) => [...values].reverse());
    expect(krippendorffAlpha(reversed, "ordinal")).toBeCloseTo(krippendorffAlpha(PUBLISHED, "ordinal")!, 12);
  });
});
