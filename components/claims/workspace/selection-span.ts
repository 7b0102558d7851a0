import { canonicalText, describeRange } from "@/lib/anchoring";

/** A stretch of the article's canonical text, with the quote that finds it again. */
export interface ClaimSpan {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  /** Pre-filled in the claim form, from an accepted suggestion's attribution. */
  claimant?: string | null;
}

/** The selection as canonical offsets, trimmed of surrounding white space; null when empty. */
export function selectionToSpan(doc: Parameters<typeof canonicalText>[0], from: number, to: number): ClaimSpan | null {
  const map = canonicalText(doc);
  let { start, end } = map.positionsToRange(from, to);
  while (start < end && /\s/.test(map.text[start] ?? "")) start += 1;
  while (end > start && /\s/.test(map.text[end - 1] ?? "")) end -= 1;
  if (start >= end) return null;
  const { quote } = describeRange(map.text, start, end);
  return { ...quote, start, end };
}
