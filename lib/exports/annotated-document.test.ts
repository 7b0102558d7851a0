import { describe, expect, it } from "vitest";
import { annotateDocument, DocumentMismatchError, type Block, type Piece } from "@/lib/exports/annotated-document";
import { documentFromText } from "@/lib/articles/document";
import { seedArticle } from "@/lib/exports/__fixtures__/seed-snapshot";

function pieces(blocks: readonly Block[]): Piece[] {
  return blocks.flatMap((block) =>
    block.type === "paragraph" || block.type === "heading"
      ? block.pieces
      : block.type === "blockquote"
        ? pieces(block.children)
        : block.items.flatMap((item) => pieces(item)),
  );
}

describe("annotateDocument", () => {
  const { doc, text } = documentFromText("One two three four.\n\nFive six\nseven.");

  it("rebuilds the canonical text, hard breaks included", () => {
    const annotated = annotateDocument(doc, [], text);
    expect(annotated.text).toBe(text);
    expect(pieces(annotated.blocks).map((piece) => piece.text)).toEqual(["One two three four.", "Five six", "\n", "seven."]);
  });

  it("rebuilds the seed article's canonical text exactly", () => {
    const seed = seedArticle();
    expect(annotateDocument(seed.doc, [], seed.text).text).toBe(seed.text);
  });

  it("cuts text at claim boundaries; nested and crossing claims each get one anchor and one end", () => {
    const at = (phrase: string) => ({ start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length });
    const claims = [
      { id: "outer", ...at("two three four") },
      { id: "inner", ...at("three") },
      { id: "crossing", ...at("four.\n\nFive") },
    ];
    const all = pieces(annotateDocument(doc, claims, text).blocks);
    expect(all.map((piece) => [piece.text, piece.claims.join("+")])).toEqual([
      ["One ", ""],
      ["two ", "outer"],
      ["three", "outer+inner"],
      [" ", "outer"],
      ["four", "outer+crossing"],
      [".", "crossing"],
      ["Five", "crossing"],
      [" six", ""],
      ["\n", ""],
      ["seven.", ""],
    ]);
    const opens = all.flatMap((piece) => piece.opens);
    const closes = all.flatMap((piece) => piece.closes);
    expect(opens.sort()).toEqual(["crossing", "inner", "outer"]);
    expect(closes.sort()).toEqual(["crossing", "inner", "outer"]);
    expect(all.find((piece) => piece.text === "four")?.closes).toEqual(["outer"]);
  });

  it("without the published text, leaves out the claims that do not fit, as the editor's highlights do", () => {
    const claims = [
      { id: "fits", start: 4, end: 7 },
      { id: "past-the-end", start: text.length - 2, end: text.length + 5 },
      { id: "before-the-start", start: -1, end: 3 },
      { id: "empty", start: 5, end: 5 },
    ];
    expect(() => annotateDocument(doc, claims, text)).toThrow(DocumentMismatchError);
    const all = pieces(annotateDocument(doc, claims).blocks);
    expect(all.filter((piece) => piece.claims.length > 0).map((piece) => [piece.text, piece.claims])).toEqual([["two", ["fits"]]]);
    expect(all.flatMap((piece) => [...piece.opens, ...piece.empty])).toEqual(["fits"]);
  });

  it("gives a claim over a block separator only an empty anchor before the next text", () => {
    const start = text.indexOf("\n\n");
    const all = pieces(annotateDocument(doc, [{ id: "gap", start, end: start + 2 }], text).blocks);
    expect(all.find((piece) => piece.empty.includes("gap"))?.text).toBe("Five six");
  });

  it("refuses a document whose text is not the published text, and claims outside it", () => {
    expect(() => annotateDocument(doc, [], `${text}!`)).toThrow(DocumentMismatchError);
    expect(() => annotateDocument(doc, [{ id: "x", start: 0, end: text.length + 1 }], text)).toThrow(DocumentMismatchError);
  });

  it("keeps marks and drops unsafe link targets", () => {
    const rich = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "bold", marks: [{ type: "bold" }] },
            { type: "text", text: " link", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] },
          ],
        },
      ],
    };
    const [bold, link] = pieces(annotateDocument(rich, [], "bold link").blocks);
    expect(bold?.marks).toEqual([{ type: "bold" }]);
    expect(link?.marks).toEqual([{ type: "link", href: null }]);
  });
});
