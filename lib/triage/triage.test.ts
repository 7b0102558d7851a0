import { describe, expect, it } from "vitest";
import { htmlToDocument } from "@/lib/articles/import/html-to-document";
import { storedDocument } from "@/lib/articles/document";
import { analyseText, type AnalysedSentence } from "@/lib/triage/sentences";
import { reasonsFor, scoreVector, SHIPPED_WEIGHTS, SUGGESTION_THRESHOLD } from "@/lib/triage/model";
import type { FeatureName } from "@/lib/triage/features";

function one(sentence: string): AnalysedSentence {
  const [analysed, ...rest] = analyseText(sentence);
  expect(rest).toEqual([]);
  if (!analysed) throw new Error(`no sentence in ${sentence}`);
  return analysed;
}
const names = (sentence: AnalysedSentence): FeatureName[] => sentence.hits.map((hit) => hit.name);
const score = (text: string) => scoreVector(one(text).vector, SHIPPED_WEIGHTS);
const reasons = (text: string) => reasonsFor(one(text).hits, SHIPPED_WEIGHTS);

describe("features of crafted sentences", () => {
  it("counts a percentage as a quantity and a statistic, with the figure in the reason", () => {
    const sentence = one("Unemployment fell to 62% in March, the lowest in the EU.");
    expect(names(sentence)).toEqual(expect.arrayContaining(["quantity", "statistic", "comparison", "change", "date"]));
    expect(reasons("Unemployment fell to 62% in March, the lowest in the EU.")).toEqual(
      expect.arrayContaining(["a statistic: 62%", "a comparison: the lowest in the EU"]),
    );
    expect(score("Unemployment fell to 62% in March, the lowest in the EU.")).toBeGreaterThanOrEqual(SUGGESTION_THRESHOLD);
  });

  it("does not take a time of day for a statistic", () => {
    for (const text of ["The meeting starts at 7.30pm on Tuesday.", "Gates open at 11am each day.", "The doors open at 9 a.m. sharp."]) {
      const sentence = one(text);
      expect(names(sentence), text).not.toContain("quantity");
      expect(names(sentence), text).not.toContain("statistic");
      expect(names(sentence), text).toContain("timeOfDay");
      expect(scoreVector(sentence.vector, SHIPPED_WEIGHTS), text).toBeLessThan(SUGGESTION_THRESHOLD);
    }
  });

  it("does not suggest a quote of a feeling", () => {
    const text = "“I feel forgotten and I am so sad,” she said.";
    expect(names(one(text))).toEqual(expect.arrayContaining(["feeling", "quotation", "attributionPronoun"]));
    expect(one(text).claimant).toBeNull();
    expect(score(text)).toBeLessThan(SUGGESTION_THRESHOLD);
  });

  it("names the claimant a sentence attributes its figure to", () => {
    expect(one("Deaths fell by 12% last year, said the health ministry.").claimant).toBe("the health ministry");
    expect(one("Growth will slow to 1.1% next year, according to the IMF.").claimant).toBe("the IMF");
    expect(one("The health ministry said that 4,000 beds were empty.").claimant).toBe("The health ministry");
    expect(reasons("Deaths fell by 12% last year, said the health ministry.")).toContain("attributed to the health ministry");
    // Whoever is told is not the source.
    expect(one("The plan costs $4 billion, as Adrienne Watson, a spokesperson for the White House, told EFE.").claimant).not.toBe("EFE");
  });

  it("gives a cause its words", () => {
    expect(reasons("Prices rose by 4% because of rising costs.")).toContain("a cause: because of rising costs");
  });

  it("weighs questions, opinions, scenes and instructions against", () => {
    for (const text of [
      "Is this the start of a revival?",
      "We should be proud of what this country can achieve together.",
      "Sunlight poured through the new glass roof.",
      "Bring proof of address to join the library.",
    ]) {
      expect(score(text), text).toBeLessThan(SUGGESTION_THRESHOLD);
    }
  });
});

describe("sentence offsets on the canonical text", () => {
  const html = `<h2>Budget vote splits the coalition</h2>
    <p>The draft raises defence spending by 18% to €14.2 billion. Dr. Weiss said the deficit would fall to 2.9% in 2027.</p>
    <blockquote><p>“We will not cut pensions,” the minister said. Pensions rose by 3.1% last year.</p></blockquote>
    <ul><li><p>Health spending rises by only 1.2%</p></li><li><p>Debt stands at 64% of GDP, the highest in the region.</p></li></ul>
    <p>Is this a budget for the many?</p>`;
  const { text } = storedDocument(htmlToDocument(html).doc);
  const sentences = analyseText(text);

  it("gives every sentence exactly the text at its offsets", () => {
    expect(sentences.length).toBeGreaterThanOrEqual(8);
    for (const sentence of sentences) {
      expect(text.slice(sentence.start, sentence.end)).toBe(sentence.exact);
      expect(sentence.exact).toBe(sentence.exact.trim());
      // No sentence runs across a block boundary (heading, quote, list item).
      expect(sentence.exact).not.toContain("\n\n");
    }
  });

  it("keeps headings, quotes and list items as sentences of their own", () => {
    const exacts = sentences.map((sentence) => sentence.exact);
    expect(exacts).toContain("Budget vote splits the coalition");
    expect(exacts).toContain("Health spending rises by only 1.2%");
    expect(exacts).toContain("Pensions rose by 3.1% last year.");
    expect(exacts).toContain("Dr. Weiss said the deficit would fall to 2.9% in 2027.");
    expect(names(sentences.find((sentence) => sentence.exact === "Budget vote splits the coalition") ?? one("x"))).toContain("heading");
  });

  it("finds the same sentences at shifted offsets when text is added before them", () => {
    const shifted = analyseText(`A new first paragraph was added.\n\n${text}`);
    const offset = "A new first paragraph was added.\n\n".length;
    expect(shifted.slice(1).map((sentence) => [sentence.start - offset, sentence.end - offset])).toEqual(
      sentences.map((sentence) => [sentence.start, sentence.end]),
    );
  });
});
