import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_REANCHOR_THRESHOLD,
  reanchor,
  reanchorAll,
  type ReanchorAnchor,
  type ReanchorResult,
} from "./reanchor";
import { describeRange } from "./selectors";

const ARTICLE = [
  "NATO allies on Thursday rejected the idea of sending troops to Ukraine, officials said.",
  "The French president had raised the possibility at a meeting in Paris on Monday. Several leaders said that no such plan was being discussed.",
  "In Berlin, the chancellor said Germany would not send soldiers. The defence minister said the same on Tuesday.",
  "Diplomats in Brussels said the alliance remained united in its support for Kyiv.",
].join("\n\n");

/** The anchor of the first occurrence (or the nth) of `quote` in `text`, as the server stores it. */
function anchorOf(text: string, quote: string, nth = 0): ReanchorAnchor {
  let start = -1;
  for (let k = 0; k <= nth; k += 1) start = text.indexOf(quote, start + 1);
  if (start === -1) throw new Error(`"${quote}" is not in the text`);
  const { quote: selector, position } = describeRange(text, start, start + quote.length);
  return { ...selector, ...position };
}

function textAt(text: string, result: ReanchorResult): string | undefined {
  return result.kind === "orphaned" ? undefined : text.slice(result.start, result.end);
}

describe("reanchor", () => {
  it("finds every claim at its old position in unchanged text", () => {
    const quotes = ["rejected the idea", "Paris on Monday", "Germany would not send soldiers", "Kyiv"];
    const anchors = quotes.map((quote) => anchorOf(ARTICLE, quote));
    for (const anchor of anchors) {
      expect(reanchor(ARTICLE, anchor)).toEqual({ kind: "exact", start: anchor.start, end: anchor.end });
    }
    expect(reanchorAll(ARTICLE, anchors)).toEqual(
      anchors.map((anchor) => ({ kind: "exact", start: anchor.start, end: anchor.end })),
    );
  });

  it("follows a claim shifted by text inserted before it", () => {
    const anchor = anchorOf(ARTICLE, "Germany would not send soldiers");
    const inserted = "Update: this report was corrected on Friday.\n\n";
    const revised = inserted + ARTICLE.replace("on Thursday", "late on Thursday");
    const result = reanchor(revised, anchor, { oldTextLength: ARTICLE.length });
    expect(result).toEqual({
      kind: "exact",
      start: anchor.start + inserted.length + "late ".length,
      end: anchor.end + inserted.length + "late ".length,
    });
  });

  it("follows a claim whose typo was fixed, returning the new quote", () => {
    const old = ARTICLE.replace("Several leaders said", "Several leeders said");
    const anchor = anchorOf(old, "Several leeders said that no such plan");
    const result = reanchor(ARTICLE, anchor);
    expect(result).toMatchObject({
      kind: "fuzzy",
      start: ARTICLE.indexOf("Several leaders"),
      exactNow: "Several leaders said that no such plan",
    });
    if (result.kind !== "fuzzy") throw new Error("unreachable");
    expect(result.end - result.start).toBe(result.exactNow.length);
    expect(result.score).toBeGreaterThan(0.9);
    expect(result.score).toBeLessThan(1);
  });

  it("orphans a claim whose sentence was rewritten completely", () => {
    const anchor = anchorOf(ARTICLE, "Several leaders said that no such plan was being discussed.");
    const revised = ARTICLE.replace(
      "Several leaders said that no such plan was being discussed.",
      "Other heads of government declined to comment on any deployment.",
    );
    expect(reanchor(revised, anchor)).toEqual({ kind: "orphaned", reason: "quote-changed" });
  });

  it("orphans a claim whose paragraph was deleted", () => {
    const anchor = anchorOf(ARTICLE, "the chancellor said Germany would not send soldiers");
    const paragraphs = ARTICLE.split("\n\n");
    const revised = [paragraphs[0], paragraphs[1], paragraphs[3]].join("\n\n");
    expect(reanchor(revised, anchor)).toEqual({ kind: "orphaned", reason: "not-found" });
    expect(reanchorAll(revised, [anchor])).toEqual([{ kind: "orphaned", reason: "not-found" }]);
  });

  it("picks the duplicate quote whose context matches", () => {
    // "said the" occurs twice; the claim is the one in "Diplomats in Brussels said the alliance".
    const anchor = anchorOf(ARTICLE, "said the", 1);
    expect(ARTICLE.slice(anchor.start - 9, anchor.start)).toBe("Brussels ");
    const revised = "Corrected. " + ARTICLE.replace("NATO allies", "NATO's allies");
    const shift = "Corrected. ".length + 2;
    const expected = { kind: "exact", start: anchor.start + shift, end: anchor.end + shift };
    expect(reanchor(revised, anchor)).toEqual(expected);
    // With a useless position, the context alone decides.
    expect(reanchor(revised, { ...anchor, start: 0, end: anchor.exact.length })).toEqual(expected);
  });

  it("prefers the duplicate nearest the expected place when contexts tie", () => {
    const sentence = "Officials said talks would continue. ";
    const old = sentence.repeat(6);
    const anchor = anchorOf(old, "talks would continue", 3);
    const intro = "Intro. ";
    const revised = intro + old;
    const result = reanchor(revised, anchor, { oldTextLength: old.length });
    expect(result).toEqual({ kind: "exact", start: anchor.start + intro.length, end: anchor.end + intro.length });
  });

  it("keeps the old position of a duplicate when the text did not move", () => {
    const old = "Yes. No. Yes. No. Yes.";
    const anchor = anchorOf(old, "Yes", 1);
    const revised = "Yes. No. Yes. No. Yes! Maybe.";
    expect(reanchor(revised, anchor)).toEqual({ kind: "exact", start: anchor.start, end: anchor.end });
  });

  it("matches very short quotes exactly or not at all", () => {
    const old = "Members of the EU met in Brussels. The UN was not present.";
    const anchor = anchorOf(old, "EU");
    const moved = "On Monday, members of the EU met in Brussels. The UN was not present.";
    expect(textAt(moved, reanchor(moved, anchor))).toBe("EU");
    expect(reanchor(moved, anchor)).toMatchObject({ kind: "exact", start: moved.indexOf("EU") });
    // "EU" became "UN": a one-letter quote cannot be matched fuzzily, and the "UN" elsewhere must not win.
    const changed = "Members of the UN met in Brussels. The UN was not present.";
    expect(reanchor(changed, anchor)).toMatchObject({ kind: "orphaned" });
    expect(reanchor(changed, anchorOf(old, "EU"), { threshold: 0.9 })).toMatchObject({ kind: "orphaned" });
  });

  it("never moves a replaced word's claim onto a similar neighbour", () => {
    // The claimed "Kyiv" becomes "Kiev": one letter away from the quote would be "Kyiv2", right next to it.
    const old = "Aid was sent to Kyiv Kyiv2 and to Lviv on Monday, officials said.";
    const anchor = anchorOf(old, "Kyiv");
    const revised = "Aid was sent to Odesa Kyiv2 and to Lviv on Monday, officials said.";
    expect(reanchor(revised, anchor)).toEqual({ kind: "orphaned", reason: "quote-changed" });
  });

  it("does not take an exact duplicate elsewhere when the claim itself was edited", () => {
    const anchor = anchorOf(ARTICLE, "The defence minister said the same on Tuesday.");
    const revised =
      ARTICLE.replace("The defence minister said the same on Tuesday.", "The defence minister said the same on Wednesday.") +
      "\n\nLater, a spokesman noted: The defence minister said the same on Tuesday.";
    const result = reanchor(revised, anchor);
    expect(result).toMatchObject({
      kind: "fuzzy",
      start: revised.indexOf("The defence minister"),
      exactNow: "The defence minister said the same on Wednesday.",
    });
  });

  it("keeps a quote beside its intact prefix when an edit ate its suffix, over a passage written alike", () => {
    // Found by the revision use case's property test (tests/integration/revisions.integration.test.ts):
    // the suffix loses 17 characters, and "Sentence 3 … 411" with its own context fits the
    // stored prefix + quote + suffix with fewer edits in all than the quote where it stands.
    const sentences = Array.from({ length: 12 }, (_, i) => `Sentence ${i + 1} reports that figure ${(i + 1) * 137} rose.`);
    const old = [0, 4, 8].map((i) => sentences.slice(i, i + 4).join(" ")).join("\n\n");
    const anchor = anchorOf(old, "Sentence 6 reports that figure 822 rose.");
    const revised = old.slice(0, anchor.end + 2) + old.slice(anchor.end + 19);
    expect(revised.slice(anchor.start, anchor.end + 18)).toBe("Sentence 6 reports that figure 822 rose. S that figure 959");
    expect(reanchor(revised, anchor)).toEqual({ kind: "exact", start: anchor.start, end: anchor.end });
    expect(reanchorAll(revised, [anchor], { oldTextLength: old.length })).toEqual([{ kind: "exact", start: anchor.start, end: anchor.end }]);
    // The same with the prefix eaten instead, the claim shifted by it.
    const before = old.slice(0, anchor.start - 19) + old.slice(anchor.start - 2);
    const shifted = anchor.start - 17;
    expect(reanchor(before, anchor)).toEqual({ kind: "exact", start: shifted, end: shifted + anchor.exact.length });
  });

  it("finds a moved paragraph anywhere in the text", () => {
    const anchor = anchorOf(ARTICLE, "the alliance remained united");
    const paragraphs = ARTICLE.split("\n\n");
    const revised = [paragraphs[3], paragraphs[0], paragraphs[1], paragraphs[2]].join("\n\n");
    expect(reanchor(revised, anchor)).toMatchObject({ kind: "exact", start: revised.indexOf("the alliance") });
    const edited = revised.replace("remained united", "remained unitd");
    expect(reanchor(edited, anchor)).toMatchObject({ kind: "fuzzy", exactNow: "the alliance remained unitd" });
  });

  it("follows claims at the edges of the text when text is added around them", () => {
    const first = anchorOf(ARTICLE, "NATO allies");
    const last = anchorOf(ARTICLE, "support for Kyiv.");
    const revised = "Updated on Friday.\n\n" + ARTICLE + "\n\nReporting by our Brussels bureau.";
    const shift = "Updated on Friday.\n\n".length;
    const results = reanchorAll(revised, [first, last], { oldTextLength: ARTICLE.length });
    expect(results).toEqual([
      { kind: "exact", start: first.start + shift, end: first.end + shift },
      { kind: "exact", start: last.start + shift, end: last.end + shift },
    ]);
    expect(reanchor(revised, last)).toEqual(results[1]);
  });

  it("never splits a surrogate pair in a fuzzy match", () => {
    const old = "Fans cheered 👍👍 loudly for the team on Saturday night.";
    const anchor = anchorOf(old, "👍👍 loudly");
    const revised = "Fans cheered 👍 loudly for the team on Saturday night.";
    const result = reanchor(revised, anchor);
    if (result.kind === "orphaned") return;
    const found = revised.slice(result.start, result.end);
    expect(found).toBe(found.toWellFormed());
  });

  it("honours the threshold", () => {
    const anchor = anchorOf(ARTICLE, "Diplomats in Brussels said");
    const revised = ARTICLE.replace("Diplomats in Brussels said", "Diplomats in Brussel says");
    expect(reanchor(revised, anchor)).toMatchObject({ kind: "fuzzy", exactNow: "Diplomats in Brussel says" });
    expect(reanchor(revised, anchor, { threshold: 0 })).toMatchObject({ kind: "orphaned" });
    expect(DEFAULT_REANCHOR_THRESHOLD).toBe(0.25);
    expect(() => reanchor(revised, anchor, { threshold: 1 })).toThrow(RangeError);
    expect(() => reanchor(revised, anchor, { threshold: -0.1 })).toThrow(RangeError);
    expect(() => reanchor(revised, anchor, { oldTextLength: -1 })).toThrow(RangeError);
  });

  it("orphans an empty quote", () => {
    expect(reanchor(ARTICLE, { exact: "", prefix: "", suffix: "", start: 0, end: 0 })).toEqual({
      kind: "orphaned",
      reason: "empty-quote",
    });
  });

  it("answers a batch in the order given", () => {
    const quotes = ["Kyiv", "rejected the idea", "Germany would not send soldiers", "Paris on Monday"];
    const anchors = quotes.map((quote) => anchorOf(ARTICLE, quote));
    const revised = "Corrected.\n\n" + ARTICLE.replace("Paris on Monday", "Paris on Mondy");
    const results = reanchorAll(revised, anchors, { oldTextLength: ARTICLE.length });
    expect(results.map((result) => textAt(revised, result))).toEqual([
      "Kyiv",
      "rejected the idea",
      "Germany would not send soldiers",
      "Paris on Mondy",
    ]);
    expect(results.map((result) => result.kind)).toEqual(["exact", "exact", "exact", "fuzzy"]);
  });
});

// ---------------------------------------------------------------------------------------------
// Property-based tests: random articles, claims and edits, with the claims' places tracked
// through the edits.
//
// Articles mix common words ("the", "said", which repeat) with *distinct* words: random letters,
// each at least 3 edits away from every other distinct word and no substring of one. Every claim
// starts with a distinct word, so its quote occurs once and "the same occurrence" is well
// defined. The distance rule keeps out one thing: a neighbour that is a one-letter variant of a
// claimed word. When the claimed word is then replaced, "the neighbour is the claim, with a typo"
// is as good an explanation of the new text as "the claim was rewritten", and no matcher can
// tell the two apart.

const COMMON_WORDS = ["the", "of", "and", "a", "in", "to", "said", "on"] as const;

type Token = { distinct: true } | { distinct: false; word: string };

const tokenArb: fc.Arbitrary<Token> = fc.oneof(
  { weight: 7, arbitrary: fc.constant<Token>({ distinct: true }) },
  { weight: 3, arbitrary: fc.constantFrom(...COMMON_WORDS).map((word): Token => ({ distinct: false, word })) },
);

const editArb = fc.record({
  kind: fc.constantFrom("insert", "delete", "replace"),
  at: fc.nat(),
  count: fc.integer({ min: 1, max: 3 }),
  tokens: fc.array(tokenArb, { minLength: 3, maxLength: 3 }),
});

const scenarioArb = fc.record({
  seed: fc.integer(),
  paragraphs: fc.array(fc.array(tokenArb, { minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 6 }),
  claims: fc.array(fc.record({ at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }), {
    minLength: 1,
    maxLength: 6,
  }),
  edits: fc.array(editArb, { maxLength: 8 }),
});

/** Fresh distinct words from a seeded generator (mulberry32), so fast-check can replay a case. */
function lexicon(seed: number): () => string {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const words: string[] = [];
  return () => {
    for (;;) {
      const length = 4 + Math.floor(random() * 5);
      let word = "";
      for (let k = 0; k < length; k += 1) word += String.fromCharCode(97 + Math.floor(random() * 26));
      const clashes = words.some((other) => other.includes(word) || word.includes(other) || levenshtein(other, word) < 3);
      if (!clashes) {
        words.push(word);
        return word;
      }
    }
  };
}

interface Item {
  text: string;
  distinct: boolean;
  paragraph: number;
  /** Claims whose text this word is (an original word, a replacement, or an insertion inside). */
  core: Set<number>;
  /** Claims at whose edge this word was inserted: indistinguishable from an insertion inside. */
  edge: Set<number>;
}

interface TrackedClaim {
  anchor: ReanchorAnchor;
  /** Whether an edit changed the claim's own text. */
  touched: boolean;
}

function render(items: readonly Item[]): { text: string; starts: number[] } {
  let text = "";
  const starts: number[] = [];
  items.forEach((item, index) => {
    if (index > 0) text += items[index - 1]?.paragraph === item.paragraph ? " " : "\n\n";
    starts.push(text.length);
    text += item.text;
  });
  return { text, starts };
}

/** The span of text covered by the words matching `belongs`, or undefined if none remain. */
function spanOf(items: readonly Item[], starts: readonly number[], belongs: (item: Item) => boolean) {
  let first = -1;
  let last = -1;
  items.forEach((item, index) => {
    if (!belongs(item)) return;
    if (first < 0) first = index;
    last = index;
  });
  if (first < 0) return undefined;
  const lastItem = items[last];
  return { start: starts[first] ?? 0, end: (starts[last] ?? 0) + (lastItem?.text.length ?? 0) };
}

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function buildScenario(scenario: Scenario) {
  const freshWord = lexicon(scenario.seed);
  const wordOf = (token: Token) =>
    token.distinct ? { text: freshWord(), distinct: true } : { text: token.word, distinct: false };
  let items: Item[] = scenario.paragraphs.flatMap((paragraph, index) =>
    paragraph.map((token) => ({ ...wordOf(token), paragraph: index, core: new Set<number>(), edge: new Set<number>() })),
  );
  const old = render(items);

  const claims: TrackedClaim[] = [];
  for (const { at, length } of scenario.claims) {
    let first = at % items.length;
    while (first < items.length && !items[first]?.distinct) first += 1;
    if (first >= items.length) continue;
    const last = Math.min(items.length, first + length) - 1;
    const id = claims.length;
    for (let index = first; index <= last; index += 1) items[index]?.core.add(id);
    const start = old.starts[first] ?? 0;
    const end = (old.starts[last] ?? 0) + (items[last]?.text.length ?? 0);
    const { quote, position } = describeRange(old.text, start, end);
    claims.push({ anchor: { ...quote, ...position }, touched: false });
  }

  for (const edit of scenario.edits) {
    if (edit.kind === "insert") {
      const at = edit.at % (items.length + 1);
      const left = items[at - 1];
      const right = items[at];
      const core = new Set<number>();
      const edge = new Set<number>();
      claims.forEach((claim, id) => {
        const inLeft = left?.core.has(id) ?? false;
        const inRight = right?.core.has(id) ?? false;
        if (inLeft && inRight) {
          core.add(id);
          claim.touched = true;
        } else if (inLeft || inRight || left?.edge.has(id) || right?.edge.has(id)) {
          edge.add(id);
        }
      });
      const paragraph = left?.paragraph ?? right?.paragraph ?? 0;
      const inserted = edit.tokens
        .slice(0, edit.count)
        .map((token) => ({ ...wordOf(token), paragraph, core: new Set(core), edge: new Set(edge) }));
      items = [...items.slice(0, at), ...inserted, ...items.slice(at)];
    } else if (items.length > 1) {
      const at = edit.at % items.length;
      const count = edit.kind === "delete" ? Math.min(edit.count, items.length - 1 - 0) : 1;
      const removed = items.slice(at, at + count);
      for (const item of removed) for (const id of item.core) (claims[id] as TrackedClaim).touched = true;
      const replacement =
        edit.kind === "replace"
          ? removed.map((item, k) => ({ ...wordOf(edit.tokens[k] as Token), paragraph: item.paragraph, core: item.core, edge: item.edge }))
          : [];
      items = [...items.slice(0, at), ...replacement, ...items.slice(at + count)];
    }
  }
  const now = render(items);
  return {
    oldText: old.text,
    newText: now.text,
    claims: claims.map((claim, id) => ({
      ...claim,
      /** Untouched claims: the original words. Touched ones: also what was inserted at the edges. */
      mapped: claim.touched
        ? spanOf(items, now.starts, (item) => item.core.has(id) || item.edge.has(id))
        : spanOf(items, now.starts, (item) => item.core.has(id)),
    })),
  };
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function checkClaim(
  newText: string,
  claim: ReturnType<typeof buildScenario>["claims"][number],
  result: ReanchorResult,
): void {
  const { anchor, mapped, touched } = claim;
  if (!touched) {
    // The claim's own text was not edited (its context may have been): the same occurrence.
    expect(mapped).toBeDefined();
    expect(newText.slice(mapped?.start, mapped?.end)).toBe(anchor.exact);
    expect(result.kind).not.toBe("orphaned");
    if (result.kind === "orphaned") return;
    expect(newText.slice(result.start, result.end)).toBe(anchor.exact);
    expect(result.start).toBe(mapped?.start);
    return;
  }
  if (result.kind === "orphaned") return;
  // Edited: found only within the threshold, and only where the claim's words went.
  const found = newText.slice(result.start, result.end);
  expect(levenshtein(found, anchor.exact) / anchor.exact.length).toBeLessThanOrEqual(DEFAULT_REANCHOR_THRESHOLD);
  expect(mapped).toBeDefined();
  if (mapped === undefined) return;
  expect(result.start < mapped.end && mapped.start < result.end).toBe(true);
}

describe("reanchor properties", () => {
  it("re-anchors every claim through random edits, exactly where its text was not edited, never elsewhere", () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const { oldText, newText, claims } = buildScenario(scenario);
        const batch = reanchorAll(
          newText,
          claims.map((claim) => claim.anchor),
          { oldTextLength: oldText.length },
        );
        claims.forEach((claim, index) => {
          checkClaim(newText, claim, batch[index] as ReanchorResult);
          checkClaim(newText, claim, reanchor(newText, claim.anchor));
        });
      }),
      { numRuns: 300 },
    );
  });

  it("finds unedited text exactly at its old position", () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const { oldText, claims } = buildScenario({ ...scenario, edits: [] });
        const results = reanchorAll(
          oldText,
          claims.map((claim) => claim.anchor),
        );
        results.forEach((result, index) => {
          const { anchor } = claims[index] as TrackedClaim;
          expect(result).toEqual({ kind: "exact", start: anchor.start, end: anchor.end });
        });
      }),
    );
  });
});
