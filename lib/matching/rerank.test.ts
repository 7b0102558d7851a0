import { describe, expect, it } from "vitest";
import { analyse, corpusStats, rerank, similarity } from "@/lib/matching/rerank";
import { claimTerms } from "@/lib/matching/tokens";
import { MATCHING, matchLevel } from "@/lib/matching/config";

const DESK = [
  "Unemployment in Spain fell below 12 percent for the first time since 2008.",
  "The government said the new rail line will cost 4 billion pounds.",
  "Measles cases in Europe rose to 127,000 in 2024.",
  "The minister said the new hospital will open next year.",
  "The government said schools will reopen after the summer.",
  "Inflation in Spain rose to 3 percent in March.",
];
// A desk is mostly other claims: words like "new", "open" and "said" are everywhere on it.
const OTHER_CLAIMS = ["bridge", "library", "stadium", "airport", "school", "clinic", "market", "theatre", "park", "station"].flatMap((place, index) => [
  `The mayor said the new ${place} will open in ${2020 + index}.`,
  `Officials said the ${place} would stay open next year despite the cuts.`,
]);
const stats = corpusStats([...DESK, ...OTHER_CLAIMS]);

describe("terms of a claim", () => {
  it("labels numbers, quantities and names, folds per cent and drops common words", () => {
    expect(claimTerms("The WHO said 40 per cent of Londoners had three doses")).toEqual([
      { term: "who", kind: "entity" },
      { term: "40%", kind: "number" },
      { term: "londoners", kind: "entity" },
      { term: "3", kind: "number" },
      { term: "dose", kind: "word" },
    ]);
  });

  it("reads thousands separators, decimals and currency alike however they are written", () => {
    expect(claimTerms("$1,200.50 and 1200.5")).toEqual([
      { term: "1200.5", kind: "number" },
      { term: "$", kind: "word" },
      { term: "1200.5", kind: "number" },
    ]);
  });
});

describe("the re-ranker", () => {
  it("puts a restatement with the same facts first and calls it the same claim", () => {
    const ranked = rerank(stats, "Spain's jobless rate dropped under 12% for the first time since 2008.", DESK, (text) => text);
    expect(ranked[0]?.item).toBe(DESK[0]);
    expect(ranked[0]?.level).toBe("same");
  });

  it("suggests nothing for a sentence that shares only common words", () => {
    expect(rerank(stats, "The museum said the new exhibition will open after the summer.", DESK, (text) => text)).toEqual([]);
  });

  it("weighs a shared figure above a shared common word", () => {
    const query = analyse("Prices in Spain rose 3 percent.");
    const sharesNumber = similarity(stats, query, analyse("Costs in Spain went up 3 percent."));
    const sharesWord = similarity(stats, query, analyse("Prices in Spain went up sharply."));
    expect(sharesWord).toBeGreaterThan(0);
    expect(sharesNumber).toBeGreaterThan(sharesWord);
  });

  it("suggests nothing that shares a single term, however rare: a subject is not a claim", () => {
    const desk = [...DESK, "The defeat of Russia is essential for the security of Europe, the minister said."];
    const withRussia = corpusStats([...desk, ...OTHER_CLAIMS]);
    expect(rerank(withRussia, "Russia warns", desk, (text) => text)).toEqual([]);
    expect(rerank(withRussia, "Measles in 2024", desk, (text) => text).map((entry) => entry.item)).toEqual([DESK[2]]);
  });

  it("scores the same pair the same whichever was marked first, from 0 to 1", () => {
    const a = analyse(DESK[2] ?? "");
    const b = analyse("Europe recorded 127,000 measles infections in 2024.");
    expect(similarity(stats, a, b)).toBeCloseTo(similarity(stats, b, a), 10);
    expect(similarity(stats, a, a)).toBeCloseTo(1, 10);
    expect(similarity(stats, a, analyse("Nothing alike here."))).toBe(0);
  });

  it("keeps at most the configured number, best first, and levels follow the thresholds", () => {
    const many = Array.from({ length: 9 }, (_, index) => `Measles cases in Europe rose to 127,000 in 2024, report ${index}.`);
    const ranked = rerank(stats, DESK[2] ?? "", many, (text) => text);
    expect(ranked).toHaveLength(MATCHING.maxMatches);
    expect(ranked.map((entry) => entry.score)).toEqual([...ranked.map((entry) => entry.score)].sort((x, y) => y - x));
    expect(matchLevel(MATCHING.sameThreshold)).toBe("same");
    expect(matchLevel(MATCHING.similarThreshold)).toBe("similar");
    expect(matchLevel(MATCHING.similarThreshold - 0.001)).toBeNull();
  });
});
