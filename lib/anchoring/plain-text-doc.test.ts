import fc from "fast-check";
import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { canonicalTextFromJSON } from "./canonical-text";
import { docFromPlainText, normalizePlainText, plainTextParagraphs } from "./plain-text-doc";

describe("docFromPlainText", () => {
  it("makes a paragraph of each block of lines, and a hard break of each single newline", () => {
    const json: JSONContent = docFromPlainText("First line\nsecond line\n\nNext paragraph");
    expect(json).toEqual({
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [{ type: "text", text: "First line" }, { type: "hardBreak" }, { type: "text", text: "second line" }],
        },
        { type: "paragraph", content: [{ type: "text", text: "Next paragraph" }] },
      ],
    });
    expect(canonicalTextFromJSON(json).text).toBe("First line\nsecond line\n\nNext paragraph");
  });

  it("treats runs of blank lines, whitespace-only lines and CRLF as one paragraph break", () => {
    const text = "\r\n  \n\uFEFFA\r\n\r\n\r\n\r\nB\n \t \nC\rD\n\n\n";
    expect(normalizePlainText(text)).toBe("A\n\nB\n\nC\nD");
    expect(normalizePlainText("\uFEFFA\n\nB\uFEFF")).toBe("A\n\nB\uFEFF");
    expect(canonicalTextFromJSON(docFromPlainText(text)).text).toBe(normalizePlainText(text));
  });

  it("keeps the spaces inside and at the edges of lines, and non-breaking spaces", () => {
    const text = "  indented\u00a0line  \n\ttab";
    expect(canonicalTextFromJSON(docFromPlainText(text)).text).toBe(text);
  });

  it("makes the paragraphs named in `headings` level-2 headings", () => {
    const json = docFromPlainText("Allies reject troops\n\nBody.\n\nBackground\n\nMore body.", {
      headings: new Set(["Allies reject troops", "Background"]),
    });
    expect(json.content.map((block) => block.type)).toEqual(["heading", "paragraph", "heading", "paragraph"]);
    expect(json.content[0]).toEqual({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Allies reject troops" }] });
    expect(canonicalTextFromJSON(json).text).toBe("Allies reject troops\n\nBody.\n\nBackground\n\nMore body.");
  });

  it("accepts a predicate for headings", () => {
    const json = docFromPlainText("## Title\n\nText", { headings: (paragraph) => paragraph.startsWith("## ") });
    expect(json.content.map((block) => block.type)).toEqual(["heading", "paragraph"]);
  });

  it("gives empty text a document with one empty paragraph", () => {
    expect(docFromPlainText("")).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
    expect(docFromPlainText(" \n\n \r\n")).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
    expect(canonicalTextFromJSON(docFromPlainText("")).text).toBe("");
  });

  it("keeps emoji and combining characters", () => {
    const text = "Ukraine 🇺🇦\ncafe\u0301 👩‍👩‍👧";
    expect(canonicalTextFromJSON(docFromPlainText(text)).text).toBe(text);
  });
});

describe("docFromPlainText: invariant", () => {
  const plainText = fc.string({
    unit: fc.oneof(
      { weight: 6, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }) },
      { weight: 4, arbitrary: fc.constantFrom("\n", "\r\n", "\r", " ", "\t", "\u00a0", "\uFEFF", "👍") },
    ),
    maxLength: 80,
  });

  it("canonical text of the document = normalised text, for any text", () => {
    fc.assert(
      fc.property(plainText, fc.boolean(), (text, withHeadings) => {
        const headings = withHeadings ? (paragraph: string) => paragraph.length % 2 === 0 : undefined;
        const json = docFromPlainText(text, { headings });
        expect(canonicalTextFromJSON(json).text).toBe(normalizePlainText(text));
      }),
      { numRuns: 1000 },
    );
  });

  it("is idempotent: normalised text reads back to the same document", () => {
    fc.assert(
      fc.property(plainText, (text) => {
        const normalized = normalizePlainText(text);
        expect(normalizePlainText(normalized)).toBe(normalized);
        expect(docFromPlainText(normalized)).toEqual(docFromPlainText(text));
        expect(plainTextParagraphs(normalized)).toEqual(plainTextParagraphs(text));
      }),
      { numRuns: 1000 },
    );
  });
});
