/**
 * The English pipeline of wink-nlp (tokens, sentences, parts of speech, entities such as
 * dates, times, percentages and amounts of money), loaded once per process. The model ships in
 * the npm package `wink-eng-lite-web-model`: nothing is downloaded at run time.
 */
import winkNLP, { type ItemEntity, type ItemSentence } from "wink-nlp";
import model from "wink-eng-lite-web-model";

type Pipeline = ReturnType<typeof winkNLP>;

let pipeline: Pipeline | null = null;

/** The shared pipeline; the first call loads the model (about 50 ms). */
export function englishPipeline(): Pipeline {
  pipeline ??= winkNLP(model);
  return pipeline;
}

/** One token of a text, with its place in the canonical text. */
export interface Token {
  /** The token as written. */
  value: string;
  /** Lower case, for word lists. */
  lower: string;
  /** Universal part of speech (NOUN, VERB, PROPN, NUM…). */
  pos: string;
  /** wink's token type: word, number, punctuation, symbol, currency, tabCRLF… */
  type: string;
  start: number;
  end: number;
}

/** An entity wink recognises: DATE, TIME, DURATION, PERCENT, MONEY, CARDINAL, ORDINAL… */
export interface Entity {
  type: string;
  /** First and last token index (inclusive) in the text's token list. */
  first: number;
  last: number;
}

/** A text read by the pipeline: its tokens with offsets, its sentences and its entities. */
export interface ReadText {
  tokens: Token[];
  /** First and last token index (inclusive) of each sentence, in order. */
  sentences: [number, number][];
  entities: Entity[];
}

/**
 * Reads `text`. Token offsets are found in the text itself (wink's tokenisation keeps every
 * character, so each token is found where the previous one ended), which keeps them exact
 * JavaScript string offsets of the canonical text (D2).
 */
export function readText(text: string): ReadText {
  const nlp = englishPipeline();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out();
  const lowers = doc.tokens().out(its.normal);
  const pos = doc.tokens().out(its.pos);
  const types = doc.tokens().out(its.type);
  const tokens: Token[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? "";
    let start = text.startsWith(value, cursor) ? cursor : text.indexOf(value, cursor);
    // wink normalises a few characters in tokens it expands; such a token keeps the span
    // between its neighbours.
    if (start < 0) start = cursor;
    const end = start < 0 ? cursor : Math.min(text.length, start + value.length);
    tokens.push({ value, lower: lowers[i] ?? value.toLowerCase(), pos: pos[i] ?? "X", type: types[i] ?? "word", start, end });
    cursor = end;
  }
  const sentences: [number, number][] = [];
  doc.sentences().each((sentence: ItemSentence) => {
    const [first, last] = sentence.out(its.span);
    if (typeof first === "number" && typeof last === "number") sentences.push([first, last]);
  });
  const entities: Entity[] = [];
  doc.entities().each((entity: ItemEntity) => {
    const [first, last] = entity.out(its.span);
    if (typeof first === "number" && typeof last === "number") entities.push({ type: entity.out(its.type), first, last });
  });
  return { tokens, sentences, entities };
}
