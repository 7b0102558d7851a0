/**
 * A word-level diff of two canonical texts (D2), for the revision history: which words an
 * edit removed and added. jsdiff's `diffWordsWithSpace` (Myers' O(ND) algorithm over word and
 * white-space tokens), bounded in time so a rewrite of a long article answers "too different"
 * instead of holding the page. Pure code.
 */
import { diffWordsWithSpace } from "diff";

/** A stretch of text that both revisions share, or that only one of them has. */
export interface DiffSegment {
  kind: "same" | "added" | "removed";
  text: string;
}

export interface WordDiff {
  segments: DiffSegment[];
  /** Words only in the newer text. */
  addedWords: number;
  /** Words only in the older text. */
  removedWords: number;
}

/** How long a diff may compute before it is given up. */
export const DIFF_TIMEOUT_MS = 2_000;

/** The word diff from `before` to `after`; null when the texts are too different to compare in time. */
export function wordDiff(before: string, after: string, timeoutMs: number = DIFF_TIMEOUT_MS): WordDiff | null {
  const changes = diffWordsWithSpace(before, after, { timeout: timeoutMs });
  if (!changes) return null;
  const segments: DiffSegment[] = [];
  let addedWords = 0;
  let removedWords = 0;
  for (const change of changes) {
    const kind = change.added ? "added" : change.removed ? "removed" : "same";
    if (kind === "added") addedWords += countWords(change.value);
    if (kind === "removed") removedWords += countWords(change.value);
    const last = segments[segments.length - 1];
    if (last && last.kind === kind) last.text += change.value;
    else segments.push({ kind, text: change.value });
  }
  return { segments: mergeNearbyChanges(segments), addedWords, removedWords };
}

/**
 * Reads a rewritten sentence as one removal and one addition instead of a comb of single words:
 * changes separated only by white space or one short word ("a", "the") are joined, the shared
 * bit counted on both sides. Paragraph breaks are never absorbed. Both texts are still the
 * concatenation of their sides' segments.
 */
function mergeNearbyChanges(segments: DiffSegment[]): DiffSegment[] {
  const merged: DiffSegment[] = [];
  let removed = "";
  let added = "";
  const flush = () => {
    if (removed) merged.push({ kind: "removed", text: removed });
    if (added) merged.push({ kind: "added", text: added });
    removed = "";
    added = "";
  };
  segments.forEach((segment, index) => {
    if (segment.kind === "removed") removed += segment.text;
    else if (segment.kind === "added") added += segment.text;
    else {
      const between = (removed !== "" || added !== "") && segments[index + 1] !== undefined && isSmall(segment.text);
      if (between) {
        removed += segment.text;
        added += segment.text;
      } else {
        flush();
        merged.push(segment);
      }
    }
  });
  flush();
  return merged;
}

function isSmall(text: string): boolean {
  if (text.includes("\n\n")) return false;
  const words = text.trim().split(/\s+/).filter(Boolean);
  return words.length === 0 || (words.length === 1 && words[0]!.length <= 3);
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
