/**
 * What makes a sentence worth checking, as named features with a reason in words each: in the
 * spirit of ClaimBuster (Hassan et al., KDD 2017) and Full Fact's claim detection. For:
 * quantities and statistics, comparisons and superlatives, changes, causes, named sources,
 * data sources, predictions with figures, names and dates, rules and decisions. Against:
 * questions, feelings, opinions, first-person talk, scene descriptions, practical
 * information, headings, times of day, very short sentences.
 *
 * Features are 0/1 and read the tokens, parts of speech and entities of wink-nlp
 * (lib/triage/nlp.ts); the weights that turn them into a score live in lib/triage/model.ts.
 */
import type { Entity, Token } from "@/lib/triage/nlp";

/** Every feature, in the order of the weight vector. */
export const FEATURE_NAMES = [
  "quantity",
  "statistic",
  "date",
  "comparison",
  "change",
  "cause",
  "attribution",
  "attributionPronoun",
  "dataSource",
  "prediction",
  "names",
  "decision",
  "question",
  "feeling",
  "opinion",
  "firstPerson",
  "quotation",
  "scene",
  "procedure",
  "heading",
  "timeOfDay",
  "short",
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

/** A feature present in a sentence, with what in the sentence made it so. */
export interface FeatureHit {
  name: FeatureName;
  /** In words, for the reviewer: "a quantity: 62%". */
  reason: string;
}

/** A sentence as the features see it: its tokens and the entities inside it. */
export interface SentenceTokens {
  /** The sentence's text (the canonical text between its offsets). */
  exact: string;
  /** Offset of the sentence in the canonical text. */
  start: number;
  tokens: Token[];
  /** Entities, with token indices relative to `tokens`. */
  entities: Entity[];
  /** The sentence is a whole block of the article (nothing else in its paragraph or heading). */
  wholeBlock: boolean;
}

/** What the features found: the hits and, when the sentence names its source, who that is. */
export interface SentenceFeatures {
  hits: FeatureHit[];
  /** Who the sentence attributes its content to ("the health ministry"), when named. */
  claimant: string | null;
}

const words = (list: string) => new Set(list.split(/\s+/).filter(Boolean));

const CHANGE = words(`rose rise rises risen rising fell fall falls fallen falling increased increase increases increasing
  decreased decrease decreases doubled double doubles tripled halved grew grow grows grown growing dropped drop drops
  declined decline declines climbed climb surged surge plunged plunge jumped slumped soared soar cut cuts reduced shrank
  shrunk expanded tumbled slipped gained widened narrowed outnumbered`);
const CAUSE = [
  "because of", "because", "due to", "as a result of", "as a result", "led to", "leads to", "lead to", "leading to", "caused by",
  "caused", "causes", "causing", "blamed on", "thanks to", "driven by", "linked to", "resulted in", "results in", "result of",
  "contributed to", "owing to", "responsible for", "attributed to",
].map((cue) => cue.split(" "));
const SAYING = words(`said says say told tells added stated announced reported reports estimated estimates warned claimed claims
  insisted argued wrote confirmed found finds showed shows concluded revealed`);
const LISTENER_VERBS = words("told tells");
const PRONOUNS = words("he she they it we i you one him her them this that who");
const DATA_SOURCE = words(`figures data statistics survey surveys study studies report census poll polls research analysis
  records audit inspection inquiry index`);
const PREDICTION = [["will"], ["expected", "to"], ["forecast"], ["forecasts"], ["projected"], ["predicts"], ["predicted"], ["set", "to"], ["on", "course", "to"], ["is", "likely", "to"]];
const DECISION = words(`law laws bill banned ban bans approved voted vote passed ruling ruled illegal requires required budget
  spending funding tax taxes policy regulation regulations fined fine fines sentenced convicted charged contract`);
const STATISTIC = words(`percent per cent rate rates average median majority half third quarter twice million millions billion
  billions thousand thousands per capita proportion share total record trillion`);
const FEELING = words(`feel feels felt feeling happy sad proud delighted thrilled excited worried afraid scared love loved
  hate hope hoped glad upset angry grateful nervous heartbroken overjoyed disappointed devastated relieved shocked moved
  sorry lonely frightened furious ashamed honoured honored emotional joy fear fears thankful blessed`);
const OPINION_WORDS = words(`think believe should must ought wonderful terrible amazing awful disgraceful shameful brilliant
  fantastic beautiful ridiculous outrageous unacceptable deserve deserves great fair unfair incredible lovely magical
  perfect sure hopefully`);
const FIRST_PERSON = words("i me my we us our mine myself ourselves");
const SCENE = words(`sun sunlight sunshine sky skies smell smells scent light shadow shadows rain wind breeze crowd crowds
  silence quiet echoed echo glow glowing air dusk dawn snow fog smoke cheers cheered laughter music banners flags waved
  clapped sang danced drizzle puddles colourful colorful streets quietly slowly gently`);
const PROCEDURE = words(`register registration tickets ticket entry admission doors apply applications website contact book
  booking bookings visit call email parking booked`);
const NUMBER_WORDS = words("two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand million billion trillion dozen dozens hundreds");
const COMPARATIVE_WORDS = words("more most less least fewer fewest than record twice worst best biggest smallest compared");
const NOT_COMPARATIVE = words(`other others never ever over under after however whether together either neither rather further
  former latter water number member eager clever sheer proper super upper inner outer bitter tender sober silver slender
  interest honest modest west forest rest protest latest earnest guest whatever whenever wherever another manner
  summer winter center centre order matter later`);
const MONTHS_AND_DAYS = words(`january february march april may june july august september october november december monday
  tuesday wednesday thursday friday saturday sunday`);
const CLAIMANT_INNER = words("of for at from in");
const QUOTES = /["“”‘’«»]/;
const TERMINAL = /[.!?…]["”’»)]*$/;

const isPunct = (token: Token) => token.type === "punctuation" || token.pos === "PUNCT";
const isYear = (token: Token) => /^(1[89]|20)\d\d$/.test(token.value);
const hasDigit = (token: Token) => /\d/.test(token.value);

/** Index of the first occurrence of `phrase` (lower-case words) among the tokens, or -1. */
function findPhrase(tokens: Token[], phrase: string[], from = 0): number {
  outer: for (let i = from; i <= tokens.length - phrase.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (tokens[i + j]?.lower !== phrase[j]) continue outer;
    return i;
  }
  return -1;
}

/** The sentence's own text from token `first` to token `last` (inclusive). */
function textOf(sentence: SentenceTokens, first: number, last: number): string {
  const a = sentence.tokens[first];
  const b = sentence.tokens[last];
  if (!a || !b) return "";
  return sentence.exact.slice(a.start - sentence.start, b.end - sentence.start);
}

/** From token `first`, the words up to a punctuation mark, at most `max` tokens. */
function phraseFrom(sentence: SentenceTokens, first: number, max = 7): string {
  let last = first;
  while (last + 1 < sentence.tokens.length && last + 1 - first < max) {
    const next = sentence.tokens[last + 1];
    if (!next || isPunct(next) || next.type === "tabCRLF") break;
    last++;
  }
  return textOf(sentence, first, last);
}

function entityAt(sentence: SentenceTokens, index: number): Entity | undefined {
  return sentence.entities.find((entity) => entity.first <= index && index <= entity.last);
}

/** Times of day in the sentence ("7.30pm", "9 a.m.", "at 18:00"), as offsets in the canonical text. */
function timeSpans(sentence: SentenceTokens): { start: number; end: number; text: string }[] {
  const spans = sentence.entities
    .filter((entity) => entity.type === "TIME")
    .map((entity) => ({
      start: sentence.tokens[entity.first]?.start ?? 0,
      end: sentence.tokens[entity.last]?.end ?? 0,
      text: textOf(sentence, entity.first, entity.last),
    }));
  const pattern = /\b\d{1,2}([.:]\d\d)?\s?(am|pm|a\.m\.|p\.m\.)(?![a-z])|\b\d{1,2}:\d\d\b/gi;
  for (const match of sentence.exact.matchAll(pattern)) {
    const start = sentence.start + (match.index ?? 0);
    spans.push({ start, end: start + match[0].length, text: match[0] });
  }
  return spans;
}

function quantity(sentence: SentenceTokens, times: { start: number; end: number }[]): string | null {
  const { tokens } = sentence;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    // A figure that is only a time of day ("at 7.30pm") is not a statistic.
    if (times.some((time) => time.start < token.end && token.start < time.end)) continue;
    const entity = entityAt(sentence, i);
    if (entity && /^(PERCENT|MONEY)$/.test(entity.type)) return textOf(sentence, entity.first, entity.last);
    if (entity && /^(DATE|TIME|ORDINAL|DURATION)$/.test(entity.type)) continue;
    const numeric = (hasDigit(token) && (token.type === "number" || token.pos === "NUM")) || (token.pos === "NUM" && NUMBER_WORDS.has(token.lower));
    if (!numeric || isYear(token)) continue;
    // A numbered list item ("1.") or a bare figure at the very start of a block counts for nothing.
    if (i === 0 && tokens[1]?.value === "." && tokens.length > 2) continue;
    let last = i;
    while (last + 1 < tokens.length && /^(NUM|SYM)$/.test(tokens[last + 1]?.pos ?? "")) last++;
    const next = tokens[last + 1];
    if (next && (next.pos === "NOUN" || next.pos === "PROPN" || next.pos === "ADJ")) last++;
    let first = i;
    const before = tokens[i - 1];
    if (before && (before.type === "currency" || before.pos === "SYM")) first = i - 1;
    return textOf(sentence, first, last);
  }
  return null;
}

function statistic(sentence: SentenceTokens, hasQuantity: boolean): string | null {
  const entity = sentence.entities.find((e) => e.type === "PERCENT" || e.type === "MONEY");
  if (entity) return textOf(sentence, entity.first, entity.last);
  if (!hasQuantity) return null;
  const word = sentence.tokens.find((token) => STATISTIC.has(token.lower));
  return word ? word.value : null;
}

function date(sentence: SentenceTokens): string | null {
  const entity = sentence.entities.find((e) => e.type === "DATE" || e.type === "DURATION");
  if (entity) return textOf(sentence, entity.first, entity.last);
  const year = sentence.tokens.find(isYear);
  return year ? year.value : null;
}

function comparison(sentence: SentenceTokens): string | null {
  const { tokens } = sentence;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    const lexical = COMPARATIVE_WORDS.has(token.lower);
    const inflected =
      (token.pos === "ADJ" || token.pos === "ADV") && /^[a-z]{2,}(er|est)$/.test(token.lower) && !NOT_COMPARATIVE.has(token.lower);
    if (!lexical && !inflected) continue;
    if (token.lower === "than" && i > 0) continue; // counted from the comparative before it
    const first = tokens[i - 1]?.pos === "DET" ? i - 1 : i;
    return phraseFrom(sentence, first, 6);
  }
  return null;
}

function change(sentence: SentenceTokens): string | null {
  const index = sentence.tokens.findIndex((token) => CHANGE.has(token.lower) && (token.pos === "VERB" || token.pos === "NOUN"));
  return index < 0 ? null : phraseFrom(sentence, index, 5);
}

function cause(sentence: SentenceTokens): string | null {
  for (const cue of CAUSE) {
    const index = findPhrase(sentence.tokens, cue);
    if (index >= 0) return phraseFrom(sentence, index, 7);
  }
  return null;
}

/** Who a sentence attributes its content to: a name, a pronoun, or nobody. */
function attribution(sentence: SentenceTokens): { claimant: string | null; pronoun: string | null } {
  const { tokens } = sentence;
  const according = findPhrase(tokens, ["according", "to"]);
  if (according >= 0) {
    const claimant = claimantAfter(sentence, according + 2);
    if (claimant) return { claimant, pronoun: null };
  }
  for (const source of ["figures", "data", "statistics"]) {
    const index = findPhrase(tokens, [source, "from"]);
    if (index >= 0) {
      const claimant = claimantAfter(sentence, index + 2);
      if (claimant) return { claimant, pronoun: null };
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    const verb = tokens[i];
    if (!verb || !SAYING.has(verb.lower)) continue;
    const before = tokens[i - 1];
    if (before && PRONOUNS.has(before.lower)) return { claimant: null, pronoun: before.value };
    const subject = claimantBefore(sentence, i);
    if (subject) return { claimant: subject, pronoun: null };
    // "…, said the health ministry." — the source after the verb, after a quote or a comma;
    // never after "told", whose object is the listener ("…, told reporters").
    if ((!before || isPunct(before)) && !LISTENER_VERBS.has(verb.lower)) {
      const after = tokens[i + 1];
      if (after && PRONOUNS.has(after.lower)) return { claimant: null, pronoun: after.value };
      const claimant = claimantAfter(sentence, i + 1);
      if (claimant) return { claimant, pronoun: null };
    }
  }
  return { claimant: null, pronoun: null };
}

const claimantPart = (token: Token | undefined): boolean =>
  !!token &&
  (token.pos === "PROPN" || token.pos === "NOUN" || token.pos === "ADJ" || token.pos === "DET" || token.value === "'s" || token.value === "’s" ||
    (token.pos === "ADP" && CLAIMANT_INNER.has(token.lower)) || (token.pos === "PUNCT" && token.value === "." && /^[A-Z]/.test(token.value)));

/** The noun phrase right after token `first` ("the health ministry"), or null. */
function claimantAfter(sentence: SentenceTokens, first: number): string | null {
  const { tokens } = sentence;
  let last = first - 1;
  while (last + 1 < tokens.length && last + 1 - first < 8 && claimantPart(tokens[last + 1])) last++;
  while (last >= first && (tokens[last]?.pos === "ADP" || tokens[last]?.pos === "DET")) last--;
  if (last < first) return null;
  if (!tokens.slice(first, last + 1).some((token) => token.pos === "NOUN" || token.pos === "PROPN")) return null;
  return textOf(sentence, first, last);
}

/** The noun phrase ending right before token `verb` ("The health ministry", "Dr. Smith"), or null. */
function claimantBefore(sentence: SentenceTokens, verb: number): string | null {
  const { tokens } = sentence;
  let first = verb;
  while (first - 1 >= 0 && verb - (first - 1) <= 8 && (claimantPart(tokens[first - 1]) || /^[A-Z][a-z]?\.$/.test(tokens[first - 1]?.value ?? ""))) first--;
  while (first < verb && tokens[first]?.pos === "ADP") first++;
  if (first >= verb) return null;
  const phrase = tokens.slice(first, verb);
  if (!phrase.some((token) => token.pos === "NOUN" || token.pos === "PROPN")) return null;
  // A subject that is only a time ("Last year said…") or a data word is not a claimant.
  if (phrase.every((token) => MONTHS_AND_DAYS.has(token.lower) || token.pos === "DET")) return null;
  return textOf(sentence, first, verb - 1);
}

function prediction(sentence: SentenceTokens, hasQuantity: boolean): string | null {
  if (!hasQuantity) return null;
  for (const cue of PREDICTION) {
    const index = findPhrase(sentence.tokens, cue);
    if (index >= 0) return phraseFrom(sentence, index, 6);
  }
  return null;
}

function names(sentence: SentenceTokens): string | null {
  const { tokens } = sentence;
  const found: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token || token.pos !== "PROPN" || MONTHS_AND_DAYS.has(token.lower) || !/^[A-Z]/.test(token.value)) continue;
    let last = i;
    while (tokens[last + 1]?.pos === "PROPN" && /^[A-Z]/.test(tokens[last + 1]?.value ?? "")) last++;
    if (i === 0 && last === 0) {
      continue; // a capital at the start of a sentence says nothing on its own
    }
    const name = textOf(sentence, i, last);
    if (!found.includes(name)) found.push(name);
    i = last;
  }
  return found.length > 0 ? found.slice(0, 3).join(", ") : null;
}

function firstWord(sentence: SentenceTokens, set: Set<string>): string | null {
  return sentence.tokens.find((token) => set.has(token.lower))?.value ?? null;
}

function isQuestion(sentence: SentenceTokens): boolean {
  return /\?["”’»)]*$/.test(sentence.exact.trimEnd());
}

function procedure(sentence: SentenceTokens): string | null {
  const first = sentence.tokens.find((token) => !isPunct(token));
  // An instruction: a sentence that opens with a verb in its base form ("Bring water.").
  if (first && first.pos === "VERB" && /^[A-Z]/.test(first.value) && !/(ed|ing|s)$/.test(first.lower)) return first.value;
  return firstWord(sentence, PROCEDURE);
}

/** Counts the words of a sentence (tokens with a letter or a digit). */
export function wordCount(sentence: SentenceTokens): number {
  return sentence.tokens.filter((token) => /[\p{L}\p{N}]/u.test(token.value)).length;
}

/** The features of one sentence, each with its reason, and the claimant it names. */
export function sentenceFeatures(sentence: SentenceTokens): SentenceFeatures {
  const hits: FeatureHit[] = [];
  const add = (name: FeatureName, reason: string | null) => {
    if (reason !== null && reason !== "") hits.push({ name, reason });
  };
  const times = timeSpans(sentence);
  const time = times[0]?.text ?? null;
  const quantityReason = quantity(sentence, times);
  add("quantity", quantityReason === null ? null : `a quantity: ${quantityReason}`);
  const stat = statistic(sentence, quantityReason !== null);
  add("statistic", stat === null ? null : `a statistic: ${stat}`);
  const when = date(sentence);
  add("date", when === null ? null : `a date: ${when}`);
  const compared = comparison(sentence);
  add("comparison", compared === null ? null : `a comparison: ${compared}`);
  const changed = change(sentence);
  add("change", changed === null ? null : `a change: ${changed}`);
  const because = cause(sentence);
  add("cause", because === null ? null : `a cause: ${because}`);
  const source = attribution(sentence);
  add("attribution", source.claimant === null ? null : `attributed to ${source.claimant}`);
  add("attributionPronoun", source.pronoun === null ? null : `attributed to “${source.pronoun}”`);
  const data = firstWord(sentence, DATA_SOURCE);
  add("dataSource", data === null ? null : `a source of data: ${data}`);
  const future = prediction(sentence, quantityReason !== null);
  add("prediction", future === null ? null : `a prediction with a figure: ${future}`);
  const named = names(sentence);
  add("names", named === null ? null : `names: ${named}`);
  const decided = firstWord(sentence, DECISION);
  add("decision", decided === null ? null : `a rule or decision: ${decided}`);
  add("question", isQuestion(sentence) ? "a question" : null);
  const feeling = firstWord(sentence, FEELING);
  add("feeling", feeling === null ? null : `a feeling: ${feeling}`);
  const opinion = firstWord(sentence, OPINION_WORDS);
  add("opinion", opinion === null ? null : `an opinion: ${opinion}`);
  const me = firstWord(sentence, FIRST_PERSON);
  add("firstPerson", me === null ? null : `speaks in the first person: ${me}`);
  add("quotation", QUOTES.test(sentence.exact) ? "a quotation" : null);
  const scene = firstWord(sentence, SCENE);
  add("scene", scene === null ? null : `describes a scene: ${scene}`);
  const practical = procedure(sentence);
  add("procedure", practical === null ? null : `practical information: ${practical}`);
  add("heading", sentence.wholeBlock && !TERMINAL.test(sentence.exact.trimEnd()) && wordCount(sentence) <= 15 ? "a heading" : null);
  add("timeOfDay", time === null ? null : `a time of day: ${time}`);
  add("short", wordCount(sentence) < 6 ? "a short sentence" : null);
  return { hits, claimant: source.claimant };
}

/** The 0/1 vector of a sentence's features, in FEATURE_NAMES order. */
export function featureVector(hits: FeatureHit[]): number[] {
  const present = new Set(hits.map((hit) => hit.name));
  return FEATURE_NAMES.map((name) => (present.has(name) ? 1 : 0));
}
