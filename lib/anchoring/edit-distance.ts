/**
 * Small edit-distance (Levenshtein) routines for re-anchoring (D2): how far the text around a
 * candidate is from a claim's stored context, how far a candidate is from the stored quote, and
 * where the quote's boundaries fall when the quote and its context are aligned as one string.
 *
 * These work on short strings (a context is 32 units, a quote a sentence or so), beside the
 * bit-parallel search of approx-string-match that scans long texts. All counts are in UTF-16
 * code units, like every offset in canonical text.
 *
 * Pure code: no DOM and no database.
 */

/**
 * The fewest edits that turn `prefix` into some text ending exactly at `end` (the start is
 * free): how well a candidate's left neighbourhood matches a stored prefix. Anchoring the end
 * at the candidate matters: a prefix found a few characters further left means text was put
 * between the context and the candidate, and that costs.
 *
 * With `reachesBoundary` the prefix was all the text before the claim, so the text start is part
 * of the context: the distance is to the whole of text[0, end).
 */
export function prefixDistance(text: string, end: number, prefix: string, reachesBoundary = false): number {
  const length = prefix.length;
  if (reachesBoundary) return boundaryDistance(prefix, text.slice(Math.max(0, end - length - BOUNDARY_SLACK), end), end);
  if (length === 0) return 0;
  // Most contexts survive a revision unchanged: skip the table for them.
  if (end >= length && text.startsWith(prefix, end - length)) return 0;
  // Using more than 2·length characters of text can never beat deleting the whole prefix.
  const span = Math.min(end, 2 * length);
  return anchoredDistance(prefix, text, end, span, -1);
}

/**
 * The fewest edits that turn `suffix` into some text starting exactly at `start` (the end is
 * free): how well a candidate's right neighbourhood matches a stored suffix. With
 * `reachesBoundary` the distance is to the whole rest of the text, as for prefixDistance.
 */
export function suffixDistance(text: string, start: number, suffix: string, reachesBoundary = false): number {
  const length = suffix.length;
  if (reachesBoundary) {
    return boundaryDistance(suffix, text.slice(start, start + length + BOUNDARY_SLACK), text.length - start);
  }
  if (length === 0) return 0;
  if (text.startsWith(suffix, start)) return 0;
  const span = Math.min(text.length - start, 2 * length);
  return anchoredDistance(suffix, text, start, span, 1);
}

/** How far past a context's length a boundary-anchored distance is computed exactly. */
const BOUNDARY_SLACK = 32;

/**
 * Distance between `pattern` and a text of `fullLength` characters of which `near` is the part
 * next to the candidate: exact while the whole text is near, else the length difference, a lower
 * bound that already exceeds any threshold. Not capped, so that costs on both sides of a
 * comparison stay comparable.
 */
function boundaryDistance(pattern: string, near: string, fullLength: number): number {
  if (fullLength > near.length) return fullLength - pattern.length;
  return boundedEditDistance(pattern, near, Math.max(pattern.length, near.length));
}

/**
 * Levenshtein distance of `a` and `b` when it is at most `max`; otherwise `max + 1`. Only the
 * diagonal band |i − j| ≤ max is computed, so the cost is O(|a| · max), not O(|a| · |b|).
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const over = max + 1;
  const width = b.length + 1;
  if (editA.length < width + 1) {
    editA = new Int32Array(2 * width + 2);
    editB = new Int32Array(2 * width + 2);
  }
  let previous = editA;
  let current = editB;
  for (let j = 0; j <= b.length; j += 1) previous[j] = j <= max ? j : over;
  for (let i = 1; i <= a.length; i += 1) {
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    // Cells just outside the band are read by the next row: mark them unreachable.
    current[from - 1] = from === 1 && i <= max ? i : over;
    if (to < b.length) current[to + 1] = over;
    let rowMin = current[from - 1] as number;
    const ca = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j += 1) {
      const diagonal = previous[j - 1] as number;
      let value = ca === b.charCodeAt(j - 1) ? diagonal : diagonal + 1;
      const up = (previous[j] as number) + 1;
      if (up < value) value = up;
      const left = (current[j - 1] as number) + 1;
      if (left < value) value = left;
      if (value > over) value = over;
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    // Every later row is at least this row's minimum: stop once the budget is gone.
    if (rowMin > max) return over;
    const swap = previous;
    previous = current;
    current = swap;
  }
  return Math.min(previous[b.length] as number, over);
}

let editA = new Int32Array(256);
let editB = new Int32Array(256);

/**
 * Where two cut points of `pattern` land in text[from, to) under an optimal global alignment
 * of the two, with at most `maxErrors` edits (the search that found the range guarantees it).
 *
 * Used to find a quote inside a match of prefix + quote + suffix: `cuts` are the offsets where
 * the quote starts and ends in the pattern. Text that the alignment inserts at a cut goes to the
 * inside of the pair of cuts (the start takes the leftmost column of its row, the end the
 * rightmost): the caller searches the quote inside that range, so widening it loses nothing.
 * Whatever the ties, the three parts' distances add up to the distance of the whole.
 */
export function alignCuts(
  pattern: string,
  text: string,
  from: number,
  to: number,
  cuts: readonly [number, number],
  maxErrors: number,
): { start: number; end: number } {
  const rows = pattern.length;
  const columns = to - from;
  // A path with at most maxErrors indels never leaves this band of diagonals d = j − i.
  const dMin = Math.min(0, columns - rows) - maxErrors;
  const dMax = Math.max(0, columns - rows) + maxErrors;
  const width = dMax - dMin + 1;
  const size = (rows + 1) * width;
  if (alignCost.length < size) {
    alignCost = new Int32Array(2 * size);
    alignMove = new Uint8Array(2 * size);
  }
  const cost = alignCost;
  const move = alignMove;
  const unreachable = 0x3fffffff;

  for (let i = 0; i <= rows; i += 1) {
    const jLow = Math.max(0, i + dMin);
    const jHigh = Math.min(columns, i + dMax);
    const pc = i > 0 ? pattern.charCodeAt(i - 1) : -1;
    // Cell (i, j) lives at i·width + (j − i − dMin); the cell above is (i − 1)·width + (j − i + 1 − dMin).
    const rowBase = i * width - i - dMin;
    const upBase = (i - 1) * width - (i - 1) - dMin;
    for (let j = jLow; j <= jHigh; j += 1) {
      const here = rowBase + j;
      if (i === 0) {
        cost[here] = j;
        move[here] = LEFT;
        continue;
      }
      let best = unreachable;
      let step = UP;
      if (j > 0) {
        best = (cost[upBase + j - 1] as number) + (pc === text.charCodeAt(from + j - 1) ? 0 : 1);
        step = DIAGONAL;
      }
      if (j - (i - 1) <= dMax) {
        const value = (cost[upBase + j] as number) + 1;
        if (value < best) {
          best = value;
          step = UP;
        }
      }
      if (j > jLow) {
        const value = (cost[here - 1] as number) + 1;
        if (value < best) {
          best = value;
          step = LEFT;
        }
      }
      cost[here] = best;
      move[here] = step;
    }
  }

  let i = rows;
  let j = columns;
  let start = -1;
  let end = -1;
  for (;;) {
    // Walking backwards: the first visit of a row is its rightmost column, the last its leftmost.
    if (i === cuts[1] && end < 0) end = j;
    if (i === cuts[0]) start = j;
    if (i === 0 && j === 0) break;
    const step = move[i * width - i - dMin + j];
    if (step === DIAGONAL) {
      i -= 1;
      j -= 1;
    } else if (step === UP) {
      i -= 1;
    } else {
      j -= 1;
    }
  }
  return { start: from + Math.max(0, start), end: from + Math.max(start, end) };
}

let alignCost = new Int32Array(4096);
let alignMove = new Uint8Array(4096);

const DIAGONAL = 1;
const UP = 2;
const LEFT = 3;

/** Rows of the dynamic-programming tables, kept between calls: these run thousands of times per revision. */
let rowA = new Int32Array(256);
let rowB = new Int32Array(256);

/**
 * Edit distance between the whole `pattern` and the best stretch of `span` text characters
 * that starts at `origin` (direction 1) or ends just before it (direction −1, when both strings
 * are read backwards from their ends): the text end away from the origin is free.
 */
function anchoredDistance(pattern: string, text: string, origin: number, span: number, direction: 1 | -1): number {
  if (rowA.length < span + 1) {
    rowA = new Int32Array(2 * (span + 1));
    rowB = new Int32Array(2 * (span + 1));
  }
  let previous = rowA;
  let current = rowB;
  const length = pattern.length;
  for (let j = 0; j <= span; j += 1) previous[j] = j;
  for (let i = 1; i <= length; i += 1) {
    const pc = direction === 1 ? pattern.charCodeAt(i - 1) : pattern.charCodeAt(length - i);
    let left = i;
    current[0] = i;
    for (let j = 1; j <= span; j += 1) {
      const tc = direction === 1 ? text.charCodeAt(origin + j - 1) : text.charCodeAt(origin - j);
      const diagonal = previous[j - 1] as number;
      const up = previous[j] as number;
      let value = pc === tc ? diagonal : diagonal + 1;
      if (up + 1 < value) value = up + 1;
      if (left + 1 < value) value = left + 1;
      current[j] = value;
      left = value;
    }
    const swap = previous;
    previous = current;
    current = swap;
  }
  let best = length;
  for (let j = 0; j <= span; j += 1) {
    const value = previous[j] as number;
    if (value < best) best = value;
  }
  return best;
}
