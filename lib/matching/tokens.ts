/**
 * Terms of a claim for the re-ranker: accents removed, case folded, common words dropped,
 * words stemmed, and each term labelled by what it is. Numbers and quantities ("40%",
 * "1,200", "three million") and named entities (capitalised words inside a sentence,
 * acronyms) carry the facts a restatement keeps; common words are what unrelated sentences
 * share. Pure code, for the server and the benchmark alike.
 */
import { stemmer } from "stemmer";
import { eng as englishStopwords } from "stopword";

export type TermKind = "number" | "entity" | "word";

export interface Term {
  term: string;
  kind: TermKind;
}

const STOPWORDS: ReadonlySet<string> = new Set([
  ...englishStopwords,
  // Words of reporting and hedging that every claim may carry.
  "said", "says", "say", "according", "claimed", "claims", "claim", "stated", "reported", "reportedly",
  "also", "now", "just", "nearly", "almost", "about", "around", "roughly", "approximately", "some", "more", "than",
  "less", "fewer", "over", "under", "last", "since", "per", "percent", "cent", "year", "years",
  // Modal verbs and words of time that say nothing of the fact itself.
  "will", "would", "could", "should", "may", "might", "must", "can", "next", "ago", "today", "week", "month",
]);

const NUMBER_WORDS: Readonly<Record<string, string>> = {
  zero: "0", one: "1", two: "2", three: "3", four: "4", five: "5", six: "6", seven: "7", eight: "8", nine: "9",
  ten: "10", eleven: "11", twelve: "12", thirteen: "13", fourteen: "14", fifteen: "15", sixteen: "16",
  seventeen: "17", eighteen: "18", nineteen: "19", twenty: "20", thirty: "30", forty: "40", fifty: "50",
  sixty: "60", seventy: "70", eighty: "80", ninety: "90", hundred: "100", dozen: "12", half: "50%",
  double: "2x", doubled: "2x", twice: "2x", triple: "3x", tripled: "3x", quarter: "25%",
};

/** Scale words: kept as quantities of their own ("million"), so "3 million" ≈ "three million". */
const SCALE_WORDS: ReadonlySet<string> = new Set(["thousand", "million", "billion", "trillion", "bn", "m"]);

/** Strips diacritics, as the database's `unaccent` does for the candidates. */
export function foldAccents(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}+/gu, "");
}

// A number (with thousands separators and decimals, a trailing % or a currency sign before
// it), or a word (letters and digits, inner apostrophes and hyphens).
const TOKEN = /[$€£]?\d[\d,]*(?:\.\d+)?%?|\p{L}[\p{L}\p{N}]*(?:['’]\p{L}+)?/gu;

/** The terms of `text`, in order, repeated as often as they occur. */
export function terms(text: string): Term[] {
  const folded = foldAccents(text);
  const out: Term[] = [];
  let sentenceStart = true;
  let last = 0;
  for (const match of folded.matchAll(TOKEN)) {
    const raw = match[0];
    const index = match.index;
    // A sentence ends between the previous token and this one.
    if (/[.!?:;"“”]\s*$/.test(folded.slice(last, index)) || /\n/.test(folded.slice(last, index))) sentenceStart = true;
    last = index + raw.length;
    const initial = sentenceStart;
    sentenceStart = false;
    if (/^[$€£]?\d/.test(raw)) {
      out.push(...numberTerms(raw));
      continue;
    }
    const word = raw.replace(/['’]s$/i, "").replace(/['’]/g, "");
    const lower = word.toLowerCase();
    if (Object.hasOwn(NUMBER_WORDS, lower)) {
      out.push({ term: NUMBER_WORDS[lower] ?? lower, kind: "number" });
      continue;
    }
    if (SCALE_WORDS.has(lower)) {
      out.push({ term: lower === "bn" ? "billion" : lower === "m" ? "million" : lower, kind: "number" });
      continue;
    }
    // An acronym is a name even when it spells a common word ("WHO", "US").
    const acronym = word.length >= 2 && word === word.toUpperCase() && /\p{Lu}/u.test(word);
    if (!acronym && (STOPWORDS.has(lower) || lower.length < 2)) continue;
    const capitalised = /^\p{Lu}/u.test(word);
    const kind: TermKind = acronym || (capitalised && !initial) ? "entity" : "word";
    out.push({ term: kind === "entity" ? lower : stemmer(lower), kind });
  }
  return out;
}

/** "$1,200.50" → "1200.5" and "$"; "40%" → "40%". */
function numberTerms(raw: string): Term[] {
  const currency = /^[$€£]/.test(raw);
  const percent = raw.endsWith("%");
  let digits = raw.replace(/^[$€£]/, "").replace(/%$/, "");
  // "1,200" is twelve hundred; "3,5" (a decimal comma) is rare in English claims.
  digits = digits.replace(/,(?=\d{3}\b)/g, "").replace(/,$/, "");
  if (digits.includes(".")) digits = String(Number(digits));
  const term = percent ? `${digits}%` : digits;
  const out: Term[] = [{ term, kind: "number" }];
  if (currency) out.push({ term: raw[0] ?? "$", kind: "word" });
  return out;
}

/**
 * Terms with the words "percent" and "per cent" folded into the number before them, so that
 * "40 percent" and "40%" are one fact.
 */
export function claimTerms(text: string): Term[] {
  const withPercent = foldAccents(text).replace(/(\d)\s*(?:per\s?cent|percent|pct)\b/gi, "$1%");
  return terms(withPercent);
}
