/**
 * Import from a URL through the use cases, against fixture pages served on 127.0.0.1 (the one
 * address allowed through FACTDESK_FETCH_ALLOW here): the preview shows the page's article and
 * metadata, `{url}` alone imports it, and every page that cannot be used answers 422 with its
 * reason, storing nothing.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createArticle } from "@/lib/articles/create-article";
import { previewArticle } from "@/lib/articles/preview-article";
import { getArticle } from "@/lib/articles/get-article";
import { html, startFixtureServer, type FixtureServer } from "@/tests/fixtures/web/server";
import { makeUser } from "./factories";

let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
  server.route("/moved", (_request, response) => {
    response.writeHead(301, { location: "/pages/classic-jsonld.html" });
    response.end();
  });
  server.route("/missing", html("<h1>Not here</h1>", 404));
  server.route("/slow", () => {
    // never answers
  });
  server.route("/pdf", (_request, response) => {
    response.writeHead(200, { "content-type": "application/pdf" });
    response.end("%PDF");
  });
});
afterAll(() => server.close());
beforeEach(() => vi.stubEnv("FACTDESK_FETCH_ALLOW", "127.0.0.1"));
afterEach(() => vi.unstubAllEnvs());

describe("import from a URL", () => {
  it("previews the article and what the page says about it", async () => {
    const editor = await makeUser("editor");
    const preview = await previewArticle({ actor: editor, input: { url: `${server.origin}/moved` } });
    expect(preview.origin).toBe("url");
    expect(preview.page).toMatchObject({
      url: `${server.origin}/pages/classic-jsonld.html`,
      title: "Housing reform passes after long debate",
      author: "Maria Lindqvist",
      outlet: "The Harbour Gazette",
      publishedAt: "2026-03-02T07:15:00.000Z",
    });
    expect(preview.suggestedTitle).toBe("Housing reform passes after long debate");
    expect(preview.text).toContain("The housing reform was announced on Monday");
    expect(preview.text).not.toContain("Accept all cookies");
  });

  it("imports from {url} alone, with the page's metadata, and records where it came from", async () => {
    const editor = await makeUser("editor");
    const { id } = await createArticle({ actor: editor, input: { url: `${server.origin}/pages/div-soup-opengraph.html` } });
    const article = await getArticle({ actor: editor, id });
    expect(article).toMatchObject({ title: "Water tariff to rise by 8 per cent", outlet: "Valley Courier", author: "Tomás Ferreira" });
    expect(article.revision.text).toContain("The water tariff was announced on Monday");
    const event = await db.auditEvent.findFirst({ where: { targetId: id, action: "article.imported" } });
    expect(event?.after).toMatchObject({ origin: "url", url: `${server.origin}/pages/div-soup-opengraph.html` });
  });

  it("lets the editor's own title and outlet win over the page's", async () => {
    const editor = await makeUser("editor");
    const { id } = await createArticle({
      actor: editor,
      input: { url: `${server.origin}/pages/live-updates.html`, title: "Count night", outlet: "Wire" },
    });
    expect(await getArticle({ actor: editor, id })).toMatchObject({ title: "Count night", outlet: "Wire", author: "Newsdesk" });
  });

  it.each([
    ["/missing", "http_status"],
    ["/pdf", "content_type"],
    ["/pages/front-page.html", "not_an_article"],
  ])("answers 422 for %s (%s) and stores nothing", async (pathname, reason) => {
    const editor = await makeUser("editor");
    const before = await db.article.count();
    await expect(createArticle({ actor: editor, input: { url: `${server.origin}${pathname}` } })).rejects.toMatchObject({
      code: "unprocessable",
      details: { reason },
    });
    await expect(previewArticle({ actor: editor, input: { url: `${server.origin}${pathname}` } })).rejects.toMatchObject({
      code: "unprocessable",
      details: { reason },
    });
    expect(await db.article.count()).toBe(before);
  });

  it("refuses a loopback address that is not allowed, without fetching it", async () => {
    const editor = await makeUser("editor");
    const requests = server.requests.length;
    await expect(
      createArticle({ actor: editor, input: { url: `http://127.0.0.2:${server.port}/pages/classic-jsonld.html` } }),
    ).rejects.toMatchObject({ code: "unprocessable", details: { reason: "refused_address" } });
    expect(server.requests.length).toBe(requests);
  });

  it("is for editors only: a reviewer's request fetches nothing", async () => {
    const reviewer = await makeUser("reviewer");
    const requests = server.requests.length;
    await expect(previewArticle({ actor: reviewer, input: { url: `${server.origin}/pages/classic-jsonld.html` } })).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(server.requests.length).toBe(requests);
  });

  it("still needs a title when text is pasted", async () => {
    const editor = await makeUser("editor");
    await expect(createArticle({ actor: editor, input: { text: "Body." } })).rejects.toMatchObject({
      code: "invalid_input",
      fields: { title: "Enter a title." },
    });
  });
});
