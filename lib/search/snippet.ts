/**
 * Snippets: PostgreSQL's `ts_headline` marks the matched words with two private-use
 * characters (never markup), and this splits its output into plain-text parts. Nothing in a
 * snippet is ever interpreted as HTML: the UI renders the parts as text, highlighted or not.
 */
export const HIGHLIGHT_START = "\uE000";
export const HIGHLIGHT_STOP = "\uE001";

/**
 * The `ts_headline` options of a snippet: a claim's quote whole (0 fragments), or the best
 * `fragments` passages of a longer text.
 */
export function headlineOptions(fragments: number): string {
  const markers = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}`;
  if (fragments === 0) return `${markers}, HighlightAll=true`;
  return `${markers}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=${fragments}, FragmentDelimiter=" … "`;
}

export interface SnippetPart {
  text: string;
  highlight: boolean;
}

/** Splits a headline at its markers; adjacent parts of the same kind are merged, empty ones dropped. */
export function snippetParts(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let highlight = false;
  let text = "";
  const flush = () => {
    if (text === "") return;
    const last = parts.at(-1);
    if (last && last.highlight === highlight) last.text += text;
    else parts.push({ text, highlight });
    text = "";
  };
  for (const char of headline) {
    if (char === HIGHLIGHT_START || char === HIGHLIGHT_STOP) {
      flush();
      highlight = char === HIGHLIGHT_START;
      continue;
    }
    text += char;
  }
  flush();
  return parts;
}
