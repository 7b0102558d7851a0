/**
 * Anchoring W3C selectors with an independent implementation: Apache Annotator's DOM matchers
 * (`@apache-annotator/dom`), run on a jsdom document that holds a text as a browser shows a
 * `text/plain` response (one text node in a `<pre>`). The matchers read the DOM globals
 * `document`, `Node` and `NodeFilter`, which this module sets from its own jsdom window.
 */
import { JSDOM } from "jsdom";
import { createTextPositionSelectorMatcher, createTextQuoteSelectorMatcher } from "@apache-annotator/dom";

export interface QuoteSelector {
  type: "TextQuoteSelector";
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface PositionSelector {
  type: "TextPositionSelector";
  start: number;
  end: number;
}

/** What the matchers found: the text of every quote match, and of the position's range. */
export interface Anchored {
  quoteMatches: string[];
  position: string | null;
}

const window = new JSDOM("<!doctype html><html><body></body></html>").window;
Object.assign(globalThis, { document: window.document, Node: window.Node, NodeFilter: window.NodeFilter });

/** The document a browser makes of a `text/plain` body. */
function plainTextDocument(text: string): HTMLElement {
  const { document } = window;
  document.body.replaceChildren();
  const pre = document.createElement("pre");
  pre.textContent = text;
  document.body.append(pre);
  return pre;
}

/** Anchors a quote and a position selector on `text`, as a client that fetched it would. */
export async function anchorOnText(text: string, quote: QuoteSelector, position: PositionSelector): Promise<Anchored> {
  const scope = plainTextDocument(text);
  const quoteMatches: string[] = [];
  for await (const range of createTextQuoteSelectorMatcher(quote)(scope)) quoteMatches.push(range.toString());
  let found: string | null = null;
  for await (const range of createTextPositionSelectorMatcher(position)(scope)) found = range.toString();
  return { quoteMatches, position: found };
}
