import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";

/** Violations a reader would hit; minor and moderate ones are reported but do not fail. */
async function seriousViolations(page: import("@playwright/test").Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({ id: violation.id, impact: violation.impact, nodes: violation.nodes.map((node) => node.target.join(" ")) }));
}

test("the sign-in page has no serious accessibility violations", async ({ page }) => {
  await page.goto("/signin");
  expect(await seriousViolations(page)).toEqual([]);
});

test("the article page, with claims and an open claim, has no serious accessibility violations", async ({ page, desk }) => {
  const article = await desk.article();
  await desk.signIn(page, await desk.user());
  await page.goto("/articles");
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("link", { name: article.title }).click();
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("the import page with a preview, edit mode, orphaned claims and the revision history have no serious violations", async ({ page, desk }) => {
  await desk.signIn(page, await desk.user("editor"));
  await page.goto("/articles/new");
  await page.getByText("Paste text").click();
  await page.getByLabel("Article text").fill("A first paragraph with a claim in it.\n\nA second paragraph.");
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("import-preview")).toContainText("A second paragraph.");
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel("Title").fill(`Accessibility ${Date.now().toString(36)}`);
  await page.getByRole("button", { name: "Import article" }).click();
  await expect(page.getByTestId("article-text")).toContainText("A second paragraph.");
  const articleId = new URL(page.url()).pathname.split("/").at(-1)!;
  const origin = new URL(page.url()).origin;
  const exact = "a claim in it";
  const start = "A first paragraph with ".length;
  await page.request.post(`/api/articles/${articleId}/claims`, { data: { exact, start, end: start + exact.length, revision: 1 }, headers: { origin } });
  await page.request.post(`/api/articles/${articleId}/revisions`, {
    data: { text: "A first paragraph, rewritten.\n\nA second paragraph.", baseRevision: 1 },
    headers: { origin },
  });
  await page.reload();
  await expect(page.getByTestId("orphaned-claims")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Edit text" }).click();
  await expect(page.getByRole("toolbar", { name: "Formatting" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto(`/articles/${articleId}/revisions`);
  await expect(page.getByTestId("revision-diff")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("the settings page and the user list, with their confirmations open, have no serious violations", async ({ page, desk }) => {
  await desk.signIn(page, await desk.user("admin"));
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Password" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("region", { name: "Sessions" }).getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press("Escape");
  await page.goto("/admin/users");
  await expect(page.getByTestId("account-row").first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId("account-row").getByRole("button", { name: /^Disable / }).first().click();
  await expect(page.getByRole("dialog")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press("Escape");
});
