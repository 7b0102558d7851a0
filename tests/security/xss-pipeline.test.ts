/**
 * The XSS corpus (tests/security/xss-payloads.ts) through every way an article's text comes in
 * — pasted text, pasted HTML, uploaded .html and .md files, document JSON — and out again: the
 * document the editor renders (serialized by the article schema, as the editor draws it), the
 * import preview and revision pages (React), the public version page's article and notes
 * (React, rendered on the server as Next.js does) and all four exports of a version built from it, with hostile names, claimants, sources, verdict
 * rationales and notes around it. Pure functions only; e2e/xss-publish.spec.ts drives the same
 * inputs through the HTTP API into Chromium.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { JSONContent } from "@tiptap/core";
import { DOMSerializer } from "@tiptap/pm/model";
import { AppError, isAppError } from "@/lib/errors";
import { articleSchema } from "@/lib/editor/extensions";
import { checkedDocumentFromJSON } from "@/lib/articles/document";
import { prepareArticleDocument, type PreparedDocument } from "@/lib/articles/import/prepare-article-document";
import type { ArticleSource } from "@/lib/articles/schemas";
import { rationaleFromJSON, rationaleFromText } from "@/lib/annotations/rationale";
import { describeRange } from "@/lib/anchoring";
import { buildSnapshot, type SnapshotClaimInput, type VersionSnapshot } from "@/lib/versions/snapshot";
import { exportClaimReview, exportHtml, exportMarkdown, exportW3c } from "@/lib/exports";
import type { ExportContext } from "@/lib/exports/context";
import { noteNumbers } from "@/lib/exports/findings";
import { ArticleDocument } from "@/components/articles/article-document";
import { PublishedArticle } from "@/components/versions/published-article";
import { ArticlePreview } from "@/components/claims/article-preview";
import { VersionNotes } from "@/components/versions/version-notes";
import { HOSTILE_URLS, XSS_PAYLOADS } from "@/tests/security/xss-payloads";
import {
  documentJsonProblems,
  htmlExportProblems,
  jsonLdBlocks,
  jsonUrlProblems,
  markdownProblems,
  markupProblems,
  parseDocument,
  renderMarkdown,
} from "@/tests/security/xss-audit";

const CONTEXT: ExportContext = {
  baseUrl: "https://desk.example.org",
  organization: { name: "Example Desk", url: "https://desk.example.org" },
};
const ARTICLE_URL = "https://news.example/politics/story";

/** Tags the article schema renders: what the editor may draw, and nothing else. */
const EDITOR_TAGS = ["div", "p", "h2", "h3", "blockquote", "ul", "ol", "li", "a", "strong", "em", "br"];
/** The document as the editor draws it (the schema's own toDOM), audited as markup. */
function editorMarkupProblems(doc: JSONContent): string[] {
  const schema = articleSchema();
  const { document } = { document: parseDocument("") };
  const fragment = DOMSerializer.fromSchema(schema).serializeFragment(schema.nodeFromJSON(doc).content, {
    document: document as unknown as Document,
  });
  const root = document.createElement("div");
  root.appendChild(fragment as unknown as Node);
  return markupProblems(root, { allowedTags: EDITOR_TAGS });
}

/** Prepares an import; null when it is refused for having no text left (e.g. a lone `<script>`). */
async function prepare(source: ArticleSource): Promise<PreparedDocument | null> {
  try {
    return await prepareArticleDocument(source, { baseUrl: ARTICLE_URL });
  } catch (error) {
    if (isAppError(error) && error.code === "unprocessable") return null;
    throw error;
  }
}

function file(name: string, content: string): ArticleSource {
  return { file: { name, contentBase64: Buffer.from(content, "utf8").toString("base64") } };
}

/** Each payload as a paragraph of surrounding text, so there is always something to import. */
const wrapped = (payload: string) => `Before ${payload} after.`;

describe("the corpus through every import path", () => {
  const paths: Array<[string, (payload: string) => ArticleSource]> = [
    ["pasted text", (payload) => ({ text: payload })],
    ["pasted HTML", (payload) => ({ html: payload })],
    ["pasted HTML inside text", (payload) => ({ html: `<p>${wrapped(payload)}</p>` })],
    [".html file", (payload) => file("article.html", `<!DOCTYPE html><html><body><p>${wrapped(payload)}</p></body></html>`)],
    [".md file", (payload) => file("article.md", `# Title\n\n${wrapped(payload)}\n`)],
    [".txt file", (payload) => file("article.txt", payload)],
  ];

  it.each(paths)("%s: stores only article nodes, safe links and no handlers; neither the editor nor the preview draws anything active", async (_name, source) => {
    const problems: string[] = [];
    let imported = 0;
    for (const payload of XSS_PAYLOADS) {
      const prepared = await prepare(source(payload));
      if (!prepared) continue;
      imported += 1;
      const preview = parseDocument(renderToStaticMarkup(createElement(ArticleDocument, { doc: prepared.doc }))).body;
      const previewProblems = markupProblems(preview, { allowedTags: ["body", ...EDITOR_TAGS] });
      // The article page's first view of the text, with a claim over all of it.
      const claims = [{ id: "claim-1", start: 0, end: prepared.text.length, status: "verified" as const }];
      const firstView = parseDocument(
        renderToStaticMarkup(createElement(ArticlePreview, { doc: prepared.doc, claims, onClaimClick: () => undefined })),
      ).body;
      // The editor's claim highlights are spans too (Decoration.inline).
      const firstViewProblems = markupProblems(firstView, { allowedTags: ["body", "span", ...EDITOR_TAGS] });
      if (!firstView.querySelector('[data-claim-id="claim-1"]')) firstViewProblems.push("no highlight drawn");
      for (const problem of [...documentJsonProblems(prepared.doc), ...editorMarkupProblems(prepared.doc), ...previewProblems, ...firstViewProblems]) {
        problems.push(`${payload} → ${problem}`);
      }
    }
    expect(problems).toEqual([]);
    // Payloads that carry text are kept (a lone `<script>` leaves nothing to import): the
    // checks above really saw them.
    expect(imported).toBeGreaterThan(XSS_PAYLOADS.length / 3);
  });

  it("keeps pasted text exactly as typed: a payload is words, not markup", async () => {
    const changed: string[] = [];
    for (const payload of XSS_PAYLOADS) {
      const prepared = await prepare({ text: payload });
      if (prepared?.text !== payload) changed.push(payload);
    }
    expect(changed).toEqual([]);
  });

  it("keeps the words around HTML payloads and drops their links to anything but http(s)", async () => {
    const prepared = await prepare({
      // The good link first: an unclosed `<textarea>` or `<noscript>` rightly swallows what follows.
      html: `<p><a href="https://example.org/ok">kept link</a></p><p>${XSS_PAYLOADS.map(wrapped).join("</p><p>")}</p>`,
    });
    expect(prepared).not.toBeNull();
    expect(prepared!.text).toContain("kept link");
    // Raw-text elements left open (`<textarea>`, `<iframe>`…) end the article there, as in a browser.
    expect(prepared!.text.match(/Before/g)?.length ?? 0).toBeGreaterThan(30);
    const hrefs: string[] = [];
    const visit = (node: JSONContent) => {
      for (const mark of node.marks ?? []) if (mark.type === "link") hrefs.push(String(mark.attrs?.href));
      for (const child of node.content ?? []) visit(child);
    };
    visit(prepared!.doc);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^https?:\/\//);
  });
});

/** A paragraph whose one text node carries `marks`. */
const linked = (marks: unknown[], text = "see this"): Record<string, unknown> => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text, marks }] }],
});
const paragraphOf = (node: unknown): Record<string, unknown> => ({ type: "doc", content: [{ type: "paragraph", content: [node] }] });

describe("hostile document JSON (revisions and imports with `doc`)", () => {
  const refused: Array<[string, Record<string, unknown>]> = [
    ...HOSTILE_URLS.map((href): [string, Record<string, unknown>] => [`a link to ${JSON.stringify(href)}`, linked([{ type: "link", attrs: { href } }])]),
    ["a link entity-encoded to javascript:", linked([{ type: "link", attrs: { href: "&#106;avascript:alert(1)" } }])],
    ["a relative link", linked([{ type: "link", attrs: { href: "/admin" } }])],
    ["a link without an address", linked([{ type: "link", attrs: { onclick: "alert(1)" } }])],
    ["a script node", { type: "doc", content: [{ type: "script", content: [{ type: "text", text: "alert(1)" }] }] }],
    ["an image node", paragraphOf({ type: "image", attrs: { src: "x", onerror: "alert(1)" } })],
    ["an iframe node", { type: "doc", content: [{ type: "iframe", attrs: { src: "javascript:alert(1)" } }] }],
    ["raw HTML as a node", { type: "doc", content: [{ type: "html", attrs: { html: "<img src=x onerror=alert(1)>" } }] }],
    ["an SVG node", { type: "doc", content: [{ type: "svg", attrs: { onload: "alert(1)" } }] }],
    ["a code block (not in the article schema)", { type: "doc", content: [{ type: "codeBlock", content: [{ type: "text", text: "x" }] }] }],
    ["a text style mark", linked([{ type: "textStyle", attrs: { style: "background:url(javascript:alert(1))" } }])],
    ["a highlight mark", linked([{ type: "highlight", attrs: { color: "red" } }])],
    ["a heading of level 1", { type: "doc", content: [{ type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "x" }] }] }],
    ["a heading level of markup", { type: "doc", content: [{ type: "heading", attrs: { level: "<img src=x onerror=alert(1)>" }, content: [{ type: "text", text: "x" }] }] }],
    [
      "a list numbered in markup",
      {
        type: "doc",
        content: [{ type: "orderedList", attrs: { start: "1\" onclick=\"alert(1)", type: "1" }, content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "x" }] }] }] }],
      },
    ],
    [
      "a list of an unknown numbering type",
      {
        type: "doc",
        content: [{ type: "orderedList", attrs: { start: 1, type: "javascript:alert(1)" }, content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "x" }] }] }] }],
      },
    ],
    ["a node that is not a doc", { type: "paragraph", content: [{ type: "text", text: "x" }] }],
    ["a text node with a NUL", paragraphOf({ type: "text", text: "a\u0000b" })],
  ];

  it.each(refused)("refuses %s with 422 and stores nothing", (_name, doc) => {
    let caught: unknown;
    try {
      checkedDocumentFromJSON(doc);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe("unprocessable");
  });

  const cleaned: Array<[string, Record<string, unknown>]> = [
    [
      "handler, style and class attributes on nodes",
      {
        type: "doc",
        content: [
          { type: "paragraph", attrs: { onclick: "alert(1)", style: "background:url(javascript:alert(1))", class: "x" }, content: [{ type: "text", text: "para" }] },
          { type: "heading", attrs: { level: 2, onmouseover: "alert(1)", id: "x\" onfocus=\"alert(1)" }, content: [{ type: "text", text: "head" }] },
          { type: "blockquote", attrs: { cite: "javascript:alert(1)" }, content: [{ type: "paragraph", content: [{ type: "text", text: "quote" }] }] },
        ],
      },
    ],
    [
      "extra attributes on a safe link and on other marks",
      linked([
        {
          type: "link",
          attrs: { href: "https://example.org/", target: "javascript:alert(1)", rel: "opener", class: "x\" onclick=\"alert(1)", onclick: "alert(1)", title: "<script>alert(1)</script>" },
        },
        { type: "bold", attrs: { onmouseover: "alert(1)" } },
      ]),
    ],
    ["a hard break with attributes", paragraphOf({ type: "hardBreak", attrs: { onclick: "alert(1)" } })],
    ...XSS_PAYLOADS.slice(0, 20).map((payload): [string, Record<string, unknown>] => [`the text ${JSON.stringify(payload.slice(0, 40))}`, paragraphOf({ type: "text", text: payload })]),
  ];

  it.each(cleaned)("accepts %s with nothing foreign left, and the editor draws nothing active", (_name, doc) => {
    const stored = checkedDocumentFromJSON(doc);
    expect(documentJsonProblems(stored.doc)).toEqual([]);
    // Text may say anything; no attribute may.
    const attributes = JSON.stringify(stored.doc, (key, value: unknown) => (key === "text" ? "" : value));
    expect(attributes).not.toMatch(/onclick|onmouseover|onfocus|javascript:|"style"|"cite"/);
    expect(editorMarkupProblems(stored.doc)).toEqual([]);
  });

  it("keeps payload text verbatim, so readers see exactly what was written", () => {
    for (const payload of XSS_PAYLOADS) {
      expect(checkedDocumentFromJSON(paragraphOf({ type: "text", text: payload })).text).toBe(payload);
    }
  });
});

/**
 * A published version made of every input at once: the corpus imported as HTML and as text, a
 * hostile document, and on top of it claims with hostile claimants, sources and rationales by
 * people with hostile names.
 */
async function hostileSnapshot(): Promise<VersionSnapshot> {
  const fromHtml = await prepare({ html: `<p>${XSS_PAYLOADS.map(wrapped).join("</p><p>")}</p>` });
  const fromText = await prepare({ text: XSS_PAYLOADS.join("\n\n") });
  const fromDoc = checkedDocumentFromJSON(
    linked([{ type: "link", attrs: { href: "https://example.org/a?q=%3Cscript%3E", onclick: "alert(1)", target: "_top" } }], "a safe link"),
  );
  const merged = checkedDocumentFromJSON({
    type: "doc",
    content: [...(fromHtml?.doc.content ?? []), ...(fromText?.doc.content ?? []), ...(fromDoc.doc.content ?? [])],
  });
  const text = merged.text;
  const person = (index: number) => ({ id: `user-${index}`, name: XSS_PAYLOADS[index % XSS_PAYLOADS.length]!.slice(0, 100) });
  const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1) + minutes * 60_000).toISOString();
  const claims: SnapshotClaimInput[] = [];
  // Every payload of the text import is claimed: it is the claim's quote, its claimant, the
  // source's title, publisher and excerpt, and the verdict's rationale.
  let from = text.indexOf(XSS_PAYLOADS[0]!, text.lastIndexOf("after."));
  XSS_PAYLOADS.forEach((payload, index) => {
    const start = text.indexOf(payload, from);
    if (start < 0) throw new Error(`payload ${index} is not in the text`);
    from = start + payload.length;
    const { quote, position } = describeRange(text, start, start + payload.length);
    const rationale =
      index % 2 === 0
        ? rationaleFromText(`${payload}\n\nSee ${payload}`)
        : rationaleFromJSON({
            type: "doc",
            content: [
              {
                type: "paragraph",
                content: [
                  { type: "text", text: payload },
                  { type: "text", text: " source", marks: [{ type: "link", attrs: { href: `https://example.org/r/${index}`, onclick: "alert(1)" } }, { type: "bold" }] },
                ],
              },
            ],
          });
    claims.push({
      id: `claim-${index}`,
      revisionId: "rev-1",
      status: "verified",
      ...quote,
      ...position,
      claimant: payload.slice(0, 200),
      createdAt: at(index),
      annotations: [
        {
          id: `source-${index}`,
          kind: "source",
          status: "approved",
          version: 1,
          author: person(index + 1),
          createdAt: at(index),
          url: `https://example.org/e/${index}?q=${encodeURIComponent(payload)}`,
          title: payload,
          publisher: payload.slice(0, 200),
          excerpt: payload,
          stance: "refutes",
        },
        {
          id: `verification-${index}`,
          kind: "verification",
          status: "approved",
          version: 1,
          author: person(index + 2),
          createdAt: at(index),
          verdict: "false",
          rationale: rationale.doc,
          rationaleText: rationale.text,
        },
      ],
    });
  });
  return buildSnapshot({
    articleId: "article-xss",
    number: 1,
    publishedAt: at(1_000),
    publishedBy: person(0),
    note: XSS_PAYLOADS.join(" "),
    article: { title: XSS_PAYLOADS[0]!, outlet: XSS_PAYLOADS[2]!, author: XSS_PAYLOADS[70]!, url: ARTICLE_URL, publishedAt: at(0) },
    revision: { id: "rev-1", number: 1, text, doc: merged.doc },
    claims,
  });
}

describe("the exports of a version made of the corpus", async () => {
  const snapshot = await hostileSnapshot();

  it("holds every payload as a verified claim (the checks below see them all)", () => {
    expect(snapshot.claims).toHaveLength(XSS_PAYLOADS.length);
    expect(snapshot.claims.every((claim) => claim.status === "verified")).toBe(true);
  });

  it("public page: the article and its notes render nothing active, and every payload shows as text", () => {
    const numbers = noteNumbers(snapshot.claims);
    const markup = renderToStaticMarkup(
      createElement("div", null, createElement(PublishedArticle, { snapshot, numbers }), createElement(VersionNotes, { claims: snapshot.claims, numbers, corrections: [] })),
    );
    const body = parseDocument(markup).body;
    expect(markupProblems(body)).toEqual([]);
    const article = body.querySelector('[data-testid="published-article"]')!;
    expect(markupProblems(article, { allowedTags: ["div", "p", "h2", "h3", "blockquote", "ul", "ol", "li", "a", "strong", "em", "br", "mark", "span", "sup"] })).toEqual([]);
    for (const payload of XSS_PAYLOADS) expect(body.textContent).toContain(payload);
    expect(article.querySelectorAll("mark[data-claim-id]").length).toBeGreaterThanOrEqual(XSS_PAYLOADS.length);
  });

  it("html: nothing active in body or head, and every payload shows as text", () => {
    const html = exportHtml(snapshot, CONTEXT);
    expect(htmlExportProblems(html)).toEqual([]);
    const body = parseDocument(html).body.textContent ?? "";
    for (const payload of XSS_PAYLOADS) expect(body).toContain(payload);
  });

  it("html: the ClaimReview JSON-LD escapes every < and still reads back the payloads", () => {
    const html = exportHtml(snapshot, CONTEXT);
    const [block = ""] = jsonLdBlocks(html);
    expect(block).not.toMatch(/[<>]/);
    const reviews = JSON.parse(block) as Array<{ claimReviewed: string; reviewBody: string; itemReviewed: { author: { name: string } } }>;
    expect(reviews.map((review) => review.claimReviewed)).toEqual([...XSS_PAYLOADS]);
    expect(reviews.some((review) => review.reviewBody.includes("</script><script>alert(1)</script>"))).toBe(true);
    expect(jsonUrlProblems(reviews)).toEqual([]);
  });

  it("markdown: no link to anything but http(s)/mailto, and a Markdown renderer makes nothing active of it", () => {
    const markdown = exportMarkdown(snapshot, CONTEXT);
    expect(markdownProblems(markdown)).toEqual([]);
    // The payloads reach the reader as the words they are.
    const rendered = renderMarkdown(markdown).textContent ?? "";
    for (const payload of ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "<svg/onload=alert('XSS')>"]) {
      expect(rendered).toContain(payload);
    }
  });

  it("w3c: parses, every address is http(s), and the payloads are plain text values", () => {
    const w3c = JSON.parse(exportW3c(snapshot, CONTEXT)) as { total: number; first: { items: Array<{ body: Array<{ value?: string }> }> } };
    expect(w3c.total).toBe(XSS_PAYLOADS.length * 2);
    expect(jsonUrlProblems(w3c)).toEqual([]);
    const values = w3c.first.items.flatMap((item) => item.body.map((body) => body.value ?? ""));
    expect(values).toContain(snapshot.claims[0]!.verifications[0]!.rationaleText);
  });

  it("claimreview: parses, every address is http(s)", () => {
    const reviews = JSON.parse(exportClaimReview(snapshot, CONTEXT)) as unknown[];
    expect(reviews).toHaveLength(XSS_PAYLOADS.length);
    expect(jsonUrlProblems(reviews)).toEqual([]);
  });

  it("the audits themselves catch what they look for", () => {
    expect(markupProblems(parseDocument(`<p onclick="x">a</p><a href=" java\tscript:x">b</a><img src=x>`).body).length).toBe(3);
    expect(htmlExportProblems(`<html><head><style></style><script type="application/ld+json">{"a":"</script><script>alert(1)</script>"}</script></head><body></body></html>`)).not.toEqual([]);
    // The raw link target, the rendered href, the <img> and its handler.
    expect(markdownProblems("[x](JavaScript:alert(1)) <img src=x onerror=alert(1)>")).toHaveLength(4);
    expect(markdownProblems("\\[x\\](javascript:alert(1))")).toEqual([]);
    expect(jsonUrlProblems({ url: "javascript:alert(1)", nested: [{ id: "data:text/html,x" }], name: "javascript:ok as text" })).toHaveLength(2);
  });
});
