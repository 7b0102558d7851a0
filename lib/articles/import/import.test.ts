import fs from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { JSONContent } from "@tiptap/core";
import { canonicalTextFromJSON } from "@/lib/anchoring";
import { MAX_ARTICLE_BLOCKS, MAX_ARTICLE_CHARS } from "@/lib/editor/article-document-rules";
import { documentFromJSON } from "@/lib/articles/document";
import { prepareArticleDocument, type PreparedDocument } from "./prepare-article-document";
import { MAX_HTML_DEPTH } from "./html-to-document";
import { MAX_IMPORT_FILE_BYTES } from "./read-import-file";

const FIXTURES = path.resolve(import.meta.dirname, "../../../tests/fixtures/import");

function fixture(name: string): { name: string; contentBase64: string } {
  return { name, contentBase64: fs.readFileSync(path.join(FIXTURES, name)).toString("base64") };
}

function importFile(name: string, baseUrl?: string): Promise<PreparedDocument> {
  return prepareArticleDocument({ file: fixture(name) }, { baseUrl });
}

/** Every node type, mark type and link address in a document. */
function inventory(doc: JSONContent) {
  const nodes = new Set<string>();
  const marks = new Set<string>();
  const hrefs: string[] = [];
  const walk = (node: JSONContent) => {
    nodes.add(node.type ?? "?");
    for (const mark of node.marks ?? []) {
      marks.add(mark.type);
      if (mark.type === "link") hrefs.push(String(mark.attrs?.href));
    }
    node.content?.forEach(walk);
  };
  walk(doc);
  return { nodes, marks, hrefs };
}

/** A stored document must read back through the server's validation unchanged. */
function expectStorable(prepared: PreparedDocument) {
  expect(documentFromJSON(prepared.doc)).toEqual({ doc: prepared.doc, text: prepared.text });
  expect(canonicalTextFromJSON(prepared.doc).text).toBe(prepared.text);
}

describe("importing files", () => {
  it("reads .txt: blank lines separate paragraphs, a line break stays, the byte-order mark goes", async () => {
    const prepared = await importFile("article.txt");
    expect(prepared.origin).toBe("file:txt");
    expect(prepared.text).toBe(
      "Harbour council approves new ferry terminal\n\n" +
        "The harbour council voted on Tuesday to approve a new ferry terminal on the east quay.\n\n" +
        "Council leader Mara Jensen said the terminal would cost 42 million euros\nand open in 2027.\n\n" +
        "Critics say the estimate leaves out dredging costs.",
    );
    expect(prepared.blocks).toBe(4);
    expectStorable(prepared);
  });

  it("reads .md through HTML: headings, emphasis, quotes, lists and links; code, rules, images and scripts go", async () => {
    const prepared = await importFile("article.md");
    expect(prepared.origin).toBe("file:md");
    const { nodes, marks, hrefs } = inventory(prepared.doc);
    expect([...nodes].sort()).toEqual(
      ["blockquote", "bulletList", "doc", "heading", "listItem", "orderedList", "paragraph", "text"].sort(),
    );
    expect([...marks].sort()).toEqual(["bold", "italic", "link"]);
    expect(hrefs).toEqual(["https://council.example/agenda", "https://council.example/minutes"]);
    expect(prepared.doc.content?.[0]).toMatchObject({ type: "heading", attrs: { level: 2 } });
    expect(prepared.text).toContain("What it costs\n\nCouncil leader Mara Jensen");
    expect(prepared.text).toContain("Read the minutes, or not this.");
    expect(prepared.text).not.toContain("alert");
    expect(prepared.suggestedTitle).toBe("Harbour council approves new ferry terminal");
    expect(prepared.warnings.join(" ")).toMatch(/<script>/);
    expectStorable(prepared);
  });

  it("reads .html: keeps structure, maps h1 to level 2 and h4 to level 3, resolves relative links against the article's address", async () => {
    const prepared = await importFile("article.html", "https://council.example/news/ferry");
    expect(prepared.origin).toBe("file:html");
    const headings = (prepared.doc.content ?? [])
      .filter((node) => node.type === "heading")
      .map((node) => [node.attrs?.level, node.content?.[0]?.text]);
    expect(headings).toEqual([
      [2, "Harbour council approves new ferry terminal"],
      [2, "What it costs"],
      [3, "Sources"],
    ]);
    expect(inventory(prepared.doc).hrefs).toEqual([
      "https://council.example/agenda",
      "https://council.example/minutes",
      "mailto:press@council.example",
    ]);
    expect(prepared.doc.content?.find((node) => node.type === "orderedList")?.attrs).toMatchObject({ start: 3 });
    // The <br> is a hard break, &nbsp; stays a no-break space, the blank paragraph is gone.
    expect(prepared.text).toContain("42\u00a0million euros\nand open in 2027.");
    expect(prepared.text).not.toContain("\n\n\n");
    // Only the address of a link is kept: no target, no class.
    const link = JSON.stringify(prepared.doc).match(/"attrs":\{"href":"https:\/\/council.example\/minutes"[^}]*\}/)?.[0];
    expect(link).toContain('"target":null');
    expect(link).toContain('"class":null');
    expectStorable(prepared);
  });

  it("drops relative links when the article has no address", async () => {
    const prepared = await importFile("article.html");
    expect(inventory(prepared.doc).hrefs).toEqual(["https://council.example/minutes", "mailto:press@council.example"]);
    expect(prepared.warnings.join(" ")).toMatch(/1 link/);
  });

  it("reads .docx through mammoth: title and headings, bold, italic and links; a javascript: link loses its address", async () => {
    const prepared = await importFile("article.docx");
    expect(prepared.origin).toBe("file:docx");
    expect(prepared.text).toBe(
      "Harbour council approves new ferry terminal\n\n" +
        "The harbour council voted on Tuesday to approve a new ferry terminal on the east quay.\n\n" +
        "Council leader Mara Jensen said the terminal would cost 42 million euros and open in 2027.\n\n" +
        "Critics, including the Harbour Residents Association, say the estimate leaves out dredging costs. Read the council minutes or click here.\n\n" +
        "Next steps\n\n" +
        "Construction is expected to begin next spring.",
    );
    const { marks, hrefs } = inventory(prepared.doc);
    expect([...marks].sort()).toEqual(["bold", "italic", "link"]);
    expect(hrefs).toEqual(["https://council.example/minutes"]);
    expect(prepared.doc.content?.[0]).toMatchObject({ type: "heading", attrs: { level: 2 } });
    expect(prepared.doc.content?.[4]).toMatchObject({ type: "heading", attrs: { level: 2 } });
    expect(JSON.stringify(prepared.doc)).not.toMatch(/javascript/i);
    expectStorable(prepared);
  });

  it("stores nothing of hostile HTML but its text: no scripts, handlers, styles, frames or dangerous links", async () => {
    const prepared = await importFile("hostile.html");
    const stored = JSON.stringify(prepared.doc);
    for (const forbidden of [/javascript/i, /vbscript/i, /data:/i, /onload|onclick|onerror|onmouseover|onfocus/i, /style/i, /iframe/i, /svg/i]) {
      expect(stored).not.toMatch(forbidden);
    }
    for (const hidden of ["head script", "body script", "noscript text", "inner frame text", "svg text", "math text", "input text", "button text", "textarea text", "template text"]) {
      expect(prepared.text).not.toContain(hidden);
    }
    const { nodes, marks, hrefs } = inventory(prepared.doc);
    expect([...nodes].sort()).toEqual(["doc", "heading", "paragraph", "text"]);
    expect([...marks].sort()).toEqual(["bold", "italic", "link"]);
    expect(hrefs).toEqual(["https://example.org/ok"]);
    expect(prepared.text).toBe(
      "Safe headline\n\n" +
        "Safe paragraph with a scripted link, a mixed-case one, a padded one, an entity-split one, a data link, a visual-basic link and a good link.\n\n" +
        "Second safe paragraph.\n\n" +
        "Bold and italic stay.\n\n" +
        // Markup written as text is text: it is shown, never run.
        '<script>alert("escaped text stays text")</script>',
    );
    expect(prepared.warnings.join(" ")).toMatch(/<iframe>/);
    expectStorable(prepared);
  });

  it.each([
    ["a PDF", "report.pdf", "unsupported_media_type"],
    ["a file without an extension", "README", "unsupported_media_type"],
  ])("refuses %s with 415", async (_name, name, code) => {
    await expect(prepareArticleDocument({ file: { name, contentBase64: Buffer.from("x").toString("base64") } })).rejects.toMatchObject({
      code,
    });
  });

  it("refuses a file over 2 MB with 413 and says how large it may be", async () => {
    const big = Buffer.alloc(MAX_IMPORT_FILE_BYTES + 1, "a").toString("base64");
    await expect(prepareArticleDocument({ file: { name: "big.txt", contentBase64: big } })).rejects.toMatchObject({
      code: "payload_too_large",
      message: expect.stringMatching(/at most 2 MB/),
    });
  });

  it("refuses a .docx that is not a Word document, or that unpacks to too much, with a clear error", async () => {
    await expect(prepareArticleDocument({ file: { name: "fake.docx", contentBase64: Buffer.from("not a zip").toString("base64") } })).rejects.toMatchObject({
      code: "unprocessable",
      message: "The file is not a Word (.docx) document.",
    });
    const zip = new JSZip();
    zip.file("word/document.xml", "x".repeat(70 * 1024 * 1024), { compression: "DEFLATE" });
    const bomb = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    expect(bomb.length).toBeLessThan(MAX_IMPORT_FILE_BYTES);
    await expect(prepareArticleDocument({ file: { name: "bomb.docx", contentBase64: bomb.toString("base64") } })).rejects.toMatchObject({
      code: "payload_too_large",
    });
  });

  it("refuses a binary file named .txt", async () => {
    await expect(
      prepareArticleDocument({ file: { name: "x.txt", contentBase64: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]).toString("base64") } }),
    ).rejects.toMatchObject({ code: "unprocessable" });
  });
});

describe("importing pasted HTML", () => {
  it("drops empty blocks and keeps a list item whose first paragraph was empty", async () => {
    const prepared = await prepareArticleDocument({
      html: "<p></p><p>&nbsp;</p><ul><li><p></p><ul><li>nested</li></ul></li><li>two</li></ul><p><br>  text  <br></p>",
    });
    expect(prepared.text).toBe("nested\n\ntwo\n\ntext");
    expectStorable(prepared);
  });

  it("keeps the text before a stray <body> tag, and reads a whole page's body only", async () => {
    // A pasted fragment holding a <body> tag (say, from the XSS cheat sheet) once lost every
    // word before that tag, and the import was refused as having no text.
    const fragment = await prepareArticleDocument({ html: "<p>First paragraph.</p><BODY onload=alert(1)><p>Second paragraph.</p>" });
    expect(fragment.text).toBe("First paragraph.\n\nSecond paragraph.");
    const page = await prepareArticleDocument({
      html: '<!DOCTYPE html><html><head><title>Head text</title><script>x()</script></head><body onload="x()"><p>Body text.</p></body></html>',
    });
    expect(page.text).toBe("Body text.");
    expectStorable(fragment);
  });

  it("refuses HTML with nothing to import", async () => {
    await expect(prepareArticleDocument({ html: "<script>x</script><p> </p>" })).rejects.toMatchObject({ code: "unprocessable" });
  });

  it("refuses HTML nested deeper than the limit with 422 instead of overflowing the stack", async () => {
    const depth = MAX_HTML_DEPTH + 10;
    const html = `${"<div>".repeat(depth)}deep${"</div>".repeat(depth)}`;
    await expect(prepareArticleDocument({ html })).rejects.toMatchObject({ code: "unprocessable", message: expect.stringMatching(/nested/) });
  });

  it("refuses more blocks than the limit with 413", async () => {
    const html = "<p>x</p>".repeat(MAX_ARTICLE_BLOCKS + 1);
    await expect(prepareArticleDocument({ html })).rejects.toMatchObject({
      code: "payload_too_large",
      message: expect.stringMatching(/5,001 paragraphs and headings; at most 5,000/),
    });
  });

  it("refuses more characters than the limit with 413", async () => {
    const text = `${"word ".repeat(MAX_ARTICLE_CHARS / 5)}more`;
    await expect(prepareArticleDocument({ text })).rejects.toMatchObject({
      code: "payload_too_large",
      message: expect.stringMatching(/at most 1,000,000 are accepted/),
    });
  });
});

describe("validating stored documents", () => {
  const doc = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });
  const p = (text: string, marks?: JSONContent["marks"]): JSONContent => ({ type: "paragraph", content: [{ type: "text", text, ...(marks ? { marks } : {}) }] });

  it.each([
    ["javascript:", "javascript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["a relative address", "/relative"],
    ["tel:", "tel:+123"],
    ["an empty address", ""],
  ])("refuses a link to %s with 422", (_name, href) => {
    expect(() => documentFromJSON(doc(p("x", [{ type: "link", attrs: { href } }])))).toThrow(
      expect.objectContaining({ code: "unprocessable" }),
    );
  });

  it.each([
    ["an unknown node", doc({ type: "codeBlock", content: [{ type: "text", text: "x" }] })],
    ["an unknown mark", doc(p("x", [{ type: "strike" }]))],
    ["a heading of level 1", doc({ type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "x" }] })],
    ["a heading of level '<x>'", doc({ type: "heading", attrs: { level: "<x>" }, content: [{ type: "text", text: "x" }] })],
    ["a NUL character", doc(p("a\u0000b"))],
    ["half of an emoji", doc(p("a\ud83d"))],
    ["a paragraph instead of a document", p("x")],
    ["a list nested too deeply", nested(40)],
  ])("refuses %s with 422", (_name, json) => {
    expect(() => documentFromJSON(json)).toThrow(expect.objectContaining({ code: "unprocessable" }));
  });

  it("keeps only the address of a link", () => {
    const stored = documentFromJSON(doc(p("x", [{ type: "link", attrs: { href: "https://ok.example/", class: "evil", target: "_top", title: "t" } }])));
    expect(stored.doc.content?.[0]?.content?.[0]?.marks).toEqual([
      { type: "link", attrs: { href: "https://ok.example/", target: null, rel: "noopener noreferrer nofollow", class: null, title: null } },
    ]);
  });

  function nested(depth: number): JSONContent {
    let node: JSONContent = p("deep");
    for (let level = 0; level < depth; level += 1) node = { type: "blockquote", content: [node] };
    return doc(node);
  }
});
