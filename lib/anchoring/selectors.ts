/**
 * W3C Web Annotation selectors on canonical text (D2), and the two operations the server needs
 * when a claim is made: describe a range of the text, and check a stored position against the
 * quote before trusting it.
 *
 * A claim keeps both selectors because each covers the other's weakness: the position is exact
 * but meaningless once the text changes, the quote (with its context) survives edits and lets
 * a later revision find the span again. See https://www.w3.org/TR/annotation-model/#selectors
 * and hypothesis/client src/annotator/anchoring/types.ts for the same pairing.
 *
 * Pure code: no DOM and no database.
 */

/** The quoted text with a little context on each side (W3C TextQuoteSelector, without `type`). */
export interface TextQuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

/** A range of canonical text: start inclusive, end exclusive (W3C TextPositionSelector, without `type`). */
export interface TextPositionSelector {
  start: number;
  end: number;
}

/** The context length W3C examples and Hypothesis use for prefix and suffix. */
export const DEFAULT_CONTEXT_LENGTH = 32;

/** Describe text[start, end) by both selectors, with up to `contextLength` units of context on each side. */
export function describeRange(
  text: string,
  start: number,
  end: number,
  contextLength: number = DEFAULT_CONTEXT_LENGTH,
): { quote: TextQuoteSelector; position: TextPositionSelector } {
  if (!isValidRange(text, start, end)) {
    throw new RangeError(`The range [${start}, ${end}) is not inside a text of length ${text.length}`);
  }
  if (!Number.isInteger(contextLength) || contextLength < 0) {
    throw new RangeError(`The context length ${contextLength} is not a non-negative integer`);
  }
  let prefixStart = Math.max(0, start - contextLength);
  let suffixEnd = Math.min(text.length, end + contextLength);
  // Never cut an emoji (a surrogate pair) in half at the outer edge of the context: a lone
  // surrogate does not survive UTF-8 (Postgres, JSON over HTTP) and would become U+FFFD.
  if (prefixStart > 0 && isLowSurrogate(text, prefixStart) && isHighSurrogate(text, prefixStart - 1)) {
    prefixStart += 1;
  }
  if (suffixEnd < text.length && isHighSurrogate(text, suffixEnd - 1) && isLowSurrogate(text, suffixEnd)) {
    suffixEnd -= 1;
  }
  return {
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
    position: { start, end },
  };
}

/**
 * True when text[start, end) exists and equals `exact`: a stored position is trusted only after
 * this check, on the revision it was made on (D2).
 */
export function verifyPosition(
  text: string,
  selector: { start: number; end: number; exact: string },
): boolean {
  const { start, end, exact } = selector;
  return isValidRange(text, start, end) && end - start === exact.length && text.slice(start, end) === exact;
}

function isValidRange(text: string, start: number, end: number): boolean {
  return Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= text.length;
}

function isHighSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff;
}
