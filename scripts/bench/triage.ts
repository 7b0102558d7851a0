/**
 * Line 9: triage (lib/triage), pure code in this process. On the held-out articles of the
 * labelled set (bench/data/triage/, split by article), precision, recall and F1 of the
 * suggested sentences and the average precision of the ranking, with the shipped weights,
 * against a "contains a number" rule in the same run; and the time to split and score a
 * 20,000-word article (the labelled articles repeated), median of 7 runs after a warm-up.
 */
import { SHIPPED_WEIGHTS, scoreVector } from "@/lib/triage/model";
import { analyseText } from "@/lib/triage/sentences";
import { englishPipeline } from "@/lib/triage/nlp";
import { analyseSet, evaluate, loadTriageSet, type Figures } from "./triage-set.ts";
import { median } from "./stats.ts";

export const TRIAGE_WORDS = 20_000;
const RUNS = 7;

export interface TriageMeasurement {
  articles: { training: number; heldOut: number };
  model: Figures;
  baseline: Figures;
  /** Median time to split and score the 20,000-word article, ms. */
  scoreMs: number;
  runsMs: number[];
  /** Loading the language model, once per process, ms. */
  loadMs: number;
  sentences: number;
  words: number;
}

export function measureTriage(log: (message: string) => void): TriageMeasurement {
  const loadStart = performance.now();
  englishPipeline();
  const loadMs = performance.now() - loadStart;
  const articles = loadTriageSet();
  const heldOut = articles.filter((article) => article.heldOut);
  const { model, baseline } = evaluate(analyseSet(heldOut), SHIPPED_WEIGHTS);
  log(`triage: ${heldOut.length} held-out articles, ${model.sentences} sentences`);

  const blocks: string[] = [];
  let words = 0;
  while (words < TRIAGE_WORDS) {
    for (const article of articles) {
      blocks.push(article.text);
      words += article.text.split(/\s+/).filter(Boolean).length;
      if (words >= TRIAGE_WORDS) break;
    }
  }
  const text = blocks.join("\n\n");
  const score = () => analyseText(text).map((sentence) => scoreVector(sentence.vector, SHIPPED_WEIGHTS));
  let sentences = score().length;
  const runsMs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    sentences = score().length;
    runsMs.push(performance.now() - start);
  }
  return {
    articles: { training: articles.length - heldOut.length, heldOut: heldOut.length },
    model,
    baseline,
    scoreMs: median(runsMs),
    runsMs,
    loadMs,
    sentences,
    words,
  };
}
