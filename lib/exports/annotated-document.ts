/**
 * A published article document with its claims laid over it: the one structure the public
 * page (React), the HTML export and the Markdown export all render, so they highlight exactly
 * the same spans.
 *
 * The document JSON is walked the way lib/anchoring/canonical-text.ts defines canonical text
 * (textblocks joined by "\n\n", a hard break is "\n", offsets in UTF-16 code units), and each
 * run of text is cut at every claim boundary into *pieces*. A piece knows the claims covering
 * it (outermost first), which claims start on it (their anchor `#claim-<id>` goes there) and
 * which end on it (their note reference goes after it). Claims may nest, overlap or span
 * blocks; each still gets one anchor and one reference. The walk checks that it rebuilt the
 * revision's canonical text exactly, so a highlight can never land on the wrong words.
 *
 * Pure code over JSON: no schema, no DOM, no database.
 */
import type { JSONContent } from "@tiptap/core";
import { comparePosition } from "@/lib/claims/document-order";

/** An inline mark of the article schema. A link's href is null when it is not http(s)/mailto. */
export type InlineMark = { type: "bold" } | { type: "italic" } | { type: "link"; href: string | null };

/** A stretch of text (or a hard break) between two claim boundaries. */
export interface Piece {
  kind: "text" | "break";
  /** The text; "\n" for a hard break. */
  text: string;
  start: number;
  end: number;
  marks: InlineMark[];
  /** Ids of the claims covering the piece, outermost (earliest, then longest) first. */
  claims: string[];
  /** Claims whose first piece this is: their anchors open here. */
  opens: string[];
  /** Claims whose last piece this is: their note references follow it. */
  closes: string[];
  /** Claims that cover no text at all (only block separators): an empty anchor goes before this piece. */
  empty: string[];
}

export type Block =
  | { type: "paragraph"; pieces: Piece[] }
  | { type: "heading"; level: number; pieces: Piece[] }
  | { type: "blockquote"; children: Block[] }
  | { type: "list"; ordered: boolean; start: number; items: Block[][] };

export interface AnnotatedDocument {
  blocks: Block[];
  /** The canonical text rebuilt by the walk (equal to the revision's). */
  text: string;
}

/**
 * A claim's span, as laid over the document. Claims are handed in document order (a published
 * snapshot's, or the article's claim list); they are sorted by position only, keeping that
 * order among claims on the same span (lib/claims/document-order.ts).
 */
export interface ClaimSpan {
  id: string;
  start: number;
  end: number;
}

/** Raised when a document does not produce the canonical text it was published with. */
export class DocumentMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DocumentMismatchError";
  }
}

const SAFE_LINK = /^(https?:|mailto:)/i;

function marksOf(node: JSONContent): InlineMark[] {
  const marks: InlineMark[] = [];
  for (const mark of node.marks ?? []) {
    if (mark.type === "bold") marks.push({ type: "bold" });
    else if (mark.type === "italic") marks.push({ type: "italic" });
    else if (mark.type === "link") {
      const href = typeof mark.attrs?.href === "string" ? mark.attrs.href.trim() : "";
      marks.push({ type: "link", href: SAFE_LINK.test(href) ? href : null });
    }
  }
  return marks;
}

/** Walks the document into blocks of raw runs (one piece per text node or hard break). */
class Walker {
  text = "";
  private blockCount = 0;
  readonly pieces: Piece[] = [];

  blocks(nodes: readonly JSONContent[] | undefined): Block[] {
    const blocks: Block[] = [];
    for (const node of nodes ?? []) {
      const block = this.block(node);
      if (block) blocks.push(block);
    }
    return blocks;
  }

  private block(node: JSONContent): Block | null {
    switch (node.type) {
      case "paragraph":
        return { type: "paragraph", pieces: this.textblock(node) };
      case "heading": {
        const level = typeof node.attrs?.level === "number" ? node.attrs.level : 2;
        return { type: "heading", level, pieces: this.textblock(node) };
      }
      case "blockquote":
        return { type: "blockquote", children: this.blocks(node.content) };
      case "bulletList":
      case "orderedList": {
        const start = typeof node.attrs?.start === "number" ? node.attrs.start : 1;
        return {
          type: "list",
          ordered: node.type === "orderedList",
          start,
          items: (node.content ?? []).map((item) => this.blocks(item.content)),
        };
      }
      default:
        // Not in the article schema; its text would be missing from canonical text too, and
        // the length check at the end reports the mismatch.
        return null;
    }
  }

  private textblock(node: JSONContent): Piece[] {
    if (this.blockCount > 0) this.text += "\n\n";
    this.blockCount += 1;
    const pieces: Piece[] = [];
    for (const child of node.content ?? []) {
      if (child.type === "text") {
        const text = child.text ?? "";
        if (text === "") continue;
        pieces.push(this.piece("text", text, marksOf(child)));
      } else if (child.type === "hardBreak") {
        pieces.push(this.piece("break", "\n", []));
      }
    }
    return pieces;
  }

  private piece(kind: Piece["kind"], text: string, marks: InlineMark[]): Piece {
    const start = this.text.length;
    this.text += text;
    const piece: Piece = { kind, text, start, end: start + text.length, marks, claims: [], opens: [], closes: [], empty: [] };
    this.pieces.push(piece);
    return piece;
  }
}

/** Cuts every piece of `pieces` (in place, order kept) at the claim boundaries inside it. */
function cutAtBoundaries(blocks: Block[], boundaries: readonly number[]): void {
  const cut = (pieces: Piece[]): Piece[] => {
    const out: Piece[] = [];
    for (const piece of pieces) {
      if (piece.kind === "break") {
        out.push(piece);
        continue;
      }
      let from = piece.start;
      // The boundaries strictly inside the piece, found by binary search.
      let index = lowerBound(boundaries, piece.start + 1);
      while (index < boundaries.length && boundaries[index]! < piece.end) {
        const at = boundaries[index]!;
        out.push(slice(piece, from, at));
        from = at;
        index += 1;
      }
      out.push(from === piece.start ? piece : slice(piece, from, piece.end));
    }
    return out;
  };
  for (const block of blocks) {
    if (block.type === "paragraph" || block.type === "heading") block.pieces = cut(block.pieces);
    else if (block.type === "blockquote") cutAtBoundaries(block.children, boundaries);
    else for (const item of block.items) cutAtBoundaries(item, boundaries);
  }
}

/** Part of a text piece, with lists of its own. */
function slice(piece: Piece, start: number, end: number): Piece {
  const text = piece.text.slice(start - piece.start, end - piece.start);
  return { kind: piece.kind, text, start, end, marks: piece.marks, claims: [], opens: [], closes: [], empty: [] };
}

function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

function collectPieces(blocks: readonly Block[], into: Piece[]): Piece[] {
  for (const block of blocks) {
    if (block.type === "paragraph" || block.type === "heading") into.push(...block.pieces);
    else if (block.type === "blockquote") collectPieces(block.children, into);
    else for (const item of block.items) collectPieces(item, into);
  }
  return into;
}

/** The document's canonical text, as `annotateDocument` rebuilds it (no claims, no blocks kept). */
export function documentText(doc: JSONContent): string {
  const walker = new Walker();
  walker.blocks(doc.content);
  return walker.text;
}

/**
 * Lays `claims` over the document. With `expectedText` (a published version), throws
 * DocumentMismatchError when the document's canonical text is not `expectedText` or a claim
 * lies outside it. Without it (the workspace's first view of a revision), claims that do not
 * fit the text are left out, as the editor's highlights leave them out.
 */
export function annotateDocument(doc: JSONContent, claims: readonly ClaimSpan[], expectedText?: string): AnnotatedDocument {
  const walker = new Walker();
  const blocks = walker.blocks(doc.content);
  if (expectedText !== undefined && walker.text !== expectedText) {
    throw new DocumentMismatchError(
      `The document's canonical text (${walker.text.length} characters) differs from the published text (${expectedText.length}).`,
    );
  }
  const fits = (claim: ClaimSpan) =>
    Number.isInteger(claim.start) && Number.isInteger(claim.end) && claim.start <= claim.end && claim.end <= walker.text.length && claim.start >= 0;
  const ordered = [...claims].filter((claim) => expectedText !== undefined || (fits(claim) && claim.start < claim.end)).sort(comparePosition);
  for (const claim of ordered) {
    if (!fits(claim)) throw new DocumentMismatchError(`The claim ${claim.id} lies outside the text.`);
  }
  const boundaries = [...new Set(ordered.flatMap((claim) => [claim.start, claim.end]))].sort((a, b) => a - b);
  cutAtBoundaries(blocks, boundaries);

  // A sweep over the pieces in text order: claims become active at their start and drop out
  // once a piece starts at or after their end.
  const pieces = collectPieces(blocks, []);
  const first = new Map<string, Piece>();
  const last = new Map<string, Piece>();
  let next = 0;
  let active: ClaimSpan[] = [];
  for (const piece of pieces) {
    while (next < ordered.length && ordered[next]!.start <= piece.start) active.push(ordered[next++]!);
    active = active.filter((claim) => claim.end > piece.start);
    for (const claim of active) {
      if (claim.start <= piece.start && piece.end <= claim.end && piece.end > piece.start) {
        piece.claims.push(claim.id);
        if (!first.has(claim.id)) first.set(claim.id, piece);
        last.set(claim.id, piece);
      }
    }
  }
  for (const claim of ordered) {
    const opening = first.get(claim.id);
    const closing = last.get(claim.id);
    if (opening && closing) {
      opening.opens.push(claim.id);
      closing.closes.push(claim.id);
      continue;
    }
    // A claim over block separators only: an empty anchor before the next piece (or the last).
    const host = pieces.find((piece) => piece.start >= claim.start) ?? pieces.at(-1);
    host?.empty.push(claim.id);
  }
  // References close innermost first, like nested brackets.
  for (const piece of pieces) piece.closes.reverse();
  return { blocks, text: walker.text };
}
