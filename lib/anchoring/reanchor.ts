/**
 * Re-anchoring (D2): find a claim made on one revision of an article in the canonical text of a
 * newer revision, or say that it cannot be found with confidence (an *orphan*, listed for
 * attention and never silently attached to other text).
 *
 * The approach is Hypothesis's (hypothesis/client src/annotator/anchoring/match-quote.ts and
 * html.ts): the stored position first, checked against the quote; then the quote, exactly, with
 * its prefix and suffix choosing between occurrences; then the quote approximately, with
 * approx-string-match (Myers' bit-parallel algorithm), candidates scored by the similarity of
 * quote (weight 50), prefix (20) and suffix (20) and by closeness to the expected place (2).
 *
 * What is added, to make it safe ("never elsewhere") and fast:
 *
 * - For an approximate match, the quote is searched *together with* its context (prefix + quote
 *   + suffix as one pattern, within the threshold as a whole), and the quote is then looked for
 *   between the aligned prefix and suffix. The context decides where the claim is, the quote
 *   decides whether it survived. A search for the quote alone happily returns a neighbouring word
 *   that differs by one letter when the claimed word itself was replaced; here the context sits
 *   around the replaced word, the text between prefix and suffix no longer resembles the quote,
 *   and the claim becomes an orphan.
 * - An exact occurrence whose context changed is given up for edited text nearby only when quote
 *   and context together fit there with fewer edits, and the occurrence is not itself part of
 *   that context (which only a context containing the quote can explain, as "Kyiv" in "Kyiv2").
 *   So an intact quote whose surroundings were edited stays found, and a duplicate of an edited
 *   claim does not capture it.
 * - A prefix or suffix that stopped at the edge of the text keeps the edge as context: a claim
 *   that opened the article is expected to open it still.
 * - Every search runs first in a window around the expected position (the old position moved by
 *   the edits, as far as they are known) and only then, if nothing fits there, over the whole
 *   text. `reanchorAll` estimates each claim's position from its neighbours that were already
 *   found, so on a typical revision nearly every claim is settled inside a small window.
 *
 * Offsets are JavaScript string indices (UTF-16 code units), as everywhere in canonical text; a
 * fuzzy match is widened rather than cut through a surrogate pair.
 *
 * Pure code: no DOM and no database.
 */
import approxSearch from "approx-string-match";
import { alignCuts, boundedEditDistance, prefixDistance, suffixDistance } from "./edit-distance";
import {
  DEFAULT_CONTEXT_LENGTH,
  verifyPosition,
  type TextPositionSelector,
  type TextQuoteSelector,
} from "./selectors";

/** A claim's stored anchor: both selectors, on the text of the revision it was made on. */
export interface ReanchorAnchor extends TextQuoteSelector, TextPositionSelector {}

/**
 * Why a claim could not be re-anchored:
 * - `empty-quote`: the anchor quotes nothing, so there is nothing to look for;
 * - `quote-changed`: the context was found, but the text between prefix and suffix differs from
 *   the quote by more than the threshold (or at all, for a quote shorter than 4 units);
 * - `context-mismatch`: the quote occurs, but only far from its old place and in other context;
 * - `not-found`: neither the quote nor the quote with its context occurs.
 */
export type OrphanReason = "empty-quote" | "quote-changed" | "context-mismatch" | "not-found";

/** Where a claim is in the new text, or why it is an orphan. */
export type ReanchorResult =
  | { kind: "exact"; start: number; end: number }
  | { kind: "fuzzy"; start: number; end: number; score: number; exactNow: string }
  | { kind: "orphaned"; reason: OrphanReason };

/** Options of reanchor and reanchorAll. */
export interface ReanchorOptions {
  /**
   * The largest share of the quote that may have changed for an approximate match: edit
   * distance / quote length (at most 256 edits however long the quote). The quote searched with
   * its prefix and suffix must also be found within this share of the whole. 0 allows exact
   * matches only.
   * @default 0.25
   */
  threshold?: number;
  /**
   * Length of the text the anchors were made on. With it, a claim is also expected at its old
   * position scaled by the change of length, which narrows the first search when the edits are
   * spread over the text.
   * @default undefined (only the old position and, in reanchorAll, the neighbours are used)
   */
  oldTextLength?: number;
  /**
   * The context length the anchors were described with (describeRange). A prefix or suffix
   * shorter than it by more than one unit (one is dropped to keep a surrogate pair whole) stopped
   * at the edge of the text, and the edge then counts as part of the context.
   * @default DEFAULT_CONTEXT_LENGTH (32)
   */
  contextLength?: number;
}

/** The default of ReanchorOptions.threshold. */
export const DEFAULT_REANCHOR_THRESHOLD = 0.25;

/** Quotes shorter than this many UTF-16 units are only ever matched exactly. */
export const MIN_FUZZY_QUOTE_LENGTH = 4;

/** Find one anchor in the new text: exact, fuzzy, or orphaned (see the module comment). */
export function reanchor(newText: string, anchor: ReanchorAnchor, options: ReanchorOptions = {}): ReanchorResult {
  const settings = readOptions(options);
  return reanchorOne(newText, anchor, settings, ownEstimate(newText, anchor, settings));
}

/**
 * Re-anchor many claims on one text, in the order given. Claims whose position still holds are
 * settled first; every other claim is then expected where its nearest settled neighbours moved.
 */
export function reanchorAll(
  newText: string,
  anchors: readonly ReanchorAnchor[],
  options: ReanchorOptions = {},
): ReanchorResult[] {
  const settings = readOptions(options);
  const results: (ReanchorResult | undefined)[] = anchors.map((anchor) =>
    positionHolds(newText, anchor) ? { kind: "exact", start: anchor.start, end: anchor.end } : undefined,
  );
  const order = anchors.map((_, index) => index);
  order.sort((a, b) => (anchors[a]?.start ?? 0) - (anchors[b]?.start ?? 0));

  // The next claim (in old-text order) settled by its position, for the estimate from the right.
  const nextSettled = new Array<number>(order.length).fill(-1);
  for (let k = order.length - 1, next = -1; k >= 0; k -= 1) {
    nextSettled[k] = next;
    const index = order[k] ?? 0;
    if (results[index] !== undefined) next = index;
  }

  let previous = -1;
  for (let k = 0; k < order.length; k += 1) {
    const index = order[k] ?? 0;
    const anchor = anchors[index];
    if (anchor === undefined) continue;
    let result = results[index];
    if (result === undefined) {
      const estimates: number[] = [];
      const before = previous >= 0 ? found(results[previous]) : undefined;
      const beforeAnchor = previous >= 0 ? anchors[previous] : undefined;
      if (before !== undefined && beforeAnchor !== undefined) {
        estimates.push(before + (anchor.start - beforeAnchor.start));
      }
      const afterIndex = nextSettled[k] ?? -1;
      const after = afterIndex >= 0 ? found(results[afterIndex]) : undefined;
      const afterAnchor = afterIndex >= 0 ? anchors[afterIndex] : undefined;
      if (after !== undefined && afterAnchor !== undefined) {
        estimates.push(after - (afterAnchor.start - anchor.start));
      }
      const expected =
        estimates.length > 0 ? spanOf(newText, estimates) : ownEstimate(newText, anchor, settings);
      result = reanchorOne(newText, anchor, settings, expected);
      results[index] = result;
    }
    if (result.kind !== "orphaned") previous = index;
  }
  return results.map((result) => result ?? { kind: "orphaned", reason: "not-found" });
}

// ---------------------------------------------------------------------------------------------

/** Relative weights of Hypothesis's matchQuote score. */
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/** Hypothesis caps the errors allowed in a quote: the search costs O(errors / 32 · text length). */
const MAX_QUOTE_ERRORS = 256;

/** The first search looks this far, plus twice the quote's length, around the expected place. */
const WINDOW_MARGIN = 256;

/** The first, tight window for a fuzzy search allows this much drift beyond the error budget. */
const TIGHT_MARGIN = 64;

/** With more exact occurrences than this, only the most promising ones get the full context check. */
const MAX_SCORED_OCCURRENCES = 16;

interface Settings {
  threshold: number;
  oldTextLength: number | undefined;
  contextLength: number;
}

/** Where a claim's start is expected in the new text: a range of estimates and their middle. */
interface Expected {
  low: number;
  high: number;
  center: number;
}

/** One claim being re-anchored, with its limits and its first search window. */
interface Job {
  text: string;
  anchor: ReanchorAnchor;
  positionHit: boolean;
  center: number;
  /** The first search window: the expected place, give or take the error budget and a margin. */
  tightFrom: number;
  tightTo: number;
  /** The second: give or take twice the quote's length and WINDOW_MARGIN. */
  from: number;
  to: number;
  maxQuoteErrors: number;
  /** At most this many edits in prefix + suffix together, and the context still counts as intact. */
  maxContextErrors: number;
  maxFrameErrors: number;
  threshold: number;
  /** The stored prefix was all the text before the claim: the text start is context too. */
  prefixReachesStart: boolean;
  /** The stored suffix was all the text after the claim: the text end is context too. */
  suffixReachesEnd: boolean;
}

/** A place in the new text that may be the claim, with its Hypothesis-style score. */
interface Candidate {
  start: number;
  end: number;
  errors: number;
  contextErrors: number;
  score: number;
}

/** A match of prefix + quote + suffix, and where the quote's ends fall inside it. */
interface Frame {
  start: number;
  end: number;
  errors: number;
  quoteStart: number;
  quoteEnd: number;
}

/** What a frame says about the claim, and its cost: context edits plus quote edits. */
interface Resolution {
  result: ReanchorResult;
  cost: number;
}

function readOptions(options: ReanchorOptions): Settings {
  const threshold = options.threshold ?? DEFAULT_REANCHOR_THRESHOLD;
  if (!(threshold >= 0 && threshold < 1)) {
    throw new RangeError(`The re-anchoring threshold ${threshold} is not in [0, 1)`);
  }
  const oldTextLength = options.oldTextLength;
  if (oldTextLength !== undefined && !(Number.isInteger(oldTextLength) && oldTextLength >= 0)) {
    throw new RangeError(`The old text length ${oldTextLength} is not a non-negative integer`);
  }
  const contextLength = options.contextLength ?? DEFAULT_CONTEXT_LENGTH;
  if (!(Number.isInteger(contextLength) && contextLength >= 0)) {
    throw new RangeError(`The context length ${contextLength} is not a non-negative integer`);
  }
  return { threshold, oldTextLength, contextLength };
}

function reanchorOne(text: string, anchor: ReanchorAnchor, settings: Settings, expected: Expected): ReanchorResult {
  const { exact, prefix, suffix } = anchor;
  if (exact.length === 0) return { kind: "orphaned", reason: "empty-quote" };
  if (positionHolds(text, anchor)) return { kind: "exact", start: anchor.start, end: anchor.end };

  const margin = 2 * exact.length + WINDOW_MARGIN;
  const maxQuoteErrors = Math.min(MAX_QUOTE_ERRORS, Math.floor(exact.length * settings.threshold));
  const maxContextErrors = Math.floor((prefix.length + suffix.length) * settings.threshold);
  const job: Job = {
    text,
    anchor,
    positionHit: verifyPosition(text, anchor),
    center: expected.center,
    tightFrom: Math.max(0, expected.low - prefix.length - maxQuoteErrors - maxContextErrors - TIGHT_MARGIN),
    tightTo: Math.min(
      text.length,
      expected.high + exact.length + suffix.length + maxQuoteErrors + maxContextErrors + TIGHT_MARGIN,
    ),
    from: Math.max(0, expected.low - prefix.length - margin),
    to: Math.min(text.length, expected.high + exact.length + suffix.length + margin),
    maxQuoteErrors,
    maxContextErrors,
    maxFrameErrors: maxQuoteErrors + maxContextErrors,
    threshold: settings.threshold,
    // A context shorter than describeRange takes (less the one unit it may drop to keep a
    // surrogate pair whole) stopped at the edge of the text.
    prefixReachesStart: anchor.start === prefix.length,
    suffixReachesEnd:
      suffix.length < settings.contextLength - 1 ||
      (settings.oldTextLength !== undefined && anchor.end + suffix.length === settings.oldTextLength),
  };

  const outcome = findExact(job);
  if (outcome !== undefined && outcome !== "out-of-context") return outcome;
  const notFound: ReanchorResult = {
    kind: "orphaned",
    reason: outcome === "out-of-context" ? "context-mismatch" : "not-found",
  };
  if (exact.length < MIN_FUZZY_QUOTE_LENGTH || maxQuoteErrors === 0) return notFound;

  const nearFrame = findFrame(job, job.tightFrom, job.tightTo) ?? findFrame(job, job.from, job.to);
  if (nearFrame !== undefined) return resolveFrame(job, nearFrame).result;
  // Prefix and suffix still in place around other text: the claim was rewritten here. Saying
  // so is more useful than "not found", and spares a scan of the whole text.
  if (contextInPlace(job)) return { kind: "orphaned", reason: "quote-changed" };
  const farFrame = job.from > 0 || job.to < text.length ? findFrame(job, 0, text.length) : undefined;
  return farFrame === undefined ? notFound : resolveFrame(job, farFrame).result;
}

/**
 * The exact-quote step. Takes the best occurrence whose context is mostly intact (near the
 * expected place, else anywhere), else the best occurrence near the expected place. But when
 * the context and quote together fit better around other text nearby (fewer edits in all), the
 * claim was edited there and this occurrence is another one that happens to match: the place of
 * the context wins, even if the claim turns out orphaned there.
 * Returns "out-of-context" when the quote occurs only far away and in other context, and
 * undefined when it does not occur.
 */
function findExact(job: Job): ReanchorResult | "out-of-context" | undefined {
  const { text, anchor } = job;
  const near = occurrences(text, anchor.exact, job.from, job.to);
  if (job.positionHit && !near.includes(anchor.start)) near.push(anchor.start);
  const isNear = new Set(near);
  const nearRanked = rankOccurrences(job, near);
  const trusted = (candidate: Candidate) => candidate.contextErrors <= job.maxContextErrors;
  let chosen = nearRanked.find(trusted);

  let far: number[] = [];
  if (chosen === undefined && (job.from > 0 || job.to < text.length)) {
    far = occurrences(text, anchor.exact, 0, text.length).filter((start) => !isNear.has(start));
    chosen = rankOccurrences(job, far).find(trusted);
  }
  chosen ??= nearRanked[0];
  if (chosen === undefined) return far.length > 0 ? "out-of-context" : undefined;
  // The context and quote together may fit better around other text: then the claim was
  // edited there and this occurrence only happens to match. With the context mostly intact
  // here, that can only be a decoy inside the context of the edited claim, which requires the
  // context to contain the quote ("Kyiv" in "Kyiv2"): look for that right around it.
  const contextHasQuote = anchor.prefix.includes(anchor.exact) || anchor.suffix.includes(anchor.exact);
  if (chosen.contextErrors > 0 && (contextHasQuote || !trusted(chosen))) {
    const reach = anchor.prefix.length + anchor.exact.length + anchor.suffix.length + job.maxFrameErrors;
    const frame = trusted(chosen)
      ? findFrame(job, Math.max(0, chosen.start - reach), Math.min(text.length, chosen.end + reach))
      : findFrame(job, job.from, job.to);
    // The frame's own edit count is a lower bound of its cost: skip the work when it cannot win.
    if (frame !== undefined && frame.errors < chosen.contextErrors && !overlaps(frame, chosen)) {
      // An occurrence inside the span where the context was found would be part of that
      // context, which only the context's own text can explain. The span is what the frame's
      // cost was measured on: the context next to its quote, up to the edge of the text where
      // the stored context reached it.
      const slack = job.maxContextErrors;
      const spanStart = job.prefixReachesStart
        ? 0
        : Math.min(frame.start, frame.quoteStart - anchor.prefix.length - slack);
      const spanEnd = job.suffixReachesEnd
        ? text.length
        : Math.max(frame.end, frame.quoteEnd + anchor.suffix.length + slack);
      const insideFrame = spanStart < chosen.end && chosen.start < spanEnd;
      if (!insideFrame || contextHasQuote) {
        const resolution = resolveFrame(job, frame);
        // The quote itself, still standing against one whole side of its old context, is the
        // claim: a place where only a *changed* quote fits with the context is another passage
        // written alike ("Sentence 3 … figure 411" for "Sentence 6 … figure 822"), however few
        // edits that costs against an edit that ate the other side of the context.
        const standsHere = resolution.result.kind !== "exact" && oneSideIntact(job, chosen);
        if (resolution.cost < chosen.contextErrors && !standsHere) return resolution.result;
      }
    }
  }
  return exactResult(chosen);
}

/** True when the whole stored prefix, or the whole stored suffix, is right next to the candidate. */
function oneSideIntact(job: Job, candidate: Candidate): boolean {
  const { text, anchor } = job;
  const prefixIntact = anchor.prefix.length > 0 && text.slice(candidate.start - anchor.prefix.length, candidate.start) === anchor.prefix;
  const suffixIntact = anchor.suffix.length > 0 && text.startsWith(anchor.suffix, candidate.end);
  return prefixIntact || suffixIntact;
}

/** The start offsets of `exact` in text[from, to). */
function occurrences(text: string, exact: string, from: number, to: number): number[] {
  // indexOf on the slice, so that a miss scans the window only, not the rest of the text.
  const haystack = from === 0 && to === text.length ? text : text.slice(from, to);
  const starts: number[] = [];
  for (let at = haystack.indexOf(exact); at !== -1; at = haystack.indexOf(exact, at + 1)) {
    starts.push(from + at);
  }
  return starts;
}

/**
 * Exact occurrences, best first. Context edit distances cost O(context²) each, so with many
 * occurrences (a short, common quote) only those whose neighbouring characters agree longest
 * with the context, and those nearest the expected place, are scored.
 */
function rankOccurrences(job: Job, starts: readonly number[]): Candidate[] {
  const { text, anchor } = job;
  const length = anchor.exact.length;
  let chosen = starts;
  if (starts.length > MAX_SCORED_OCCURRENCES) {
    const half = MAX_SCORED_OCCURRENCES / 2;
    const byAgreement = [...starts]
      .map((start) => ({ start, agreement: contextAgreement(text, anchor, start) }))
      .sort((a, b) => b.agreement - a.agreement || Math.abs(a.start - job.center) - Math.abs(b.start - job.center))
      .slice(0, half)
      .map((entry) => entry.start);
    const byDistance = [...starts]
      .sort((a, b) => Math.abs(a - job.center) - Math.abs(b - job.center))
      .slice(0, half);
    chosen = [...new Set([...byAgreement, ...byDistance])];
  }
  return chosen.map((start) => evaluate(job, start, start + length, 0)).sort((a, b) => b.score - a.score);
}

/** How many characters next to an occurrence equal the stored context: a cheap first filter. */
function contextAgreement(text: string, anchor: ReanchorAnchor, start: number): number {
  const { prefix, suffix, exact } = anchor;
  let agreement = 0;
  while (
    agreement < prefix.length &&
    text.charCodeAt(start - 1 - agreement) === prefix.charCodeAt(prefix.length - 1 - agreement)
  ) {
    agreement += 1;
  }
  const end = start + exact.length;
  let right = 0;
  while (right < suffix.length && text.charCodeAt(end + right) === suffix.charCodeAt(right)) right += 1;
  return agreement + right;
}

/** Score a place as Hypothesis's matchQuote does, with context distances anchored at its ends. */
function evaluate(job: Job, start: number, end: number, errors: number): Candidate {
  const { text, anchor } = job;
  const { exact, prefix, suffix } = anchor;
  const prefixErrors = prefixDistance(text, start, prefix, job.prefixReachesStart);
  const suffixErrors = suffixDistance(text, end, suffix, job.suffixReachesEnd);
  const quoteScore = similarity(errors, exact.length);
  const prefixScore = similarity(prefixErrors, prefix.length);
  const suffixScore = similarity(suffixErrors, suffix.length);
  // The unchanged old position is where the claim is most likely still, whatever the estimate.
  const isOldPlace = job.positionHit && start === anchor.start && end === anchor.end;
  const positionScore = isOldPlace ? 1 : 1 - Math.abs(start - job.center) / Math.max(1, text.length);
  const score =
    (QUOTE_WEIGHT * quoteScore +
      PREFIX_WEIGHT * prefixScore +
      SUFFIX_WEIGHT * suffixScore +
      POSITION_WEIGHT * positionScore) /
    TOTAL_WEIGHT;
  return { start, end, errors, contextErrors: prefixErrors + suffixErrors, score };
}

/**
 * The best match of prefix + quote + suffix in text[from, to) within the frame's error budget
 * (the nearest to the expected place among equally good ones), with the quote's ends located
 * inside it by alignment.
 */
function findFrame(job: Job, from: number, to: number): Frame | undefined {
  const { text, anchor } = job;
  const pattern = anchor.prefix + anchor.exact + anchor.suffix;
  if (to - from < pattern.length - job.maxFrameErrors) return undefined;
  const matches = approxSearch(text.slice(from, to), pattern, job.maxFrameErrors);
  let best: { start: number; end: number; errors: number } | undefined;
  let bestDistance = Infinity;
  for (const match of matches) {
    const distance = Math.abs(from + match.start + anchor.prefix.length - job.center);
    if (distance < bestDistance) {
      best = match;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  const cuts = [anchor.prefix.length, anchor.prefix.length + anchor.exact.length] as const;
  const quote = alignCuts(pattern, text, from + best.start, from + best.end, cuts, best.errors);
  return {
    start: from + best.start,
    end: from + best.end,
    errors: best.errors,
    quoteStart: quote.start,
    quoteEnd: quote.end,
  };
}

/**
 * True when, in the window, the prefix is found (within the threshold) ending shortly before a
 * place where the suffix is found: the claim's surroundings are still there, whatever came of
 * the quote between them. "Shortly" allows for a rewrite up to a few times the quote's length.
 */
function contextInPlace(job: Job): boolean {
  const { text, anchor } = job;
  const { prefix, suffix, exact } = anchor;
  if (prefix.length === 0 && suffix.length === 0) return false;
  const window = text.slice(job.from, job.to);
  const ends = (pattern: string, side: "start" | "end") =>
    pattern.length === 0
      ? undefined
      : approxSearch(window, pattern, Math.floor(pattern.length * job.threshold)).map(
          (match) => job.from + match[side],
        );
  const prefixEnds = ends(prefix, "end");
  const suffixStarts = ends(suffix, "start");
  if (prefixEnds === undefined) return (suffixStarts ?? []).length > 0;
  if (suffixStarts === undefined) return prefixEnds.length > 0;
  const longest = 3 * exact.length + WINDOW_MARGIN;
  return prefixEnds.some((end) => suffixStarts.some((start) => start >= end && start - end <= longest));
}

/**
 * Decide a claim from where its context was found: the quote itself, or its closest match
 * between the aligned prefix and suffix within the threshold; otherwise an orphan whose quote
 * changed. The cost counts the edits in context and quote at the chosen place, so that the
 * exact step can weigh this place against an exact occurrence elsewhere.
 */
function resolveFrame(job: Job, frame: Frame): Resolution {
  const { text, anchor } = job;
  const { exact } = anchor;
  const between = text.slice(frame.quoteStart, frame.quoteEnd);
  const inside = between.indexOf(exact);
  if (inside !== -1) {
    const start = frame.quoteStart + inside;
    const candidate = evaluate(job, start, start + exact.length, 0);
    return { result: { kind: "exact", start, end: candidate.end }, cost: candidate.contextErrors };
  }

  let best: Candidate | undefined;
  const fuzzyAllowed = exact.length >= MIN_FUZZY_QUOTE_LENGTH && job.maxQuoteErrors > 0 && between.length > 0;
  if (fuzzyAllowed && sameEnds(between, exact)) {
    // The text between prefix and suffix starts and ends like the quote: it is the quote,
    // edited inside, unless it is too far from it. No need to search for a better substring.
    const errors = boundedEditDistance(exact, between, job.maxQuoteErrors);
    if (errors <= job.maxQuoteErrors) best = evaluate(job, frame.quoteStart, frame.quoteEnd, errors);
  }
  if (fuzzyAllowed && best === undefined) {
    for (const match of approxSearch(between, exact, job.maxQuoteErrors)) {
      const candidate = evaluate(job, frame.quoteStart + match.start, frame.quoteStart + match.end, match.errors);
      if (best === undefined || candidate.score > best.score) best = candidate;
    }
  }
  if (best !== undefined) {
    const [start, end] = widenToCodePoints(text, best.start, best.end);
    const exactNow = text.slice(start, end);
    const errors = boundedEditDistance(exact, exactNow, job.maxQuoteErrors);
    if (errors <= job.maxQuoteErrors) {
      const candidate = evaluate(job, start, end, errors);
      const cost = candidate.contextErrors + errors;
      if (exactNow === exact) return { result: { kind: "exact", start, end }, cost };
      return { result: { kind: "fuzzy", start, end, score: candidate.score, exactNow }, cost };
    }
  }
  // No acceptable quote between prefix and suffix: the claim was rewritten here.
  const quoteErrors = boundedEditDistance(exact, between, Math.max(exact.length, between.length));
  const { contextErrors } = evaluate(job, frame.quoteStart, frame.quoteEnd, 0);
  return { result: { kind: "orphaned", reason: "quote-changed" }, cost: contextErrors + quoteErrors };
}

function sameEnds(a: string, b: string): boolean {
  return a.charCodeAt(0) === b.charCodeAt(0) && a.charCodeAt(a.length - 1) === b.charCodeAt(b.length - 1);
}

/** 1 − errors / length, within [0, 1]; an empty string (no context stored) is a perfect match. */
function similarity(errors: number, length: number): number {
  if (length === 0) return errors === 0 ? 1 : 0;
  return Math.max(0, 1 - errors / length);
}

function exactResult(candidate: Candidate): ReanchorResult {
  return { kind: "exact", start: candidate.start, end: candidate.end };
}

/** True when the frame's quote range shares text with the candidate (or sits inside it, empty). */
function overlaps(frame: Frame, candidate: Candidate): boolean {
  if (frame.quoteStart === frame.quoteEnd) {
    return candidate.start <= frame.quoteStart && frame.quoteStart <= candidate.end;
  }
  return frame.quoteStart < candidate.end && candidate.start < frame.quoteEnd;
}

/** The stored position still holds the quote, and the stored context still surrounds it. */
function positionHolds(text: string, anchor: ReanchorAnchor): boolean {
  const { start, end, exact, prefix, suffix } = anchor;
  return (
    exact.length > 0 &&
    verifyPosition(text, anchor) &&
    text.startsWith(prefix, start - prefix.length) &&
    start >= prefix.length &&
    text.startsWith(suffix, end)
  );
}

/** The expected start of a claim from its own old position (and the change of length, if known). */
function ownEstimate(text: string, anchor: ReanchorAnchor, settings: Settings): Expected {
  const estimates = [anchor.start];
  if (settings.oldTextLength !== undefined && settings.oldTextLength > 0) {
    estimates.push(Math.round((anchor.start * text.length) / settings.oldTextLength));
  }
  return spanOf(text, estimates);
}

function spanOf(text: string, estimates: readonly number[]): Expected {
  const clamped = estimates.map((value) => Math.min(Math.max(0, Math.round(value)), text.length));
  const low = Math.min(...clamped);
  const high = Math.max(...clamped);
  return { low, high, center: Math.round((low + high) / 2) };
}

function found(result: ReanchorResult | undefined): number | undefined {
  return result === undefined || result.kind === "orphaned" ? undefined : result.start;
}

/** Never start or end a match between the two halves of a surrogate pair: widen it instead. */
function widenToCodePoints(text: string, start: number, end: number): [number, number] {
  const isHigh = (index: number) => {
    const code = text.charCodeAt(index);
    return code >= 0xd800 && code <= 0xdbff;
  };
  const isLow = (index: number) => {
    const code = text.charCodeAt(index);
    return code >= 0xdc00 && code <= 0xdfff;
  };
  const from = start > 0 && isLow(start) && isHigh(start - 1) ? start - 1 : start;
  const to = end < text.length && end > 0 && isLow(end) && isHigh(end - 1) ? end + 1 : end;
  return [from, to];
}
