/**
 * Krippendorff's alpha, the agreement of coders beyond chance, for any number of coders and
 * units with missing values. Pure code.
 *
 * Reference: Klaus Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011),
 * https://repository.upenn.edu/asc_papers/43/ — the coincidence-matrix form used here:
 *
 *   o_ck = Σ_u (number of c–k pairs of values in unit u, ordered, from different coders) / (m_u − 1)
 *   n_c  = Σ_k o_ck,   n = Σ_c n_c          (only units with m_u ≥ 2 values are pairable)
 *   D_o  = 1/n · Σ_c Σ_k o_ck · δ²(c, k)                       observed disagreement
 *   D_e  = 1/(n(n − 1)) · Σ_c Σ_k n_c · n_k · δ²(c, k)          expected disagreement
 *   α    = 1 − D_o / D_e
 *
 * with the difference functions δ² for the metrics implemented:
 *   nominal   0 when c = k, else 1
 *   ordinal   (Σ_{g=c..k} n_g − (n_c + n_k)/2)², ranks in increasing value order
 *   interval  (c − k)²
 *
 * Convention for data without variation: when every pairable value is the same, D_e = 0 and
 * Krippendorff leaves α undefined (0/0). We return 1 then, because D_o is necessarily 0 as
 * well: the coders agree on everything they coded. Callers show how many units α rests on,
 * which tells a reader how much such a figure is worth. Without any pairable unit there is
 * nothing to compute and the result is null.
 */

export type AlphaMetric = "nominal" | "ordinal" | "interval";

/** One unit's values, one per coder who coded it; null (or a coder left out) is missing. */
export type AlphaUnit = ReadonlyArray<number | null>;

/** α with the quantities it comes from, for tests and for showing one's work. */
export interface AlphaDetails {
  /** null when no unit has two or more values. */
  alpha: number | null;
  observedDisagreement: number;
  expectedDisagreement: number;
  /** Units with two or more values: the ones α rests on. */
  pairableUnits: number;
  /** n: the values in pairable units. */
  pairableValues: number;
}

/** Krippendorff's alpha of `units` under `metric`; null when no unit has two values. */
export function krippendorffAlpha(units: readonly AlphaUnit[], metric: AlphaMetric): number | null {
  return alphaDetails(units, metric).alpha;
}

/** Krippendorff's alpha with its observed and expected disagreement. */
export function alphaDetails(units: readonly AlphaUnit[], metric: AlphaMetric): AlphaDetails {
  const pairable = units
    .map((unit) => unit.filter((value): value is number => value !== null && Number.isFinite(value)))
    .filter((values) => values.length >= 2);
  const categories = [...new Set(pairable.flat())].sort((a, b) => a - b);
  const index = new Map(categories.map((value, position) => [value, position]));
  const size = categories.length;

  // The coincidence matrix.
  const coincidences = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (const values of pairable) {
    const counts = new Array<number>(size).fill(0);
    for (const value of values) counts[index.get(value)!]! += 1;
    const weight = 1 / (values.length - 1);
    for (let c = 0; c < size; c += 1) {
      if (counts[c] === 0) continue;
      for (let k = 0; k < size; k += 1) {
        const pairs = counts[c]! * (counts[k]! - (c === k ? 1 : 0));
        if (pairs > 0) coincidences[c]![k]! += pairs * weight;
      }
    }
  }
  const marginals = coincidences.map((row) => row.reduce((sum, value) => sum + value, 0));
  const n = marginals.reduce((sum, value) => sum + value, 0);
  const empty = { observedDisagreement: 0, expectedDisagreement: 0, pairableUnits: pairable.length, pairableValues: n };
  if (pairable.length === 0) return { alpha: null, ...empty };

  const delta = differenceFunction(metric, categories, marginals);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c += 1) {
    for (let k = 0; k < size; k += 1) {
      if (c === k) continue; // δ²(c, c) = 0 under every metric
      const d = delta(c, k);
      observed += coincidences[c]![k]! * d;
      expected += marginals[c]! * marginals[k]! * d;
    }
  }
  const observedDisagreement = observed / n;
  const expectedDisagreement = expected / (n * (n - 1));
  // No variation at all (one value throughout): see the convention in the header.
  const alpha = expectedDisagreement === 0 ? 1 : 1 - observedDisagreement / expectedDisagreement;
  return { alpha, observedDisagreement, expectedDisagreement, pairableUnits: pairable.length, pairableValues: n };
}

/** δ²(c, k) between the categories at sorted positions c and k. */
function differenceFunction(
  metric: AlphaMetric,
  categories: readonly number[],
  marginals: readonly number[],
): (c: number, k: number) => number {
  switch (metric) {
    case "nominal":
      return (c, k) => (c === k ? 0 : 1);
    case "interval":
      return (c, k) => (categories[c]! - categories[k]!) ** 2;
    case "ordinal": {
      // Cumulative marginals make each δ² one subtraction: Σ_{g=lo..hi} n_g = cum[hi+1] − cum[lo].
      const cumulative = [0];
      for (const marginal of marginals) cumulative.push(cumulative.at(-1)! + marginal);
      return (c, k) => {
        const lo = Math.min(c, k);
        const hi = Math.max(c, k);
        const between = cumulative[hi + 1]! - cumulative[lo]!;
        return (between - (marginals[lo]! + marginals[hi]!) / 2) ** 2;
      };
    }
  }
}
