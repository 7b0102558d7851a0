/**
 * The one place where "checked before" is tuned. Scores are the re-ranker's normalised
 * BM25-style similarity (lib/matching/rerank.ts), from 0 (nothing in common) to 1 (the same
 * words). Chosen on the first half of the labelled set (bench/data/matching.json) and
 * reported on both halves by `npm run bench` (line 10).
 */
export const MATCHING = {
  /** A claim scoring at least this is shown as similar. */
  similarThreshold: 0.3,
  /** A claim scoring at least this is called out as the same claim. */
  sameThreshold: 0.55,
  /**
   * Two claims must share at least this many distinct terms to be suggested at all: one shared
   * word ("Russia", "inflation") is a topic, not a restatement, however rare the word is. A
   * short claim such as a two-word heading would otherwise match every claim naming its subject.
   */
  minSharedTerms: 2,
  /** How many matches a claim shows at most. */
  maxMatches: 5,
  /**
   * How many candidates PostgreSQL hands the re-ranker (best `ts_rank` first). Each costs the
   * re-ranker a tokenisation; on the labelled set among 100,000 other claims, MAP@5 and the
   * unrelated share were the same with 20, 30 and 60.
   */
  textCandidates: 30,
  /**
   * Candidates are claims sharing one of the claim's rarer search words: words are taken,
   * rarest first, while the claims holding them add up to at most this many (and at least
   * the two rarest), so the database ranks a bounded number of rows on any size of desk.
   * Each row is a random heap read and a `ts_rank`: 500 takes about 1.3 ms on 100,000 claims
   * where 2,000 took 3; the labelled set among them ranked the same with 250 to 2,000.
   */
  candidateRowBudget: 500,
  /** Extra weight of a term by what it is: facts weigh more than common words. */
  boost: { number: 3, entity: 2, word: 1 },
  /** BM25's term saturation and length normalisation. */
  k1: 1.2,
  b: 0.5,
} as const;

export type MatchLevel = "similar" | "same";

/** The level of a score, or null below the similar threshold. */
export function matchLevel(score: number): MatchLevel | null {
  if (score >= MATCHING.sameThreshold) return "same";
  if (score >= MATCHING.similarThreshold) return "similar";
  return null;
}
