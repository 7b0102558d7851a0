/**
 * Import from a URL on saved news pages of different layouts (tests/fixtures/web/pages): the
 * article's text arrives whole through the import path, the clutter around it does not, and
 * the metadata are read from JSON-LD, Open Graph or meta tags.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeHtml, extractWebArticle } from "@/lib/articles/import/extract-web-page";
import { prepareWebArticleDocument } from "@/lib/articles/import/prepare-article-document";
import { FIXTURE_PAGES_DIR } from "@/tests/fixtures/web/server";

interface Expected {
  paragraphs: string[];
  /** Headings and list items that must be kept too. */
  also?: string[];
  clutter: string[];
  title: string;
  author: string;
  outlet: string;
  publishedAt: string;
  encoding?: string;
}

const expected = JSON.parse(fs.readFileSync(path.join(FIXTURE_PAGES_DIR, "expected.json"), "utf8")) as Record<string, Expected>;
const charsetOf = (name: string) => (expected[name]?.encoding === "latin1" ? null : "utf-8");

function load(name: string) {
  const bytes = fs.readFileSync(path.join(FIXTURE_PAGES_DIR, name));
  const article = extractWebArticle(decodeHtml(bytes, charsetOf(name)), `https://news.example/${name}`);
  const stored = prepareWebArticleDocument(article.contentHtml, `https://news.example/${name}`);
  return { article, stored };
}

describe("import from a web page", () => {
  it("has at least 8 saved pages of different layouts", () => {
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(8);
  });

  describe.each(Object.entries(expected))("%s", (name, page) => {
    const { article, stored } = load(name);

    it("keeps every paragraph of the article, in order", () => {
      let from = 0;
      for (const paragraph of page.paragraphs) {
        const at = stored.text.indexOf(paragraph, from);
        expect(at, paragraph).toBeGreaterThanOrEqual(from);
        from = at + paragraph.length;
      }
      for (const part of page.also ?? []) expect(stored.text, part).toContain(part);
    });

    it("leaves out navigation, banners, related links and comments", () => {
      for (const clutter of page.clutter) expect(stored.text, clutter).not.toContain(clutter);
    });

    it("reads the title, author, outlet and publication date", () => {
      expect(article.title).toBe(page.title);
      expect(article.author).toBe(page.author);
      expect(article.outlet).toBe(page.outlet);
      expect(article.publishedAt).toBe(page.publishedAt);
    });
  });

  it("finds no article on a front page of teasers", () => {
    const html = fs.readFileSync(path.join(FIXTURE_PAGES_DIR, "front-page.html"), "utf8");
    expect(extractWebArticle(html, "https://news.example/").text.length).toBeLessThan(250);
  });

  it("keeps no script, style or event handler of the page", () => {
    const html = `<html><head><title>T</title></head><body><article><h1>T</h1>${"<p onclick=\"alert(1)\">Residents of the valley were told on Friday that the water tariff would rise by eight per cent from April, the council said in a statement. <script>alert(2)</script><a href=\"javascript:alert(3)\">link</a></p>".repeat(4)}</article></body></html>`;
    const { contentHtml } = extractWebArticle(html, "https://news.example/x");
    const stored = prepareWebArticleDocument(contentHtml, "https://news.example/x");
    const serialized = JSON.stringify(stored.doc);
    expect(serialized).not.toMatch(/alert|javascript:|onclick/);
  });
});
