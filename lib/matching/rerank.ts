/**
 * The re-ranker of "checked before": a BM25-style score of a candidate claim against the
 * claim at hand, normalised to 0..1, in which numbers and named entities weigh more than
 * common words (lib/matching/config.ts). Candidates come from PostgreSQL (full-text and
 * trigram, lib/matching/find-matches.ts); this decides their order and level. Pure code.
 */
import { MATCHING, matchLevel, type MatchLevel } from "@/lib/matching/config";
import { claimTerms, type Term, type TermKind } from "@/lib/matching/tokens";

/** How often each term occurs across the desk's claims: the IDF side of BM25. */
export interface CorpusStats {
  /** Number of claims counted. */
  documents: number;
  /** Mean number of terms per claim. */
  averageLength: number;
  /** Claims containing each term. */
  documentFrequency: ReadonlyMap<string, number>;
}

/** A text made ready for scoring: term frequencies and the strongest kind of each term. */
export interface Analysed {
  length: number;
  frequency: Map<string, number>;
  kind: Map<string, TermKind>;
}

const KIND_RANK: Record<TermKind, number> = { word: 0, entity: 1, number: 2 };

export function analyse(text: string): Analysed {
  return analyseTerms(claimTerms(text));
}

export function analyseTerms(list: readonly Term[]): Analysed {
  const frequency = new Map<string, number>();
  const kind = new Map<string, TermKind>();
  for (const { term, kind: k } of list) {
    frequency.set(term, (frequency.get(term) ?? 0) + 1);
    const known = kind.get(term);
    if (!known || KIND_RANK[k] > KIND_RANK[known]) kind.set(term, k);
  }
  return { length: list.length, frequency, kind };
}

/** Builds corpus statistics from the texts of the desk's claims. */
export function corpusStats(texts: Iterable<string>): CorpusStats {
  const documentFrequency = new Map<string, number>();
  let documents = 0;
  let totalLength = 0;
  for (const text of texts) {
    const analysed = analyse(text);
    documents += 1;
    totalLength += analysed.length;
    for (const term of analysed.frequency.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  return { documents, averageLength: documents === 0 ? 0 : totalLength / documents, documentFrequency };
}

/** BM25's inverse document frequency, never negative; a term the desk has not counted is rare. */
function idf(stats: CorpusStats, term: string): number {
  const n = Math.max(stats.documents, 1);
  const df = Math.min(stats.documentFrequency.get(term) ?? 0, n);
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

function weight(stats: CorpusStats, term: string, a: Analysed, b: Analysed): number {
  const kindA = a.kind.get(term) ?? "word";
  const kindB = b.kind.get(term) ?? "word";
  const kind = KIND_RANK[kindA] >= KIND_RANK[kindB] ? kindA : kindB;
  return idf(stats, term) * MATCHING.boost[kind];
}

/** BM25 of `document` for the terms of `query` (each query term once). */
function bm25(stats: CorpusStats, query: Analysed, document: Analysed): number {
  const average = stats.averageLength > 0 ? stats.averageLength : Math.max(document.length, 1);
  const norm = 1 - MATCHING.b + (MATCHING.b * document.length) / average;
  let score = 0;
  for (const term of query.frequency.keys()) {
    const tf = document.frequency.get(term) ?? 0;
    if (tf === 0) continue;
    score += (weight(stats, term, query, document) * tf * (MATCHING.k1 + 1)) / (tf + MATCHING.k1 * norm);
  }
  return score;
}

/**
 * How alike two claims are, 0..1: the BM25 score each way, divided by what each would score
 * against itself, and the two directions combined by their geometric mean, so a short claim
 * inside a long one is not "the same", and the score does not depend on which was marked first.
 * Claims sharing fewer than `MATCHING.minSharedTerms` distinct terms score 0.
 */
export function similarity(stats: CorpusStats, a: Analysed, b: Analysed): number {
  let shared = 0;
  for (const term of a.frequency.keys()) if (b.frequency.has(term)) shared += 1;
  if (shared < MATCHING.minSharedTerms) return 0;
  const selfA = bm25(stats, a, a);
  const selfB = bm25(stats, b, b);
  if (selfA === 0 || selfB === 0) return 0;
  const ab = bm25(stats, a, b) / selfA;
  const ba = bm25(stats, b, a) / selfB;
  return Math.min(1, Math.sqrt(Math.max(ab, 0) * Math.max(ba, 0)));
}

export interface Ranked<T> {
  item: T;
  score: number;
  level: MatchLevel;
}

/**
 * Scores candidates against the claim's text and keeps those at or above the similar
 * threshold, best first (ties by the order given), at most `limit`.
 */
export function rerank<T>(
  stats: CorpusStats,
  text: string,
  candidates: readonly T[],
  textOf: (candidate: T) => string,
  limit: number = MATCHING.maxMatches,
): Ranked<T>[] {
  const query = analyse(text);
  const ranked: Ranked<T>[] = [];
  for (const item of candidates) {
    const score = similarity(stats, query, analyse(textOf(item)));
    const level = matchLevel(score);
    if (level) ranked.push({ item, score, level });
  }
  return ranked.sort((x, y) => y.score - x.score).slice(0, limit);
}
