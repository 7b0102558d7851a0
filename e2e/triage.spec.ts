import type { Page } from "@playwright/test";
import { expect, test, type Desk } from "./fixtures";

const ARTICLE_TEXT = '[data-testid="article-text"]';
const SPENDING = "The draft raises defence spending by 18% to €14.2 billion, said the finance ministry.";
const DEBT = "Public debt stands at 64% of GDP, the highest level in the region.";
const TEXT = [
  "Budget vote splits the coalition",
  `${SPENDING} The corridors outside the chamber were crowded with aides.`,
  DEBT,
  "We should be proud of what this country can achieve together.",
].join("\n\n");

/** An editor imports the article through the API. */
async function importArticle(desk: Desk): Promise<string> {
  const { id } = await desk.article(await desk.user("editor", "Erin Novak"), { title: `Suggestions ${Date.now().toString(36)}`, text: TEXT });
  return id;
}

async function openArticle(page: Page, articleId: string): Promise<void> {
  await page.goto(`/articles/${articleId}`);
  await expect(page.getByTestId("article-text")).toContainText(DEBT);
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
}

test("a reviewer turns suggestions on, accepts one as a claim with its claimant, dismisses another for the desk", async ({ page, desk }) => {
  const articleId = await importArticle(desk);
  await desk.signIn(page, await desk.user("reviewer", "Alice Martin"));
  await openArticle(page, articleId);
  const panel = page.getByRole("complementary", { name: "Claims panel" });
  const suggestions = panel.getByRole("list", { name: "Suggested claims, best first" });

  // Off until turned on; then listed with reasons and underlined in the text.
  const toggle = panel.getByRole("switch", { name: "Show suggested claims" });
  await expect(toggle).not.toBeChecked();
  await expect(page.locator(`${ARTICLE_TEXT} .suggestion-mark`)).toHaveCount(0);
  await toggle.click();
  await expect(suggestions.getByTestId("suggestion")).toHaveCount(2);
  await expect(suggestions.getByTestId("suggestion").filter({ hasText: SPENDING })).toContainText("attributed to the finance ministry");
  await expect(suggestions.getByTestId("suggestion").filter({ hasText: DEBT })).toContainText("a comparison: the highest level in the region");
  await expect(page.locator(`${ARTICLE_TEXT} .suggestion-mark`, { hasText: DEBT })).toHaveText(DEBT);

  // The switch is remembered.
  await page.reload();
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  await expect(toggle).toBeChecked();
  await expect(suggestions.getByTestId("suggestion")).toHaveCount(2);

  // Accept: a claim on exactly that sentence, with the claimant filled in.
  await suggestions.getByRole("button", { name: `Accept: ${SPENDING}` }).click();
  await expect(panel.getByRole("blockquote").first()).toHaveText(SPENDING);
  await expect(panel.getByLabel("Claimant")).toHaveValue("the finance ministry");
  await panel.getByRole("button", { name: "Save claim" }).click();
  await expect(page.getByTestId("claim-detail").getByText("Claimed by")).toContainText("the finance ministry");
  await expect(page.locator(`${ARTICLE_TEXT} .claim-highlight`, { hasText: SPENDING })).toHaveText(SPENDING);
  await panel.getByRole("button", { name: "All claims" }).click();
  // The claimed sentence is no longer suggested.
  await expect(suggestions.getByTestId("suggestion")).toHaveCount(1);

  // Dismiss: gone, with an undo.
  await suggestions.getByRole("button", { name: `Dismiss: ${DEBT}` }).click();
  await expect(panel.getByText("Dismissed for the whole desk.")).toBeVisible();
  await expect(panel.getByText("No sentence here is suggested for checking.")).toBeVisible();
  await expect(page.locator(`${ARTICLE_TEXT} .suggestion-mark`)).toHaveCount(0);

  // A colleague does not see it either.
  const bob = await desk.page(await desk.user("reviewer", "Bob Keller"));
  await openArticle(bob, articleId);
  const bobPanel = bob.getByRole("complementary", { name: "Claims panel" });
  await bobPanel.getByRole("switch", { name: "Show suggested claims" }).click();
  await expect(bobPanel.getByText("No sentence here is suggested for checking.")).toBeVisible();
  await expect(bob.locator(`${ARTICLE_TEXT} .claim-highlight`, { hasText: SPENDING })).toHaveText(SPENDING);

  // Undo brings it back for everyone, the colleague's open page included.
  await panel.getByRole("button", { name: "Undo" }).click();
  await expect(suggestions.getByTestId("suggestion").filter({ hasText: DEBT })).toBeVisible();
  await expect(bobPanel.getByTestId("suggestion").filter({ hasText: DEBT })).toBeVisible({ timeout: 5_000 });
});
