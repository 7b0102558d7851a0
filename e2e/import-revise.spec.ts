import path from "node:path";
import { expect, test } from "./fixtures";
import { selectWithMouse } from "./helpers";

const ARTICLE_TEXT = '[data-testid="article-text"]';
const DOCX = path.resolve(import.meta.dirname, "../tests/fixtures/import/article.docx");
const CLAIM = "would cost 42 million euros";
const CLAIMED_SENTENCE = "Council leader Mara Jensen said the terminal would cost 42 million euros and open in 2027.";

test("erin imports a .docx, alice marks a claim, erin corrects the text around it and then rewrites it", async ({ page, desk }) => {
  const title = `Ferry terminal ${Date.now().toString(36)}`;

  // Erin imports the Word file through the import page, checking the preview first.
  await desk.signIn(page, await desk.user("editor"));
  await page.goto("/articles");
  await page.getByRole("link", { name: "Import article" }).click();
  await expect(page.getByRole("heading", { name: "Import article" })).toBeVisible();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Outlet").fill("Harbour Gazette");
  await page.getByLabel("URL").fill("https://gazette.example/ferry");
  await page.getByLabel("File", { exact: true }).setInputFiles(DOCX);
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText(CLAIMED_SENTENCE);
  await expect(preview.getByRole("heading", { name: "Next steps" })).toBeVisible();
  await expect(preview.getByRole("link", { name: "Read the council minutes" })).toHaveAttribute("href", "https://council.example/minutes");
  // The javascript: link of the file keeps its text and loses its address.
  await expect(preview.getByText("click here")).toBeVisible();
  await expect(preview.getByRole("link", { name: "click here" })).toHaveCount(0);
  await expect(page.getByText(/link with an address other than http, https or mailto removed/)).toBeVisible();
  await page.getByRole("button", { name: "Import article" }).click();
  await expect(page).toHaveURL(/\/articles\/(?!new$)[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.locator(ARTICLE_TEXT)).toContainText(CLAIMED_SENTENCE);
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  const articleId = new URL(page.url()).pathname.split("/").at(-1)!;

  // Alice, a reviewer, marks a claim through the API; she cannot edit the text.
  const alice = await desk.page(await desk.user());
  const { origin } = desk.headers;
  const article = (await (await alice.request.get(`/api/articles/${articleId}`)).json()) as { revision: { text: string; number: number } };
  const start = article.revision.text.indexOf(CLAIM);
  const response = await alice.request.post(`/api/articles/${articleId}/claims`, {
    data: { exact: CLAIM, start, end: start + CLAIM.length, revision: article.revision.number, claimant: "Mara Jensen" },
    headers: { origin },
  });
  expect(response.status()).toBe(201);
  const { id: claimId } = (await response.json()) as { id: string };
  await alice.goto(`/articles/${articleId}`);
  await expect(alice.locator(`${ARTICLE_TEXT} [data-claim-id="${claimId}"]`)).toHaveText(CLAIM);
  await expect(alice.getByRole("button", { name: "Edit text" })).toHaveCount(0);
  const refused = await alice.request.post(`/api/articles/${articleId}/revisions`, {
    data: { text: "Nope.", baseRevision: 1 },
    headers: { origin },
  });
  expect(refused.status()).toBe(403);

  // Erin sees the claim arrive live, then corrects a sentence before it in edit mode.
  const highlight = page.locator(`${ARTICLE_TEXT} [data-claim-id="${claimId}"]`);
  await expect(highlight).toHaveText(CLAIM, { timeout: 5_000 });
  await page.getByRole("button", { name: "Edit text" }).click();
  await expect(page.getByRole("toolbar", { name: "Formatting" })).toBeVisible();
  // Select the word and type over it, as an editor fixing a sentence would.
  await selectWithMouse(page, ARTICLE_TEXT, "Tuesday");
  await page.keyboard.type("Tuesday evening");
  await expect(page.locator(ARTICLE_TEXT)).toContainText("voted on Tuesday evening to approve");
  // While editing, the highlight follows the text.
  await expect(highlight).toHaveText(CLAIM);
  await page.getByRole("button", { name: "Save revision" }).click();
  await expect(page.getByTestId("revision-notice")).toContainText("Saved revision 2.");
  await expect(page.getByTestId("revision-number")).toHaveText("2");
  await expect(page.locator(`${ARTICLE_TEXT}[aria-readonly="true"]`)).toBeVisible();
  // Still highlighted on the same words, now on revision 2, and still there after a reload.
  await expect(highlight).toHaveText(CLAIM);
  await page.reload();
  await expect(page.locator(ARTICLE_TEXT)).toContainText("voted on Tuesday evening to approve");
  await expect(highlight).toHaveText(CLAIM);

  // Erin rewrites the claimed sentence: the claim can no longer be found and shows as orphaned.
  await page.getByRole("button", { name: "Edit text" }).click();
  await page.locator(ARTICLE_TEXT).getByText("Council leader Mara Jensen").click({ clickCount: 3, position: { x: 4, y: 6 } });
  await page.keyboard.type("A spokesperson declined to give a cost estimate.");
  await page.getByRole("button", { name: "Save revision" }).click();
  await expect(page.getByTestId("revision-notice")).toContainText("Saved revision 3.");
  await expect(page.locator(ARTICLE_TEXT)).toContainText("A spokesperson declined to give a cost estimate.");
  await expect(page.locator(ARTICLE_TEXT)).not.toContainText("Mara Jensen");
  await expect(highlight).toHaveCount(0);
  const orphaned = page.getByTestId("orphaned-claims");
  await expect(orphaned.getByRole("heading", { name: "Orphaned claims" })).toBeVisible();
  await expect(orphaned.locator(`li[data-claim-id="${claimId}"]`).getByTestId("orphaned-quote")).toHaveText(CLAIM);

  // The history keeps every revision readable, with the changes between them.
  await page.getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("heading", { name: "Revision 2 → revision 3" })).toBeVisible();
  const diff = page.getByTestId("revision-diff");
  await expect(diff.locator("del", { hasText: "Jensen" })).toBeVisible();
  await expect(diff.locator("ins", { hasText: "spokesperson" })).toBeVisible();
  await page.getByRole("link", { name: /^Revision 1/ }).click();
  await expect(page.getByTestId("revision-text")).toContainText(CLAIMED_SENTENCE);
});

test("a reviewer is told that importing is for editors", async ({ page, desk }) => {
  await desk.signIn(page, await desk.user());
  await page.goto("/articles");
  await expect(page.getByRole("link", { name: "Import article" })).toHaveCount(0);
  await page.goto("/articles/new");
  await expect(page.getByRole("heading", { name: "Only editors import articles" })).toBeVisible();
});

test("the import and revision API answers with the documented statuses", async ({ page, desk }) => {
  await desk.signIn(page, await desk.user("editor"));
  const { origin } = desk.headers;
  const post = (url: string, data: unknown) => page.request.post(url, { data, headers: { origin } });

  // Import from pasted HTML: what could run is gone, the text stays.
  const created = await post("/api/articles", {
    title: `API import ${Date.now().toString(36)}`,
    html: '<h1 onclick="x()">Budget</h1><p>The deficit is <a href="javascript:alert(1)">3%</a> of output.</p><script>alert(1)</script>',
  });
  expect(created.status()).toBe(201);
  const article = (await created.json()) as { id: string; revision: { number: number; text: string; doc: unknown } };
  expect(article.revision.text).toBe("Budget\n\nThe deficit is 3% of output.");
  expect(JSON.stringify(article.revision.doc)).not.toMatch(/javascript|script|onclick/);

  // Files of other types and oversized bodies are refused with their own statuses.
  const pdf = await post("/api/articles/preview", { file: { name: "report.pdf", contentBase64: "JVBERi0=" } });
  expect(pdf.status()).toBe(415);
  const huge = await post("/api/articles/preview", { text: "x".repeat(5_100_000) });
  expect(huge.status()).toBe(413);

  // A document with a javascript: link never reaches the database: 422.
  const hostile = await post(`/api/articles/${article.id}/revisions`, {
    baseRevision: 1,
    doc: {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] }],
    },
  });
  expect(hostile.status()).toBe(422);
  expect(((await hostile.json()) as { error: { code: string } }).error.code).toBe("unprocessable");

  // A correction: 201; the same base again: 409 with the current revision.
  const revised = await post(`/api/articles/${article.id}/revisions`, { text: "Budget\n\nThe deficit is 3.2% of output.", baseRevision: 1 });
  expect(revised.status()).toBe(201);
  expect(await revised.json()).toMatchObject({ number: 2, claims: { orphaned: 0 } });
  const stale = await post(`/api/articles/${article.id}/revisions`, { text: "Budget\n\nSomething else.", baseRevision: 1 });
  expect(stale.status()).toBe(409);
  expect(await stale.json()).toMatchObject({ error: { code: "stale_version", currentRevision: 2 } });

  // Every revision stays readable.
  const list = (await (await page.request.get(`/api/articles/${article.id}/revisions`)).json()) as { items: Array<{ number: number }> };
  expect(list.items.map((item) => item.number)).toEqual([2, 1]);
  const first = await page.request.get(`/api/articles/${article.id}/revisions/1`);
  expect(((await first.json()) as { text: string }).text).toBe("Budget\n\nThe deficit is 3% of output.");
  expect((await page.request.get(`/api/articles/${article.id}/revisions/9`)).status()).toBe(404);

  // Only an orphaned claim can be re-attached.
  const text = "The deficit is 3.2% of output.";
  const start = "Budget\n\n".length;
  const claim = await post(`/api/articles/${article.id}/claims`, { exact: text, start, end: start + text.length, revision: 2 });
  expect(claim.status()).toBe(201);
  const { id: claimId } = (await claim.json()) as { id: string };
  const reattach = await post(`/api/claims/${claimId}/reattach`, { exact: text, start, end: start + text.length, revision: 2 });
  expect(reattach.status()).toBe(409);
});
