/**
 * The labelled triage set (bench/data/triage/): news articles written for it, one sentence a
 * line, each labelled check-worthy ("+") or not ("-"); see its README for the rules. Articles
 * are split into training and held-out ones by article (split.json), so the figures reported
 * are on articles the weights never saw.
 */
import fs from "node:fs";
import path from "node:path";
import { BLOCK_SEPARATOR } from "@/lib/anchoring/canonical-text";
import { analyseText, type AnalysedSentence } from "@/lib/triage/sentences";
import { scoreVector, SUGGESTION_THRESHOLD, type TriageWeights } from "@/lib/triage/model";

export const TRIAGE_SET_DIR = path.join(process.cwd(), "bench", "data", "triage");

export interface LabelledSentence {
  start: number;
  end: number;
  exact: string;
  checkWorthy: boolean;
}

export interface LabelledArticle {
  name: string;
  /** The article as canonical text: sentences of a block joined by a space, blocks by a blank line. */
  text: string;
  sentences: LabelledSentence[];
  heldOut: boolean;
}

/** Reads every article of the set. */
export function loadTriageSet(dir = TRIAGE_SET_DIR): LabelledArticle[] {
  const split = JSON.parse(fs.readFileSync(path.join(dir, "split.json"), "utf8")) as { test: string[] };
  const files = fs.readdirSync(path.join(dir, "articles")).filter((file) => file.endsWith(".txt")).sort();
  return files.map((file) => {
    const name = file.replace(/\.txt$/, "");
    return { ...parseArticle(fs.readFileSync(path.join(dir, "articles", file), "utf8")), name, heldOut: split.test.includes(name) };
  });
}

/** One article file: blocks separated by blank lines, each line "+ sentence" or "- sentence". */
export function parseArticle(source: string): { text: string; sentences: LabelledSentence[] } {
  const blocks = source.replace(/\r\n/g, "\n").trim().split(/\n\s*\n/);
  let text = "";
  const sentences: LabelledSentence[] = [];
  blocks.forEach((block, b) => {
    if (b > 0) text += BLOCK_SEPARATOR;
    block
      .split("\n")
      .filter((line) => line.trim() !== "")
      .forEach((line, i) => {
        const match = /^([+-]) (.+)$/.exec(line.trim());
        if (!match?.[1] || !match[2]) throw new Error(`Not a labelled sentence: ${line}`);
        if (i > 0) text += " ";
        const start = text.length;
        text += match[2];
        sentences.push({ start, end: text.length, exact: match[2], checkWorthy: match[1] === "+" });
      });
  });
  return { text, sentences };
}

/** A labelled sentence with the features of the detected sentences that cover it. */
export interface ScoredSentence {
  labelled: LabelledSentence;
  /** The detected sentences overlapping it (usually exactly one). */
  detected: AnalysedSentence[];
  /** Contains a number: the baseline's prediction. */
  hasNumber: boolean;
}

/** Runs sentence detection and features on every article of the set. */
export function analyseSet(articles: LabelledArticle[]): { article: LabelledArticle; sentences: ScoredSentence[] }[] {
  return articles.map((article) => {
    const detected = analyseText(article.text);
    return {
      article,
      sentences: article.sentences.map((labelled) => ({
        labelled,
        detected: detected.filter((sentence) => sentence.start < labelled.end && labelled.start < sentence.end),
        hasNumber: /\d/.test(labelled.exact),
      })),
    };
  });
}

/** The score of a labelled sentence: the best of the detected sentences that cover it. */
export function scoreOf(sentence: ScoredSentence, weights: TriageWeights): number {
  return Math.max(0, ...sentence.detected.map((detected) => scoreVector(detected.vector, weights)));
}

export interface Figures {
  sentences: number;
  positives: number;
  precision: number;
  recall: number;
  f1: number;
  /** Average precision of the ranking by score. */
  averagePrecision: number;
}

/** Precision, recall and F1 of `predicted`, and average precision of the ranking by `scores`. */
export function figures(labels: boolean[], predicted: boolean[], scores: number[]): Figures {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  labels.forEach((label, i) => {
    if (predicted[i] && label) tp++;
    else if (predicted[i]) fp++;
    else if (label) fn++;
  });
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { sentences: labels.length, positives: tp + fn, precision, recall, f1, averagePrecision: averagePrecision(labels, scores) };
}

/**
 * Average precision: the mean, over check-worthy sentences, of the precision of the ranking
 * down to each of them. Tied scores are ranked pessimistically (negatives first), so a
 * baseline that gives many sentences the same score gets no credit for luck.
 */
export function averagePrecision(labels: boolean[], scores: number[]): number {
  const order = labels.map((label, i) => ({ label, score: scores[i] ?? 0 })).sort((a, b) => b.score - a.score || Number(a.label) - Number(b.label));
  let hits = 0;
  let sum = 0;
  order.forEach((item, rank) => {
    if (!item.label) return;
    hits++;
    sum += hits / (rank + 1);
  });
  return hits === 0 ? 0 : sum / hits;
}

/** The model's and the "contains a number" baseline's figures on a set of analysed articles. */
export function evaluate(analysed: ReturnType<typeof analyseSet>, weights: TriageWeights): { model: Figures; baseline: Figures } {
  const all = analysed.flatMap((entry) => entry.sentences);
  const labels = all.map((sentence) => sentence.labelled.checkWorthy);
  const scores = all.map((sentence) => scoreOf(sentence, weights));
  const numbers = all.map((sentence) => sentence.hasNumber);
  return {
    model: figures(labels, scores.map((score) => score >= SUGGESTION_THRESHOLD), scores),
    baseline: figures(labels, numbers, numbers.map((has) => (has ? 1 : 0))),
  };
}
