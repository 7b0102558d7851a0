/**
 * Line 5: re-anchoring 1,000 claims (lib/anchoring/reanchor.ts, pure code, in this process) on
 * generated articles after seeded word edits, timed, and checked against the truth the edit
 * generator knows: where every claim whose words all survived must be found, and where the
 * edited ones were.
 */
import { describeRange } from "@/lib/anchoring";
import { reanchorAll, type ReanchorAnchor, type ReanchorResult } from "@/lib/anchoring/reanchor";
import { mulberry32 } from "./random.ts";
import { median } from "./stats.ts";
import { claimTruth, editWords, generateArticleText, pickClaimSpans, tokenize, type ClaimSpan, type EditedText } from "./text.ts";

export interface AnchoringCase {
  name: string;
  words: number;
  /** Share of words edited (0 = unchanged text). */
  share: number;
  /** Target time in ms. */
  targetMs: number;
}

export const ANCHORING_CASES: readonly AnchoringCase[] = [
  { name: "20,000 words, unchanged", words: 20_000, share: 0, targetMs: 50 },
  { name: "20,000 words, 1 % of words edited", words: 20_000, share: 0.01, targetMs: 100 },
  { name: "20,000 words, 5 % of words edited", words: 20_000, share: 0.05, targetMs: 300 },
  { name: "100,000 words, 5 % of words edited", words: 100_000, share: 0.05, targetMs: 400 },
];

export const ANCHORING_CLAIMS = 1_000;

export interface AnchoringMeasurement {
  case: AnchoringCase;
  /** Median of the timed runs, ms. */
  ms: number;
  runsMs: number[];
  survived: number;
  recovered: number;
  /** Claims attached somewhere they must not be (see `judge`). */
  wrong: number;
  fuzzy: number;
  orphaned: number;
  edits: EditedText["edits"];
}

/**
 * Judges one result. A claim whose words all survived must be found exactly where they are now
 * (anything else that is not an orphan is a wrong attachment). A claim whose words were edited
 * may be found (fuzzily) or orphaned, but if found it must overlap the text that stands where
 * its words were.
 */
function judge(edited: EditedText, span: ClaimSpan, result: ReanchorResult): "recovered" | "lost" | "wrong" | "edited-ok" {
  const truth = claimTruth(edited, span);
  if (truth.survived) {
    if (result.kind === "orphaned") return "lost";
    return result.start === truth.expected?.start && result.end === truth.expected.end ? "recovered" : "wrong";
  }
  if (result.kind === "orphaned") return "edited-ok";
  const { start, end } = truth.region;
  const overlaps = start === end ? result.start <= start && start <= result.end : result.start < end && start < result.end;
  return overlaps ? "edited-ok" : "wrong";
}

export function measureAnchoring(options: { seed: number; runs: number; log: (message: string) => void }): AnchoringMeasurement[] {
  const texts = new Map<number, string>();
  const measurements: AnchoringMeasurement[] = [];
  for (const [index, anchoringCase] of ANCHORING_CASES.entries()) {
    let text = texts.get(anchoringCase.words);
    if (text === undefined) {
      text = generateArticleText(mulberry32(options.seed + anchoringCase.words), anchoringCase.words);
      texts.set(anchoringCase.words, text);
    }
    const spans = pickClaimSpans(mulberry32(options.seed + anchoringCase.words + 1), tokenize(text), ANCHORING_CLAIMS);
    const anchors: ReanchorAnchor[] = spans.map((span) => {
      const { quote, position } = describeRange(text, span.start, span.end);
      return { ...quote, ...position };
    });
    const edited = editWords(mulberry32(options.seed + 100 + index), text, anchoringCase.share);
    const settings = { oldTextLength: text.length };

    reanchorAll(edited.text, anchors, settings); // warm-up (JIT)
    const runsMs: number[] = [];
    let results: ReanchorResult[] = [];
    for (let run = 0; run < options.runs; run += 1) {
      const started = performance.now();
      results = reanchorAll(edited.text, anchors, settings);
      runsMs.push(performance.now() - started);
    }

    const tally = { recovered: 0, lost: 0, wrong: 0, "edited-ok": 0 };
    let survived = 0;
    for (const [claim, span] of spans.entries()) {
      const result = results[claim] ?? { kind: "orphaned", reason: "not-found" };
      if (claimTruth(edited, span).survived) survived += 1;
      tally[judge(edited, span, result)] += 1;
    }
    const measurement: AnchoringMeasurement = {
      case: anchoringCase,
      ms: median(runsMs),
      runsMs,
      survived,
      recovered: tally.recovered,
      wrong: tally.wrong,
      fuzzy: results.filter((result) => result.kind === "fuzzy").length,
      orphaned: results.filter((result) => result.kind === "orphaned").length,
      edits: edited.edits,
    };
    options.log(
      `anchoring ${anchoringCase.name}: median ${measurement.ms.toFixed(1)} ms (runs ${runsMs.map((ms) => ms.toFixed(0)).join(", ")}), ` +
        `${measurement.recovered}/${survived} surviving claims recovered, ${measurement.wrong} wrong, ` +
        `${measurement.fuzzy} fuzzy, ${measurement.orphaned} orphaned; edits ${JSON.stringify(edited.edits)}`,
    );
    measurements.push(measurement);
  }
  return measurements;
}
