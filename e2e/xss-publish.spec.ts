/**
 * The XSS corpus from import to publication: an editor imports it (pasted HTML and text, the
 * preview, .html and .md files), corrects the article with hostile document JSON and pastes
 * it into the editor; reviewers with hostile names check claims over payload text with hostile
 * annotations; the editor publishes. Then the editor, the public page and all four exports are
 * read: no script dialog in Chromium, no handler attribute, no javascript:/data: address, no
 * `<` inside JSON-LD. tests/security/xss-pipeline.test.ts holds the same checks per payload on
 * the pure functions; this test proves the HTTP API and the pages wire them up.
 */
import type { BrowserContext, Page } from "@playwright/test";
import type { JSONContent } from "@tiptap/core";
import { XSS_PAYLOADS } from "../tests/security/xss-payloads";
import {
  documentJsonProblems,
  htmlExportProblems,
  jsonLdBlocks,
  jsonUrlProblems,
  markdownProblems,
  markupProblems,
} from "../tests/security/xss-audit";
import { expect, test, type Desk } from "./fixtures";

const ARTICLE_TEXT = '[data-testid="article-text"]';
const SENTENCE = "The port authority said cargo volumes doubled in 2025.";
/** A payload the test claims, so it travels as claim text into every export. */
const CLAIMED_PAYLOAD = "</script><script>alert(1)</script>";

/** A browser context whose script dialogs, from any of its pages, land in `dialogs`. */
async function watchedContext(desk: Desk, dialogs: string[]): Promise<BrowserContext> {
  const context = await desk.context();
  context.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return context;
}

/**
 * What on an app page could run script: any active element in the article text (`region`);
 * inside `main`, active elements other than the page's own controls, icons and disclosures;
 * and handler or script URL attributes anywhere.
 */
async function pageProblems(page: Page, region: string): Promise<string[]> {
  const inText = await page.locator(region).evaluate(markupProblems, {});
  const inMain = await page
    .locator("main")
    .evaluate(markupProblems, { ignoreTags: ["form", "input", "textarea", "select", "template", "svg", "details"] });
  const anywhere = await page.locator("html").evaluate(markupProblems, { scripts: false, tags: false });
  return [...inText, ...inMain, ...anywhere];
}

/** Text of every text node in a document, in order. */
function docText(doc: JSONContent): string {
  return (doc.content ?? []).map((node) => node.text ?? docText(node)).join(" ");
}

test("the corpus imported, pasted and written as documents and annotations publishes into pages and exports where nothing runs", async ({ desk, baseURL }) => {
  test.setTimeout(180_000);
  const origin = baseURL ?? "";
  const dialogs: string[] = [];

  // Two reviewers whose names are payloads, and the editor, signed in side by side.
  const reviewer = async (name: string) => {
    const page = await (await watchedContext(desk, dialogs)).newPage();
    await desk.signIn(page, await desk.user("reviewer", name));
    await page.goto("/articles");
    return page;
  };
  const editorPage = async () => {
    const page = await (await watchedContext(desk, dialogs)).newPage();
    await desk.signIn(page, await desk.user("editor"));
    await page.goto("/articles");
    return page;
  };
  const [checker, approver, erin] = await Promise.all([
    reviewer(`<img src=x onerror=alert("reviewer")>`),
    reviewer(`"><svg/onload=alert("approver")>`),
    editorPage(),
  ]);
  const post = async (page: Page, path: string, data: unknown, status?: number) => {
    const response = await page.request.post(path, { data, headers: { origin } });
    const message = `${path}: ${(await response.text()).slice(0, 300)}`;
    if (status === undefined) expect(response.status(), message).toBeLessThan(300);
    else expect(response.status(), message).toBe(status);
    return (await response.json()) as Record<string, unknown>;
  };

  // Import: the preview and every import path keep text and drop everything active.
  const html = `<h2 onclick="alert('h2')">Port figures</h2><p>${SENTENCE}</p><p>${XSS_PAYLOADS.join("</p><p>")}</p>`;
  const asFile = (name: string, content: string) => ({ file: { name, contentBase64: Buffer.from(content).toString("base64") } });
  for (const source of [
    { html },
    { text: XSS_PAYLOADS.join("\n\n") },
    asFile("hostile.html", `<!DOCTYPE html><html><body>${html}</body></html>`),
    asFile("hostile.md", `# Port figures\n\n${SENTENCE}\n\n${XSS_PAYLOADS.join("\n\n")}\n`),
  ]) {
    const preview = await post(erin, "/api/articles/preview", { ...source, url: "https://port.example/news" });
    expect(documentJsonProblems(preview.doc as JSONContent)).toEqual([]);
  }
  const fromText = await post(erin, "/api/articles", { title: XSS_PAYLOADS[0], text: XSS_PAYLOADS.join("\n\n") });
  expect((fromText.revision as { text: string }).text).toBe(XSS_PAYLOADS.join("\n\n"));
  const article = await post(erin, "/api/articles", {
    title: `<script>alert("title")</script> Port ${Date.now().toString(36)}`,
    html,
    outlet: `<img src=x onerror=alert("outlet")>`,
    author: `<svg onload=alert("author")>`,
    url: "https://port.example/news?q=%3Cscript%3E",
  });
  const articleId = article.id as string;
  const imported = article.revision as { doc: JSONContent };
  expect(documentJsonProblems(imported.doc)).toEqual([]);

  // Document JSON: foreign nodes, marks and addresses are refused; foreign attributes dropped.
  const paragraph = (content: unknown[]) => ({ type: "doc", content: [...(imported.doc.content ?? []), { type: "paragraph", content }] });
  for (const doc of [
    paragraph([{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "JaVaScRiPt:alert(1)" } }] }]),
    paragraph([{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==" } }] }]),
    paragraph([{ type: "image", attrs: { src: "x", onerror: "alert(1)" } }]),
    { type: "doc", content: [{ type: "script", content: [{ type: "text", text: "alert(1)" }] }] },
    paragraph([{ type: "text", text: "x", marks: [{ type: "textStyle", attrs: { style: "background:url(javascript:alert(1))" } }] }]),
    { type: "doc", content: [{ type: "heading", attrs: { level: "1 onclick=alert(1)" }, content: [{ type: "text", text: "x" }] }] },
  ]) {
    await post(erin, `/api/articles/${articleId}/revisions`, { doc, baseRevision: 1 }, 422);
  }
  const hostileDoc = {
    type: "doc",
    content: [
      ...(imported.doc.content ?? []),
      { type: "paragraph", attrs: { onclick: "alert('p')", style: "x:expression(alert(1))" }, content: [{ type: "text", text: CLAIMED_PAYLOAD }] },
      ...XSS_PAYLOADS.map((payload) => ({ type: "paragraph", content: [{ type: "text", text: payload }] })),
      {
        type: "paragraph",
        content: [
          {
            type: "text",
            text: "port statistics",
            marks: [{ type: "link", attrs: { href: "https://port.example/stats", onclick: "alert('link')", target: "javascript:alert(1)", class: "x\" onmouseover=\"alert(1)" } }],
          },
        ],
      },
    ],
  };
  const revised = await post(erin, `/api/articles/${articleId}/revisions`, { doc: hostileDoc, baseRevision: 1 });
  expect(revised).toMatchObject({ number: 2 });

  // Pasted HTML in edit mode: the editor shows the words, runs nothing, and saves a clean document.
  await erin.goto(`/articles/${articleId}`);
  await erin.getByRole("button", { name: "Edit text" }).click();
  await expect(erin.getByRole("toolbar", { name: "Formatting" })).toBeVisible();
  const editor = erin.locator(ARTICLE_TEXT);
  await editor.getByText("port statistics").click();
  await erin.keyboard.press("End");
  const pasted = `<p>Pasted start.</p>${XSS_PAYLOADS.slice(0, 60).map((payload) => `<p>Pasted ${payload} end.</p>`).join("")}`;
  const paste = (clipboard: Record<string, string>) =>
    editor.evaluate((element, items) => {
      const data = new DataTransfer();
      for (const [type, value] of Object.entries(items)) data.setData(type, value);
      element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, clipboard);
  await paste({ "text/html": pasted, "text/plain": "plain fallback" });
  await expect(editor).toContainText("Pasted start.");
  // Plain text is pasted as the words it is.
  const plain = `Plain paste <img src=x onerror=alert("plain")> ${XSS_PAYLOADS[40]}`;
  await paste({ "text/plain": plain });
  await expect(editor).toContainText(plain);
  expect((await editor.textContent())?.match(/Pasted /g)?.length ?? 0).toBeGreaterThan(10);
  expect(await editor.evaluate(markupProblems, {})).toEqual([]);
  await erin.getByRole("button", { name: "Save revision" }).click();
  await expect(erin.getByTestId("revision-notice")).toContainText("Saved revision 3.");

  const current = (await (await erin.request.get(`/api/articles/${articleId}`)).json()) as {
    revision: { number: number; text: string; doc: JSONContent };
  };
  expect(current.revision.number).toBe(3);
  expect(documentJsonProblems(current.revision.doc)).toEqual([]);
  expect(current.revision.text).toContain("Pasted start.");
  expect(docText(current.revision.doc)).toContain(CLAIMED_PAYLOAD);

  // Two claims, one of them on payload text, each checked with hostile annotations and approved.
  const claimIds: string[] = [];
  for (const [exact, claimant] of [
    [SENTENCE, `<script>alert("claimant")</script>`],
    [CLAIMED_PAYLOAD, `<a href="javascript:alert('claimant')">Port</a>`],
  ] as const) {
    const start = current.revision.text.indexOf(exact);
    expect(start).toBeGreaterThanOrEqual(0);
    const claim = await post(checker, `/api/articles/${articleId}/claims`, { exact, start, end: start + exact.length, revision: 3, claimant });
    claimIds.push(claim.id as string);
    const source = await post(checker, `/api/claims/${claim.id}/annotations`, {
      kind: "source",
      url: `https://port.example/evidence?q=${encodeURIComponent(`"><script>alert(1)</script>`)}`,
      title: `<img src=x onerror=alert("title")>`,
      publisher: `<svg><script>alert("publisher")</script></svg>`,
      excerpt: `</script><script>alert("excerpt")</script>`,
      stance: "refutes",
    });
    const verdict = await post(checker, `/api/claims/${claim.id}/annotations`, {
      kind: "verification",
      verdict: "false",
      rationale: {
        type: "doc",
        content: [
          {
            type: "paragraph",
            content: [
              { type: "text", text: `<iframe src="javascript:alert('rationale')"></iframe> see ` },
              { type: "text", text: "the register", marks: [{ type: "link", attrs: { href: "https://port.example/register", onclick: "alert(1)" } }] },
            ],
          },
        ],
      },
    });
    for (const annotation of [source, verdict]) {
      await post(checker, `/api/annotations/${annotation.id}/submit`, {});
      await post(approver, `/api/annotations/${annotation.id}/reviews`, { decision: "approve", comment: `<img src=x onerror=alert("review")>`, version: 1 });
      await post(approver, `/api/annotations/${annotation.id}/replies`, { body: `[x](javascript:alert("reply"))` });
    }
  }

  const version = await post(erin, `/api/articles/${articleId}/versions`, { note: `<script>alert("note")</script>` });
  const number = version.number as number;

  // The editor, with everything in it: nothing runs, nothing active in the article text.
  await erin.goto(`/articles/${articleId}`);
  // A long article: give the editor time to load it on a busy machine.
  await expect(editor.locator(`[data-claim-id="${claimIds[1]}"]`).first()).toHaveText(CLAIMED_PAYLOAD, { timeout: 30_000 });
  await erin.getByRole("complementary", { name: "Claims panel" }).locator(`button[data-claim-id="${claimIds[1]}"]`).click();
  await expect(erin.getByTestId("claim-detail")).toContainText(`<img src=x onerror=alert("title")>`);
  expect(await pageProblems(erin, ARTICLE_TEXT)).toEqual([]);

  // The public page, read by a visitor who is not signed in.
  const visitor = await (await watchedContext(desk, dialogs)).newPage();
  await visitor.goto(`/v/${articleId}/${number}`);
  const published = visitor.getByTestId("published-article");
  await expect(published.locator(`mark#claim-${claimIds[1]}`)).toHaveText(CLAIMED_PAYLOAD);
  await expect(published).toContainText("Pasted start.");
  await expect(visitor.locator(`#note-${claimIds[0]}`)).toContainText(`<script>alert("claimant")</script>`);
  await expect(visitor.getByTestId("version-banner")).toContainText(`<script>alert("note")</script>`);
  await visitor.locator(`#note-${claimIds[1]}`).hover();
  await published.locator("mark").first().hover();
  expect(await pageProblems(visitor, '[data-testid="published-article"]')).toEqual([]);

  // Every export.
  const exported = async (format: string) => {
    const response = await visitor.request.get(`/api/articles/${articleId}/versions/${number}/export?format=${format}`);
    expect(response.status()).toBe(200);
    return response.text();
  };
  const htmlExport = await exported("html");
  expect(htmlExportProblems(htmlExport)).toEqual([]);
  const [jsonLd = ""] = jsonLdBlocks(htmlExport);
  const embedded = JSON.parse(jsonLd) as Array<{ claimReviewed: string }>;
  expect(embedded.map((review) => review.claimReviewed)).toContain(CLAIMED_PAYLOAD);
  // Opened as a file would be, without its Content-Security-Policy, so only the markup itself
  // stands between a payload and a running script.
  const reader = await (await watchedContext(desk, dialogs)).newPage();
  await reader.setContent(htmlExport.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ""));
  await expect(reader.locator(`mark#claim-${claimIds[1]}`)).toHaveText(CLAIMED_PAYLOAD);
  await reader.locator("mark").first().hover();
  expect(await reader.locator("body").evaluate(markupProblems, { allowedTags: undefined })).toEqual([]);

  const markdown = await exported("markdown");
  expect(markdownProblems(markdown)).toEqual([]);
  expect(markdown).toContain("\\</script\\>\\<script\\>alert(1)\\</script\\>");

  for (const format of ["w3c", "claimreview"]) {
    const json = JSON.parse(await exported(format)) as unknown;
    expect(jsonUrlProblems(json), format).toEqual([]);
    expect(JSON.stringify(json)).toContain(JSON.stringify(CLAIMED_PAYLOAD).slice(1, -1));
  }

  expect(dialogs).toEqual([]);
});
