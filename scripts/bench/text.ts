/**
 * Generated article text for the benchmark: seeded, so every run sees the same words, claims
 * and edits. Pure code; the anchoring line uses it directly, the HTTP and browser lines store
 * it through the article use case.
 */
import { integer, pick, type Random } from "./random.ts";

/** Short words that repeat in any news text, drawn far more often than the others. */
const FUNCTION_WORDS = (
  "the of and to in a is that for on was with as by at from it his her their this be has " +
  "have not are were which an or but had its said after more than who about also into over"
).split(" ");

const SYLLABLES = (
  "ka ri to ne sa mu lo vi de ra po sen tal mar ber gun dis tro pel van or is an el ur " +
  "ben cor fin gal hem jus kel lin mon nor pri qua ses tin ul vor wen xan yel zor"
).split(" ");

/** A vocabulary of pseudo-words built from syllables, the same for the same random source. */
function contentWords(random: Random, count: number): string[] {
  const words = new Set<string>();
  while (words.size < count) {
    let word = "";
    const syllables = integer(random, 1, 4);
    for (let index = 0; index < syllables; index += 1) word += pick(random, SYLLABLES);
    words.add(word);
  }
  return [...words];
}

/**
 * An article of exactly `wordCount` words: sentences of 8–24 words (some commas), paragraphs
 * of 2–5 sentences separated by a blank line (the canonical block separator).
 */
export function generateArticleText(random: Random, wordCount: number, options: { vocabulary?: number } = {}): string {
  const vocabulary = contentWords(random, options.vocabulary ?? 1_500);
  const paragraphs: string[] = [];
  let written = 0;
  while (written < wordCount) {
    const sentences: string[] = [];
    const sentenceCount = integer(random, 2, 5);
    for (let s = 0; s < sentenceCount && written < wordCount; s += 1) {
      const length = Math.min(integer(random, 8, 24), wordCount - written);
      const words: string[] = [];
      for (let w = 0; w < length; w += 1) {
        let word = random() < 0.3 ? pick(random, FUNCTION_WORDS) : pick(random, vocabulary);
        if (w === 0) word = word.charAt(0).toUpperCase() + word.slice(1);
        if (w < length - 1 && random() < 0.08) word += ",";
        words.push(word);
      }
      written += length;
      sentences.push(`${words.join(" ")}.`);
    }
    paragraphs.push(sentences.join(" "));
  }
  return paragraphs.join("\n\n");
}

/** A word of a text: its offsets and the paragraph it sits in. */
export interface WordToken {
  start: number;
  end: number;
  paragraph: number;
}

/** The words (runs of non-space) of a text. */
export function tokenize(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  let paragraph = 0;
  let last = 0;
  for (const match of text.matchAll(/\S+/g)) {
    const start = match.index;
    if (text.slice(last, start).includes("\n\n")) paragraph += 1;
    tokens.push({ start, end: start + match[0].length, paragraph });
    last = start + match[0].length;
  }
  return tokens;
}

/** A claim's span as words [firstWord, lastWord] and as offsets [start, end). */
export interface ClaimSpan {
  firstWord: number;
  lastWord: number;
  start: number;
  end: number;
}

/**
 * `count` claims spread evenly over the text, one per equal share of its words, each 3–12
 * words long (shorter only where a paragraph leaves no room), inside one paragraph, never
 * overlapping.
 */
export function pickClaimSpans(random: Random, tokens: readonly WordToken[], count: number): ClaimSpan[] {
  if (count === 0) return [];
  const share = Math.floor(tokens.length / count);
  if (share < 2) throw new Error(`${tokens.length} words are too few for ${count} claims`);
  const spans: ClaimSpan[] = [];
  for (let index = 0; index < count; index += 1) {
    const segmentStart = index * share;
    const segmentEnd = segmentStart + share; // exclusive
    let length = Math.min(integer(random, 3, 12), share - 1);
    for (; length >= 1; length -= 1) {
      const candidates: number[] = [];
      for (let first = segmentStart; first + length <= segmentEnd; first += 1) {
        if (tokens[first]?.paragraph === tokens[first + length - 1]?.paragraph) candidates.push(first);
      }
      if (candidates.length === 0) continue;
      const firstWord = pick(random, candidates);
      const lastWord = firstWord + length - 1;
      const start = tokens[firstWord]?.start ?? 0;
      const end = tokens[lastWord]?.end ?? 0;
      spans.push({ firstWord, lastWord, start, end });
      break;
    }
  }
  return spans;
}

/** A revision made by editing a share of the words, with what became of every old word. */
export interface EditedText {
  text: string;
  /** Words substituted, inserted and deleted. */
  edits: { substituted: number; inserted: number; deleted: number };
  /** For each old word: its offsets in the new text when it is still there unchanged, else null. */
  kept: Array<{ start: number; end: number } | null>;
  /** For each old word: the new offsets of what stands in its place (itself, or its substitute), or null when deleted. */
  placed: Array<{ start: number; end: number } | null>;
  /** For each old word: offset in the new text just after it (or where it was), for deleted words. */
  anchorAfter: number[];
  /** Old words after which a new word was inserted. */
  insertedAfter: ReadonlySet<number>;
}

/**
 * Edits `share` of the words of `text` (substitute 50 %, insert a word after it 25 %, delete it
 * 25 %), at distinct words chosen at random, and tracks every old word into the new text.
 */
export function editWords(random: Random, text: string, share: number): EditedText {
  const tokens = tokenize(text);
  const vocabulary = contentWords(random, 400).map((word) => `${word}x`);
  const editCount = Math.round(tokens.length * share);
  const chosen = new Map<number, "substitute" | "insert" | "delete">();
  while (chosen.size < editCount) {
    const index = integer(random, 0, tokens.length - 1);
    if (chosen.has(index)) continue;
    const roll = random();
    chosen.set(index, roll < 0.5 ? "substitute" : roll < 0.75 ? "insert" : "delete");
  }
  const pieces: string[] = [];
  let length = 0;
  const push = (piece: string) => {
    pieces.push(piece);
    length += piece.length;
  };
  const kept: EditedText["kept"] = [];
  const placed: EditedText["placed"] = [];
  const anchorAfter: number[] = [];
  const insertedAfter = new Set<number>();
  const edits = { substituted: 0, inserted: 0, deleted: 0 };
  let pendingSeparator: string | null = null;
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index];
    if (token === undefined) continue;
    const previousEnd = tokens[index - 1]?.end ?? 0;
    let separator = text.slice(previousEnd, token.start);
    if (pendingSeparator !== null) {
      // The word before was deleted: keep the stronger of the two separators (a paragraph break wins).
      if (pendingSeparator.includes("\n")) separator = pendingSeparator;
      pendingSeparator = null;
    }
    const edit = chosen.get(index);
    if (edit === "delete") {
      edits.deleted += 1;
      kept.push(null);
      placed.push(null);
      anchorAfter.push(length);
      pendingSeparator = separator;
      continue;
    }
    push(length === 0 ? "" : separator);
    const word = text.slice(token.start, token.end);
    const start = length;
    if (edit === "substitute") {
      let replacement = pick(random, vocabulary);
      if (replacement === word) replacement += "y";
      push(replacement);
      edits.substituted += 1;
      kept.push(null);
    } else {
      push(word);
      kept.push({ start, end: length });
    }
    placed.push({ start, end: length });
    if (edit === "insert") {
      push(` ${pick(random, vocabulary)}`);
      insertedAfter.add(index);
      edits.inserted += 1;
    }
    anchorAfter.push(length);
  }
  return { text: pieces.join(""), edits, kept, placed, anchorAfter, insertedAfter };
}

/**
 * Where a claim must be found in the edited text. `survived`: every word of it is unchanged and
 * nothing was inserted between them, so it must be found exactly at `expected`. Otherwise its
 * quote was edited, and an attachment is acceptable only when it overlaps `region`, the new
 * text that stands where the claim's words were.
 */
export function claimTruth(
  edited: EditedText,
  span: ClaimSpan,
): { survived: boolean; expected: { start: number; end: number } | null; region: { start: number; end: number } } {
  let survived = true;
  let regionStart = Infinity;
  let regionEnd = -Infinity;
  for (let word = span.firstWord; word <= span.lastWord; word += 1) {
    if (edited.kept[word] === null) survived = false;
    if (word < span.lastWord && edited.insertedAfter.has(word)) survived = false;
    const place = edited.placed[word];
    if (place) {
      regionStart = Math.min(regionStart, place.start);
      regionEnd = Math.max(regionEnd, place.end);
    }
  }
  if (regionStart === Infinity) {
    const at = edited.anchorAfter[span.lastWord] ?? 0;
    regionStart = at;
    regionEnd = at;
  }
  const first = edited.kept[span.firstWord];
  const last = edited.kept[span.lastWord];
  const expected = survived && first && last ? { start: first.start, end: last.end } : null;
  return { survived, expected, region: { start: regionStart, end: regionEnd } };
}
