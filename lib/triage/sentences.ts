/**
 * The sentences of a revision's canonical text (D2), with their features. Sentence boundaries
 * come from wink-nlp; a block boundary ("\n\n" between paragraphs, headings, list items and
 * quotes) always ends a sentence, so a heading without a full stop never runs into the next
 * paragraph. Offsets are JavaScript string offsets of the canonical text, like claims'.
 */
import { BLOCK_SEPARATOR } from "@/lib/anchoring/canonical-text";
import { featureVector, sentenceFeatures, type FeatureHit, type SentenceTokens } from "@/lib/triage/features";
import { readText, type Entity, type Token } from "@/lib/triage/nlp";

export interface AnalysedSentence {
  start: number;
  end: number;
  exact: string;
  hits: FeatureHit[];
  /** 0/1 per feature, in FEATURE_NAMES order. */
  vector: number[];
  claimant: string | null;
}

/** Splits the canonical text into sentences and computes the features of each. */
export function analyseText(text: string): AnalysedSentence[] {
  const read = readText(text);
  const result: AnalysedSentence[] = [];
  for (const [first, last] of read.sentences) {
    // A sentence wink runs across a block boundary is cut there.
    let from = first;
    for (let i = first; i <= last + 1; i++) {
      const token = read.tokens[i];
      const boundary = i > last || (token !== undefined && token.type === "tabCRLF" && token.value.includes(BLOCK_SEPARATOR));
      if (!boundary) continue;
      const part = trimTokens(read.tokens, from, i - 1);
      if (part) result.push(analyse(text, read, part[0], part[1]));
      from = i + 1;
    }
  }
  return result;
}

/** Drops whitespace and line-break tokens at both ends; null when nothing is left. */
function trimTokens(tokens: Token[], first: number, last: number): [number, number] | null {
  let a = first;
  let b = last;
  const blank = (index: number) => {
    const token = tokens[index];
    return !token || token.type === "tabCRLF" || token.value.trim() === "";
  };
  while (a <= b && blank(a)) a++;
  while (b >= a && blank(b)) b--;
  if (a > b) return null;
  if (!tokens.slice(a, b + 1).some((token) => /[\p{L}\p{N}]/u.test(token.value))) return null;
  return [a, b];
}

/** The entities inside tokens [first, last]; entities come in text order, so a binary search finds the first. */
function entitiesWithin(entities: Entity[], first: number, last: number): Entity[] {
  let low = 0;
  let high = entities.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((entities[middle]?.first ?? 0) < first) low = middle + 1;
    else high = middle;
  }
  const found: Entity[] = [];
  for (let i = low; i < entities.length; i++) {
    const entity = entities[i];
    if (!entity || entity.first > last) break;
    if (entity.last <= last) found.push(entity);
  }
  return found;
}

function analyse(text: string, read: ReturnType<typeof readText>, first: number, last: number): AnalysedSentence {
  const tokens = read.tokens.slice(first, last + 1);
  const start = tokens[0]?.start ?? 0;
  const end = tokens[tokens.length - 1]?.end ?? start;
  const exact = text.slice(start, end);
  const entities = entitiesWithin(read.entities, first, last).map((entity) => ({ ...entity, first: entity.first - first, last: entity.last - first }));
  const blockStart = start === 0 || text.startsWith(BLOCK_SEPARATOR, start - BLOCK_SEPARATOR.length);
  const blockEnd = end === text.length || text.startsWith(BLOCK_SEPARATOR, end);
  const sentence: SentenceTokens = { exact, start, tokens, entities, wholeBlock: blockStart && blockEnd };
  const { hits, claimant } = sentenceFeatures(sentence);
  return { start, end, exact, hits, vector: featureVector(hits), claimant };
}
