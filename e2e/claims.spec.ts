import { expect, test, type DeskArticle } from "./fixtures";
import type { Page } from "@playwright/test";
import { selectWithMouse } from "./helpers";

const MACRON_QUOTE = "The defeat of Russia is essential for the security and stability of Europe";
const ARTICLE_TEXT = '[data-testid="article-text"]';

/** Opens the spec's copy of the seed article from the article list. */
async function openSeedArticle(page: Page, article: DeskArticle): Promise<void> {
  await page.goto("/articles");
  await page.getByRole("link", { name: article.title }).click();
  await expect(page.getByTestId("article-text")).toContainText(MACRON_QUOTE);
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
}

test("alice marks Macron's claim, adds a source and a verdict; bob sees it live and cannot edit it", async ({
  page,
  desk,
}) => {
  const article = await desk.article();
  await desk.signIn(page, await desk.user());
  await openSeedArticle(page, article);

  // Bob has the same article open in another browser.
  const bob = await desk.page(await desk.user());
  await openSeedArticle(bob, article);

  await selectWithMouse(page, ARTICLE_TEXT, MACRON_QUOTE);
  await page.getByRole("button", { name: "Mark claim" }).click();
  const panel = page.getByRole("complementary", { name: "Claims panel" });
  await expect(panel.getByRole("blockquote").first()).toHaveText(MACRON_QUOTE);
  await panel.getByLabel("Claimant").fill("Emmanuel Macron");
  await panel.getByRole("button", { name: "Save claim" }).click();

  const detail = page.getByTestId("claim-detail");
  await expect(detail.getByText("Claimed by")).toContainText("Emmanuel Macron");
  const highlight = page.locator(`${ARTICLE_TEXT} .claim-highlight`, { hasText: MACRON_QUOTE });
  await expect(highlight).toHaveText(MACRON_QUOTE);
  const claimId = await highlight.getAttribute("data-claim-id");
  expect(claimId).toBeTruthy();

  // Bob sees the new claim without reloading.
  await expect(bob.locator(`${ARTICLE_TEXT} [data-claim-id="${claimId}"]`)).toHaveText(MACRON_QUOTE, { timeout: 5_000 });

  // A source...
  await detail.getByRole("button", { name: "Add source" }).click();
  const sourceForm = detail.getByRole("form", { name: "Add source" });
  await sourceForm.getByLabel("URL").fill("https://www.elysee.fr/emmanuel-macron/2024/02/26/conference-de-soutien-a-lukraine");
  await sourceForm.getByLabel("Title").fill("Press conference after the Paris conference in support of Ukraine");
  await sourceForm.getByLabel("Publisher").fill("Élysée");
  await sourceForm.getByLabel("Refutes").check();
  await sourceForm.getByLabel("Supports").check();
  await sourceForm.getByRole("button", { name: "Save draft" }).click();
  await expect(detail.getByRole("article", { name: /Source: Press conference/ })).toContainText("Supports");

  // ...and a verdict with a rationale.
  await detail.getByRole("button", { name: "Add verdict" }).click();
  const verdictForm = detail.getByRole("form", { name: "Add verdict" });
  await verdictForm.getByLabel("True", { exact: true }).check();
  await verdictForm.getByRole("textbox", { name: "Rationale" }).click();
  await page.keyboard.type("The transcript of the press conference has this sentence word for word.");
  await verdictForm.getByRole("button", { name: "Save draft" }).click();
  const verdict = detail.getByRole("article", { name: "Verdict" });
  await expect(verdict).toContainText("The transcript of the press conference");
  await expect(verdict).toContainText("Draft");

  // Drafts are the author's alone: bob does not see the verdict yet.
  await verdict.getByRole("button", { name: "Submit for review" }).click();
  await expect(verdict).toContainText("Submitted");

  // The highlight is stored, not drawn from memory: it is there after a reload.
  await page.reload();
  await expect(page.locator(`${ARTICLE_TEXT} [data-claim-id="${claimId}"]`)).toHaveText(MACRON_QUOTE);

  // Bob opens the claim from the panel: he reads alice's submitted verdict but cannot edit it.
  await bob.getByRole("complementary", { name: "Claims panel" }).locator(`button[data-claim-id="${claimId}"]`).click();
  const bobDetail = bob.getByTestId("claim-detail");
  const bobVerdict = bobDetail.getByRole("article", { name: "Verdict" });
  await expect(bobVerdict).toContainText("The transcript of the press conference", { timeout: 5_000 });
  await expect(bobVerdict.getByRole("button", { name: "Edit" })).toHaveCount(0);
  // Alice's draft source is hers alone.
  await expect(bobDetail.getByRole("article", { name: /Source:/ })).toHaveCount(0);

  // Nor can he edit it through the API.
  const annotationId = await bobVerdict.getAttribute("data-annotation-id");
  const response = await bob.request.patch(`/api/annotations/${annotationId}`, {
    data: { verdict: "false", version: 1 },
    headers: { origin: new URL(bob.url()).origin },
  });
  expect(response.status()).toBe(403);
});

test("the keyboard alone marks a claim with Mod-Shift-C", async ({ page, desk }) => {
  const article = await desk.article();
  await desk.signIn(page, await desk.user());
  await openSeedArticle(page, article);
  const phrase = "Russia warns";
  await page.locator(ARTICLE_TEXT).getByRole("heading", { name: phrase }).click();
  await page.keyboard.press("Home");
  await page.keyboard.press("Shift+End");
  // The selection is registered once the Mark claim button shows beside it.
  await expect(page.getByRole("button", { name: "Mark claim" })).toBeVisible();
  await page.keyboard.press("ControlOrMeta+Shift+C");
  const panel = page.getByRole("complementary", { name: "Claims panel" });
  await expect(panel.getByLabel("Claimant")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("claim-detail").getByRole("blockquote").first()).toHaveText(phrase);
  await expect(page.locator(`${ARTICLE_TEXT} .claim-highlight`, { hasText: phrase }).first()).toBeVisible();
});
