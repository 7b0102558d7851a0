import fc from "fast-check";
import { Schema, type Node as PMNode } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import { articleSchema } from "@/lib/editor/extensions";
import {
  InvalidDocumentError,
  canonicalText,
  canonicalTextFromJSON,
  documentFromJSON,
} from "./canonical-text";
import { docFromPlainText } from "./plain-text-doc";

// ---------------------------------------------------------------------------------------------
// Document JSON builders, so the examples read like the documents they describe.

type JSONNode = { type: string; attrs?: Record<string, unknown>; content?: JSONNode[]; text?: string; marks?: JSONMark[] };
type JSONMark = { type: string; attrs?: Record<string, unknown> };

const t = (text: string, ...marks: string[]): JSONNode => ({
  type: "text",
  text,
  ...(marks.length > 0 ? { marks: marks.map(markJSON) } : {}),
});
const br: JSONNode = { type: "hardBreak" };
const block = (type: string, content: JSONNode[], attrs?: Record<string, unknown>): JSONNode => ({
  type,
  ...(attrs ? { attrs } : {}),
  ...(content.length > 0 ? { content } : {}),
});
const p = (...content: Array<JSONNode | string>) => block("paragraph", content.map(inline));
const h = (level: 2 | 3, ...content: Array<JSONNode | string>) => block("heading", content.map(inline), { level });
const quote = (...content: JSONNode[]) => block("blockquote", content);
const ul = (...items: JSONNode[]) => block("bulletList", items);
const ol = (...items: JSONNode[]) => block("orderedList", items);
const li = (...content: JSONNode[]) => block("listItem", content);
const doc = (...content: JSONNode[]): JSONNode => ({ type: "doc", content });

function inline(node: JSONNode | string): JSONNode {
  return typeof node === "string" ? t(node) : node;
}

function markJSON(type: string): JSONMark {
  return type === "link" ? { type, attrs: { href: "https://example.com/" } } : { type };
}

function build(json: JSONNode, schema: Schema = articleSchema()): PMNode {
  return documentFromJSON(json, schema);
}

// ---------------------------------------------------------------------------------------------
// Independent oracles: a character-by-character walk of the tree, sharing no code with the
// run map under test.

/**
 * The canonical text of the part of `node` between two positions. Every canonical character
 * has a span of positions: a text character or hard break covers its own position to the next;
 * the first "\n" of a separator covers from the end of the previous block's text into the
 * structure between the blocks, the second from there to the start of the next block's text.
 * A character belongs to [from, to] when its whole span does.
 */
function extract(node: PMNode, from: number, to: number): string {
  const blocks: Array<{ start: number; end: number; node: PMNode }> = [];
  node.descendants((child, pos) => {
    if (!child.isTextblock) return true;
    blocks.push({ start: pos + 1, end: pos + 1 + child.content.size, node: child });
    return false;
  });
  let out = "";
  const walkInline = (parent: PMNode, contentStart: number) => {
    parent.forEach((child, offset) => {
      const pos = contentStart + offset;
      if (child.isText) {
        const text = child.text ?? "";
        for (let k = 0; k < text.length; k++) if (from <= pos + k && pos + k + 1 <= to) out += text[k];
      } else if (child.type.name === "hardBreak") {
        if (from <= pos && pos + 1 <= to) out += "\n";
      } else if (!child.isLeaf) {
        walkInline(child, pos + 1);
      }
    });
  };
  blocks.forEach((b, i) => {
    const previous = blocks[i - 1];
    if (previous) {
      if (from <= previous.end && to > previous.end) out += "\n";
      if (from < b.start && to >= b.start) out += "\n";
    }
    walkInline(b.node, b.start);
  });
  return out;
}

/** True when `pos` lies in the content of a textblock (not in the structure between blocks). */
function inTextblock(node: PMNode, pos: number): boolean {
  return node.resolve(pos).parent.isTextblock;
}

/** ProseMirror's own extraction with the canonical separators; valid when both ends are in textblocks. */
function leafText(node: PMNode): string {
  return node.type.name === "hardBreak" ? "\n" : "";
}

// ---------------------------------------------------------------------------------------------

describe("canonicalText: examples", () => {
  it("joins paragraphs with a blank line and maps offsets into their content", () => {
    const ct = canonicalText(build(doc(p("Hello"), p("World"))));
    expect(ct.text).toBe("Hello\n\nWorld");
    expect(ct.docSize).toBe(14);
    // <p>Hello</p> is 0..7 (content 1..6), <p>World</p> is 7..14 (content 8..13).
    expect(ct.toPosition(0)).toBe(1);
    expect(ct.toPosition(5, "start")).toBe(6);
    expect(ct.toPosition(5, "end")).toBe(6);
    expect(ct.toPosition(6, "end")).toBe(7);
    expect(ct.toPosition(6, "start")).toBe(7);
    expect(ct.toPosition(7)).toBe(8);
    expect(ct.toPosition(12)).toBe(13);
    expect([0, 1, 6, 7, 8, 13, 14].map((pos) => ct.toOffset(pos))).toEqual([0, 0, 5, 6, 7, 12, 12]);
    expect(ct.rangeToPositions(0, 5)).toEqual({ from: 1, to: 6 });
    expect(ct.rangeToPositions(3, 9)).toEqual({ from: 4, to: 10 });
    expect(ct.positionsToRange(4, 10)).toEqual({ start: 3, end: 9 });
    expect(ct.text.slice(3, 9)).toBe("lo\n\nWo");
  });

  it("includes headings, nested list items, blockquotes and empty paragraphs in document order", () => {
    const node = build(
      doc(
        h(2, "Title"),
        ul(li(p("one")), li(p("two"), ul(li(p("deep"))))),
        quote(p("quote"), p()),
        p("end"),
      ),
    );
    const ct = canonicalText(node);
    expect(ct.text).toBe("Title\n\none\n\ntwo\n\ndeep\n\nquote\n\n\n\nend");
    expect(ct.text).toBe(node.textBetween(0, node.content.size, "\n\n", "\n"));
    expect(ct.docSize).toBe(49);
    expect(ct.toPosition(7)).toBe(10); // "one" inside ul > li > p
    expect(ct.toPosition(12)).toBe(17); // "two"
    // Between "two" and "deep" the blocks are not siblings: "end" keeps to the paragraph of
    // "two" (just after it closes), "start" to the paragraph of "deep" (just before it opens).
    expect(ct.toPosition(16, "end")).toBe(21);
    expect(ct.toPosition(16, "start")).toBe(23);
    expect([20, 21, 22, 23, 24].map((pos) => ct.toOffset(pos))).toEqual([15, 16, 16, 16, 17]);
    expect(ct.toPosition(30)).toBe(42); // the empty paragraph in the blockquote
    expect(ct.toOffset(42)).toBe(30);
    expect(ct.toPosition(32)).toBe(45); // "end"
    expect(ct.toOffset(0)).toBe(0);
    expect(ct.toOffset(7)).toBe(6); // between the heading and the list
    expect(ct.toOffset(49)).toBe(35);
    expect(ct.toOffset(48)).toBe(35);
    expect(ct.rangeToPositions(13, 19)).toEqual({ from: 18, to: 26 });
    expect(ct.text.slice(13, 19)).toBe("wo\n\nde");
  });

  it("maps a range that starts or ends in the middle of a separator to the structure between the blocks", () => {
    const node = build(doc(ol(li(p("ab"))), p("cd")));
    const ct = canonicalText(node);
    expect(ct.text).toBe("ab\n\ncd");
    // ol 0, li 1, p 2, content 3..5, p ends 6, li ends 7, ol ends 8, p 8, content 9..11.
    const { from, to } = ct.rangeToPositions(3, 6);
    expect({ from, to }).toEqual({ from: 8, to: 11 });
    expect(extract(node, from, to)).toBe("\ncd");
    expect(ct.positionsToRange(from, to)).toEqual({ start: 3, end: 6 });
    expect(ct.rangeToPositions(3, 3)).toEqual({ from: 8, to: 8 });
    expect(ct.rangeToPositions(2, 3)).toEqual({ from: 5, to: 6 });
    expect(ct.rangeToPositions(0, 3)).toEqual({ from: 3, to: 6 });
    expect(extract(node, 3, 6)).toBe("ab\n");
  });

  it("counts a hard break as one newline and one position", () => {
    const ct = canonicalText(build(doc(p(br, "a", br, br, "b", br))));
    expect(ct.text).toBe("\na\n\nb\n");
    for (let offset = 0; offset <= ct.text.length; offset++) {
      expect(ct.toPosition(offset, "start")).toBe(offset + 1);
      expect(ct.toPosition(offset, "end")).toBe(offset + 1);
      expect(ct.toOffset(offset + 1)).toBe(offset);
    }
  });

  it("keeps offsets continuous across marks that split text nodes", () => {
    const node = build(doc(p("Hel", t("lo w", "bold"), t("orld", "italic", "link"), "!")));
    expect(node.firstChild?.childCount).toBe(4);
    const ct = canonicalText(node);
    expect(ct.text).toBe("Hello world!");
    for (let offset = 0; offset <= ct.text.length; offset++) expect(ct.toPosition(offset)).toBe(offset + 1);
    expect(ct.rangeToPositions(2, 9)).toEqual({ from: 3, to: 10 });
  });

  it("counts emoji and other astral characters as two offsets, like JavaScript strings", () => {
    const ct = canonicalText(build(doc(p("a👍b"), p("🇺🇦"))));
    expect(ct.text).toBe("a👍b\n\n🇺🇦");
    expect(ct.text.length).toBe(10);
    const { from, to } = ct.rangeToPositions(1, 3);
    expect({ from, to }).toEqual({ from: 2, to: 4 });
    expect(ct.text.slice(1, 3)).toBe("👍");
    expect(ct.toPosition(6)).toBe(7);
    expect(ct.positionsToRange(7, 11)).toEqual({ start: 6, end: 10 });
  });

  it("keeps non-breaking and other unusual spaces as they are", () => {
    const ct = canonicalText(build(doc(p("10\u00a0000\u202f€"), p(" \t "))));
    expect(ct.text).toBe("10\u00a0000\u202f€\n\n \t ");
  });

  it("has the text of the only, empty paragraph of an empty document", () => {
    const ct = canonicalText(build(doc(p())));
    expect(ct.text).toBe("");
    expect(ct.toPosition(0, "start")).toBe(1);
    expect(ct.toPosition(0, "end")).toBe(1);
    expect([0, 1, 2].map((pos) => ct.toOffset(pos))).toEqual([0, 0, 0]);
    expect(ct.rangeToPositions(0, 0)).toEqual({ from: 1, to: 1 });
  });

  it("refuses offsets and positions out of range or out of order", () => {
    const ct = canonicalText(build(doc(p("abc"))));
    expect(() => ct.toPosition(-1)).toThrow(RangeError);
    expect(() => ct.toPosition(4)).toThrow(RangeError);
    expect(() => ct.toPosition(1.5)).toThrow(RangeError);
    expect(() => ct.toPosition(Number.NaN)).toThrow(RangeError);
    expect(() => ct.toOffset(6)).toThrow(RangeError);
    expect(() => ct.rangeToPositions(2, 1)).toThrow(RangeError);
    expect(() => ct.positionsToRange(3, 2)).toThrow(RangeError);
  });
});

describe("canonicalTextFromJSON", () => {
  it("reads stored JSON", () => {
    expect(canonicalTextFromJSON(doc(h(3, "A"), p("b", br, "c"))).text).toBe("A\n\nb\nc");
  });

  it.each([
    ["null", null],
    ["a string", "<p>hi</p>"],
    ["an array", [p("x")]],
    ["a paragraph instead of a document", p("x")],
    ["a document without blocks", { type: "doc", content: [] }],
    ["an unknown node type", doc({ type: "codeBlock", content: [t("x")] })],
    ["an unknown mark", doc(p(t("x", "strike")))],
    ["text directly in the document", doc(t("x"))],
    ["a list item outside a list", doc(li(p("x")))],
    ["an empty text node", doc(p(t("")))],
    ["a text node without text", doc(p({ type: "text" }))],
  ])("refuses %s with InvalidDocumentError", (_name, json) => {
    expect(() => canonicalTextFromJSON(json)).toThrow(InvalidDocumentError);
  });

  it("says what is wrong", () => {
    expect(() => canonicalTextFromJSON(doc(t("x")))).toThrow(/^Invalid article document: /);
  });
});

// A schema with the inline kinds the article schema lacks today (an atom without text, and an
// inline node with content), so the gap handling for them is exercised before anyone needs it.
const leafySchema = (() => {
  const base = articleSchema();
  return new Schema({
    nodes: base.spec.nodes
      .addToEnd("mention", { group: "inline", inline: true, atom: true, attrs: { id: { default: "x" } } })
      .addToEnd("inlineWrapper", { group: "inline", inline: true, content: "text*" }),
    marks: base.spec.marks,
  });
})();
const mention: JSONNode = { type: "mention" };
const wrap = (text: string): JSONNode => ({ type: "inlineWrapper", content: [t(text)] });

describe("canonicalText: inline nodes without text", () => {
  it("gives an atom no text, and lets the bias pick the side of it", () => {
    const ct = canonicalText(build(doc(p(mention, "ab", mention, "cd", mention)), leafySchema));
    expect(ct.text).toBe("abcd");
    // mention 1, "ab" 2..4, mention 4, "cd" 5..7, mention 7, content ends 8.
    expect([ct.toPosition(0, "end"), ct.toPosition(0, "start")]).toEqual([1, 2]);
    expect([ct.toPosition(2, "end"), ct.toPosition(2, "start")]).toEqual([4, 5]);
    expect([ct.toPosition(4, "end"), ct.toPosition(4, "start")]).toEqual([7, 8]);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((pos) => ct.toOffset(pos))).toEqual([0, 0, 1, 2, 2, 3, 4, 4]);
    expect(ct.rangeToPositions(2, 2)).toEqual({ from: 5, to: 5 });
    expect(ct.rangeToPositions(0, 4)).toEqual({ from: 2, to: 7 });
  });

  it("reads the text inside an inline node with content", () => {
    const ct = canonicalText(build(doc(p("a", wrap("bc"), "d")), leafySchema));
    expect(ct.text).toBe("abcd");
    // "a" 1, wrapper opens 2, "bc" 3..5, wrapper closes 5, "d" 6.
    expect([ct.toPosition(1, "end"), ct.toPosition(1, "start")]).toEqual([2, 3]);
    expect([ct.toPosition(3, "end"), ct.toPosition(3, "start")]).toEqual([5, 6]);
  });
});

// ---------------------------------------------------------------------------------------------
// Random documents of the schema.

function documentArbitrary(options: { leafy: boolean }): fc.Arbitrary<JSONNode> {
  const text = fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 8 }) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 4 }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 3 }) },
    { weight: 2, arbitrary: fc.constantFrom("👍", "🇺🇦", "👩‍👩‍👧", "\u00a0", "e\u0301", "\n", "\t", " ", "«»", "𝔘") },
  );
  const marks = fc.subarray(["bold", "italic", "link"]);
  const inlineItems: Array<fc.WeightedArbitrary<JSONNode>> = [
    { weight: 6, arbitrary: fc.tuple(text, marks).map(([value, m]) => t(value, ...m)) },
    { weight: 2, arbitrary: fc.constant(br) },
  ];
  if (options.leafy) {
    inlineItems.push({ weight: 1, arbitrary: fc.constant(mention) });
    inlineItems.push({ weight: 1, arbitrary: fc.option(text, { nil: undefined }).map((value) => (value ? wrap(value) : { type: "inlineWrapper" })) });
  }
  const inlineContent = fc.array(fc.oneof(...inlineItems), { maxLength: 6 });
  const paragraph = inlineContent.map((content) => block("paragraph", content));
  const heading = fc.tuple(fc.constantFrom(2, 3), inlineContent).map(([level, content]) => block("heading", content, { level }));

  const blocks: Array<fc.Arbitrary<JSONNode>> = [fc.oneof(paragraph, heading)];
  for (let depth = 1; depth <= 3; depth++) {
    const inner = blocks[depth - 1]!;
    const listItem = fc.tuple(paragraph, fc.array(inner, { maxLength: 2 })).map(([first, rest]) => li(first, ...rest));
    blocks.push(
      fc.oneof(
        { weight: 3, arbitrary: paragraph },
        { weight: 1, arbitrary: heading },
        { weight: 1, arbitrary: fc.array(inner, { minLength: 1, maxLength: 3 }).map((content) => quote(...content)) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(fc.constantFrom("bulletList", "orderedList"), fc.array(listItem, { minLength: 1, maxLength: 3 }))
            .map(([type, items]) => block(type, items)),
        },
      ),
    );
  }
  return fc.array(blocks[3]!, { minLength: 1, maxLength: 5 }).map((content) => doc(...content));
}

/** A document with a range [start, end] of its canonical text, chosen uniformly-ish. */
function documentWithRange(options: { leafy: boolean }) {
  return fc
    .tuple(documentArbitrary(options), fc.nat(), fc.nat())
    .map(([json, a, b]) => {
      const node = build(json, options.leafy ? leafySchema : articleSchema());
      const length = canonicalText(node).text.length;
      const x = a % (length + 1);
      const y = b % (length + 1);
      return { json, node, start: Math.min(x, y), end: Math.max(x, y) };
    });
}

const runs = { numRuns: 400 };

describe("canonicalText: properties on random documents", () => {
  it("is ProseMirror's textBetween with the canonical separators", () => {
    fc.assert(
      fc.property(documentArbitrary({ leafy: true }), (json) => {
        const node = build(json, leafySchema);
        expect(canonicalText(node).text).toBe(node.textBetween(0, node.content.size, "\n\n", leafText));
        expect(canonicalText(node).text).toBe(extract(node, 0, node.content.size));
      }),
      runs,
    );
  });

  it("reads JSON like canonicalText reads the node", () => {
    fc.assert(
      fc.property(documentArbitrary({ leafy: false }), (json) => {
        expect(canonicalTextFromJSON(json).text).toBe(canonicalText(articleSchema().nodeFromJSON(json)).text);
      }),
      runs,
    );
  });

  it("maps every offset to a position that maps back to it, with either bias", () => {
    fc.assert(
      fc.property(documentArbitrary({ leafy: true }), (json) => {
        const node = build(json, leafySchema);
        const ct = canonicalText(node);
        let previous = 0;
        for (let offset = 0; offset <= ct.text.length; offset++) {
          const end = ct.toPosition(offset, "end");
          const start = ct.toPosition(offset, "start");
          expect(end).toBeGreaterThanOrEqual(previous);
          expect(start).toBeGreaterThanOrEqual(end);
          expect(start).toBeLessThanOrEqual(node.content.size);
          expect(ct.toOffset(end)).toBe(offset);
          expect(ct.toOffset(start)).toBe(offset);
          // The text before the position is exactly the text before the offset.
          expect(extract(node, 0, start)).toBe(ct.text.slice(0, offset));
          expect(extract(node, end, node.content.size)).toBe(ct.text.slice(offset));
          previous = start;
        }
      }),
      runs,
    );
  });

  it("maps every position to the offset of the text before it", () => {
    fc.assert(
      fc.property(documentArbitrary({ leafy: true }), (json) => {
        const node = build(json, leafySchema);
        const ct = canonicalText(node);
        for (let pos = 0; pos <= node.content.size; pos++) {
          expect(ct.toOffset(pos)).toBe(extract(node, 0, pos).length);
        }
      }),
      runs,
    );
  });

  it("maps every position inside a textblock back to itself (schema without textless leaves)", () => {
    fc.assert(
      fc.property(documentArbitrary({ leafy: false }), (json) => {
        const node = build(json);
        const ct = canonicalText(node);
        for (let pos = 0; pos <= node.content.size; pos++) {
          if (!inTextblock(node, pos)) continue;
          const offset = ct.toOffset(pos);
          expect(ct.toPosition(offset, "start")).toBe(pos);
          expect(ct.toPosition(offset, "end")).toBe(pos);
        }
      }),
      runs,
    );
  });

  it("round-trips a range: text → positions → the same text, and back to the same range", () => {
    const check = (node: PMNode, start: number, end: number) => {
      const ct = canonicalText(node);
      const { from, to } = ct.rangeToPositions(start, end);
      expect(from).toBeLessThanOrEqual(to);
      const expected = ct.text.slice(start, end);
      expect(extract(node, from, to)).toBe(expected);
      if (inTextblock(node, from) && inTextblock(node, to)) {
        expect(node.textBetween(from, to, "\n\n", leafText)).toBe(expected);
      }
      expect(ct.positionsToRange(from, to)).toEqual({ start, end });
    };
    fc.assert(
      fc.property(documentWithRange({ leafy: false }), ({ node, start, end }) => check(node, start, end)),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(documentWithRange({ leafy: true }), ({ node, start, end }) => check(node, start, end)),
      { numRuns: 1000 },
    );
  });

  it("round-trips every range of small documents", () => {
    fc.assert(
      fc.property(documentArbitrary({ leafy: false }), (json) => {
        const node = build(json);
        const ct = canonicalText(node);
        fc.pre(ct.text.length <= 40);
        for (let start = 0; start <= ct.text.length; start++) {
          for (let end = start; end <= ct.text.length; end++) {
            const { from, to } = ct.rangeToPositions(start, end);
            expect(extract(node, from, to)).toBe(ct.text.slice(start, end));
            expect(ct.positionsToRange(from, to)).toEqual({ start, end });
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("canonicalText: long articles", () => {
  it("builds a 100,000-word article and answers 1,000 lookups of each kind quickly", () => {
    const words = ["NATO", "allies", "rejected", "the", "idea", "of", "sending", "troops", "to", "Ukraine", "—", "👍"];
    const paragraphs: string[] = [];
    for (let i = 0, n = 0; n < 100_000; i++) {
      const paragraph: string[] = [];
      for (let k = 0; k < 20; k++, n++) paragraph.push(words[(i * 7 + k) % words.length]!);
      // Every third paragraph has a line break, so runs are not all whole blocks.
      paragraphs.push(i % 3 === 0 ? `${paragraph.slice(0, 10).join(" ")}\n${paragraph.slice(10).join(" ")}` : paragraph.join(" "));
    }
    const json = docFromPlainText(paragraphs.join("\n\n"), { headings: (paragraph) => paragraph.startsWith("idea") });

    const buildStarted = performance.now();
    const ct = canonicalTextFromJSON(json);
    const buildMs = performance.now() - buildStarted;
    expect(ct.text.split(/\s+/).length).toBeGreaterThanOrEqual(100_000);

    const offsets = Array.from({ length: 1000 }, (_, i) => Math.floor((i * 7919 * 97) % (ct.text.length + 1)));
    const lookupsStarted = performance.now();
    let checksum = 0;
    for (const offset of offsets) {
      const { from, to } = ct.rangeToPositions(offset, Math.min(ct.text.length, offset + 50));
      const { start } = ct.positionsToRange(from, to);
      checksum += start === offset ? 1 : 0;
      checksum += ct.toOffset(ct.toPosition(offset, "end")) === offset ? 1 : 0;
    }
    const lookupsMs = performance.now() - lookupsStarted;

    expect(checksum).toBe(2000);
    // Generous bounds: they catch an accidental O(n) per lookup or quadratic build, not noise.
    expect(buildMs).toBeLessThan(3000);
    expect(lookupsMs).toBeLessThan(200);
  });
});
