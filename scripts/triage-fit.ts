/**
 * Fits the weights that ship with the project (lib/triage/weights.json) on the training
 * articles of the labelled set (bench/data/triage/), and prints the figures on the held-out
 * ones. `npx tsx scripts/triage-fit.ts` (add `--write` to store the weights).
 */
import fs from "node:fs";
import path from "node:path";
import { fitWeights } from "@/lib/triage/fit";
import { analyseSet, evaluate, loadTriageSet } from "./bench/triage-set.ts";

const articles = loadTriageSet();
const training = analyseSet(articles.filter((article) => !article.heldOut));
const heldOut = analyseSet(articles.filter((article) => article.heldOut));
const examples = training.flatMap((entry) =>
  entry.sentences.flatMap((sentence) => sentence.detected.map((detected) => ({ vector: detected.vector, label: sentence.labelled.checkWorthy }))),
);
const weights = fitWeights(examples);
console.log(JSON.stringify(weights, null, 2));
const show = (label: string, analysed: ReturnType<typeof analyseSet>) => {
  const { model, baseline } = evaluate(analysed, weights);
  const f = (value: number) => value.toFixed(3);
  console.log(
    `${label}: ${model.sentences} sentences, ${model.positives} check-worthy; model P ${f(model.precision)} R ${f(model.recall)} F1 ${f(model.f1)} AP ${f(model.averagePrecision)}; ` +
      `"contains a number" P ${f(baseline.precision)} R ${f(baseline.recall)} F1 ${f(baseline.f1)} AP ${f(baseline.averagePrecision)}`,
  );
};
show("training", training);
show("held out", heldOut);
if (process.argv.includes("--write")) {
  fs.writeFileSync(path.join(process.cwd(), "lib", "triage", "weights.json"), `${JSON.stringify(weights, null, 2)}\n`);
  console.log("written to lib/triage/weights.json");
}
