/**
 * The canonical plain text of an article document, and the map between its offsets and
 * ProseMirror document positions (D2).
 *
 * Claims are anchored by selectors on this text, so the server (which stores and checks
 * selectors) and the browser (which turns them into decorations) must derive exactly the same
 * string from the same document. This module is the only place that defines it:
 *
 * - the texts of all textblocks, in document order and at any depth (inside lists and
 *   blockquotes too, empty ones included), joined by "\n\n";
 * - a hardBreak is "\n"; any other inline leaf node is "" (none exist in the schema today);
 * - offsets are JavaScript string indices (UTF-16 code units), which is also how ProseMirror
 *   counts the size of text nodes, so text maps onto positions one to one.
 *
 * The map is a flat, sorted list of *runs*: stretches where offsets and positions advance
 * together. Everything else is a *gap* between two runs: either a block boundary (two
 * characters of "\n\n" against the closing and opening tokens of the blocks) or an inline leaf
 * without text (no characters against one or more positions). Lookups are binary searches
 * over the runs, so a 100,000-word article costs O(log n) per lookup.
 *
 * Pure code: no DOM and no database, so it runs unchanged in Node and in the browser.
 */
import type { Node as PMNode, Schema } from "@tiptap/pm/model";
import { articleSchema } from "@/lib/editor/extensions";

/** The separator between two textblocks in canonical text. */
export const BLOCK_SEPARATOR = "\n\n";

/** The canonical text of a hard break. */
export const HARD_BREAK_TEXT = "\n";

/**
 * Which position to pick when one text offset has several: "end" keeps to the text before the
 * offset, "start" keeps to the text after it.
 */
export type Bias = "start" | "end";

/** Canonical text of a document plus the offset ↔ position map (D2). */
export interface CanonicalText {
  /** The canonical plain text. */
  readonly text: string;
  /** The size of the document's content: the largest valid position. */
  readonly docSize: number;
  /**
   * The document position for a text offset in [0, text.length].
   *
   * Most offsets have exactly one position. The two kinds of offsets that have several:
   * - the offset between the two "\n" of a block separator: bias "end" gives the position just
   *   after the previous textblock closes, bias "start" the position just before the next one
   *   opens (the same position for sibling blocks);
   * - the offset at an inline leaf without text: bias "end" gives the position before the
   *   leaf, bias "start" the position after it.
   * Offsets at the very end of a block's text, or at the very start of one, map into that
   * block whatever the bias. Defaults to "start".
   */
  toPosition(offset: number, bias?: Bias): number;
  /**
   * The text offset for a document position in [0, docSize]. Positions inside a textblock map
   * to the offset of the character after them; structural positions between two textblocks
   * map to the offset between the two "\n" of their separator; positions before the first or
   * after the last textblock map to 0 and text.length.
   */
  toOffset(pos: number): number;
  /**
   * Document positions for the text range [start, end): the tightest positions whose
   * canonical text is exactly text.slice(start, end). A collapsed range gives from === to.
   */
  rangeToPositions(start: number, end: number): { from: number; to: number };
  /** The text range [start, end) for document positions from ≤ to. */
  positionsToRange(from: number, to: number): { start: number; end: number };
}

/** Raised when JSON cannot be read as an article document. */
export class InvalidDocumentError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "InvalidDocumentError";
  }
}

/** Build the canonical text and offset map of a ProseMirror document. */
export function canonicalText(doc: PMNode): CanonicalText {
  const builder = new RunBuilder();
  let blockCount = 0;
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    if (blockCount > 0) builder.skipText(BLOCK_SEPARATOR);
    blockCount += 1;
    const contentStart = pos + 1;
    // Every textblock opens and closes a run, even an empty one, so that the offsets at the
    // edges of its text map into it (not into the gap around it).
    builder.emit("", contentStart);
    appendInline(builder, node, contentStart);
    builder.emit("", contentStart + node.content.size);
    return false;
  });
  return new CanonicalTextMap(builder.finish(), doc.content.size);
}

/**
 * Build the canonical text of stored document JSON; throws InvalidDocumentError when the
 * JSON is not a valid document of the schema (the article schema by default).
 */
export function canonicalTextFromJSON(json: unknown, schema: Schema = articleSchema()): CanonicalText {
  return canonicalText(documentFromJSON(json, schema));
}

/**
 * Read document JSON into a checked ProseMirror document; throws InvalidDocumentError when
 * it is not a valid document of the schema (the article schema by default).
 */
export function documentFromJSON(json: unknown, schema: Schema = articleSchema()): PMNode {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new InvalidDocumentError("Invalid article document: expected a JSON object");
  }
  const topType = (json as { type?: unknown }).type;
  if (topType !== schema.topNodeType.name) {
    throw new InvalidDocumentError(
      `Invalid article document: expected type "${schema.topNodeType.name}", got ${JSON.stringify(topType) ?? "nothing"}`,
    );
  }
  let doc: PMNode;
  try {
    doc = schema.nodeFromJSON(json);
    // nodeFromJSON does not check content expressions (a paragraph directly holding a
    // blockquote would pass), and a document that breaks them has no canonical text.
    doc.check();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidDocumentError(`Invalid article document: ${reason}`, { cause: error });
  }
  return doc;
}

/** Walk the inline content of `parent`, whose content starts at `contentStart`. */
function appendInline(builder: RunBuilder, parent: PMNode, contentStart: number): void {
  parent.forEach((child, offset) => {
    const pos = contentStart + offset;
    if (child.isText) {
      builder.emit(child.text ?? "", pos);
    } else if (child.type.name === "hardBreak") {
      builder.emit(HARD_BREAK_TEXT, pos);
    } else if (!child.isLeaf) {
      // An inline node with content (none in the schema today): its opening and closing
      // tokens hold no text, so they become gaps like an empty leaf.
      appendInline(builder, child, pos + 1);
    }
    // Other inline leaves contribute no text: the next emit starts a new run after them.
  });
}

/**
 * Collects the canonical text and its runs. Runs are kept in three parallel arrays (not
 * objects) because a long article has tens of thousands of them only when it has that many
 * blocks, and flat number arrays are the cheapest thing to binary-search.
 */
class RunBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  readonly offsets: number[] = [];
  readonly positions: number[] = [];
  readonly lengths: number[] = [];

  /** Append `text` at document position `pos`, extending the last run when contiguous. */
  emit(text: string, pos: number): void {
    const last = this.offsets.length - 1;
    const lastLength = this.lengths[last] ?? 0;
    const contiguous =
      last >= 0 &&
      this.offsets[last]! + lastLength === this.length &&
      this.positions[last]! + lastLength === pos;
    if (contiguous) {
      this.lengths[last] = lastLength + text.length;
    } else {
      this.offsets.push(this.length);
      this.positions.push(pos);
      this.lengths.push(text.length);
    }
    this.append(text);
  }

  /** Append text that has no document position (a block separator). */
  skipText(text: string): void {
    this.append(text);
  }

  finish(): Runs {
    return {
      text: this.parts.join(""),
      offsets: this.offsets,
      positions: this.positions,
      lengths: this.lengths,
    };
  }

  private append(text: string): void {
    if (text.length === 0) return;
    this.parts.push(text);
    this.length += text.length;
  }
}

interface Runs {
  text: string;
  offsets: number[];
  positions: number[];
  lengths: number[];
}

class CanonicalTextMap implements CanonicalText {
  readonly text: string;
  readonly docSize: number;
  private readonly offsets: number[];
  private readonly positions: number[];
  private readonly lengths: number[];

  constructor(runs: Runs, docSize: number) {
    this.text = runs.text;
    this.docSize = docSize;
    this.offsets = runs.offsets;
    this.positions = runs.positions;
    this.lengths = runs.lengths;
  }

  toPosition(offset: number, bias: Bias = "start"): number {
    assertInRange("offset", offset, this.text.length);
    const count = this.offsets.length;
    if (count === 0) return 0; // Unreachable for schema-valid documents: they hold a textblock.
    if (bias === "end") {
      // The first run that ends at or after the offset: the earliest candidate position.
      const i = lowerBound(count, (k) => this.offsets[k]! + this.lengths[k]! >= offset);
      const start = this.offsets[i]!;
      if (start <= offset) return this.positions[i]! + (offset - start);
      // Inside the gap before run i (i > 0 because run 0 starts at offset 0): the position
      // just after the previous run, which is the closing token of its block.
      return this.positions[i - 1]! + this.lengths[i - 1]! + 1;
    }
    // The last run that starts at or before the offset: the latest candidate position.
    const i = lowerBound(count, (k) => this.offsets[k]! > offset) - 1;
    const runEnd = this.offsets[i]! + this.lengths[i]!;
    if (offset <= runEnd) return this.positions[i]! + (offset - this.offsets[i]!);
    // Inside the gap after run i (not the last run: it ends at text.length): the position
    // just before the next run's block opens.
    return this.positions[i + 1]! - 1;
  }

  toOffset(pos: number): number {
    assertInRange("position", pos, this.docSize);
    const count = this.offsets.length;
    const i = lowerBound(count, (k) => this.positions[k]! > pos) - 1;
    if (i < 0) return 0; // Structural positions before the first textblock's content.
    const runLength = this.lengths[i]!;
    const posInRun = pos - this.positions[i]!;
    if (posInRun <= runLength) return this.offsets[i]! + posInRun;
    const runEnd = this.offsets[i]! + runLength;
    if (i === count - 1) return runEnd; // After the last textblock's content.
    // A gap that holds text is a block separator: its structural positions sit between the
    // two "\n", which keeps toOffset(toPosition(o)) === o for every offset.
    return this.offsets[i + 1]! > runEnd ? runEnd + 1 : runEnd;
  }

  rangeToPositions(start: number, end: number): { from: number; to: number } {
    assertOrdered("offsets", start, end);
    const from = this.toPosition(start, "start");
    // A collapsed range at a separator or leaf would otherwise come out with to < from.
    if (start === end) return { from, to: from };
    return { from, to: this.toPosition(end, "end") };
  }

  positionsToRange(from: number, to: number): { start: number; end: number } {
    assertOrdered("positions", from, to);
    return { start: this.toOffset(from), end: this.toOffset(to) };
  }
}

/** The smallest index in [0, count) for which the monotone predicate holds, or count. */
function lowerBound(count: number, predicate: (index: number) => boolean): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (predicate(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}

function assertInRange(what: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`The ${what} ${value} is outside [0, ${max}]`);
  }
}

function assertOrdered(what: string, start: number, end: number): void {
  if (start > end) throw new RangeError(`The ${what} ${start} and ${end} are in the wrong order`);
}
