import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { signIn } from "./helpers";

const ARTICLE = /NATO and allies reject Macron/;

/** Marks `phrase` of the seed article as a claim over the API, as the signed-in user; its id and the article's. */
async function markClaim(page: Page, phrase: string): Promise<{ articleId: string; claimId: string }> {
  await page.getByRole("link", { name: ARTICLE }).first().click();
  await page.waitForURL(/\/articles\/[^/?]+$/);
  const articleId = new URL(page.url()).pathname.split("/").pop() ?? "";
  const article = (await (await page.request.get(`/api/articles/${articleId}`)).json()) as { revision: { number: number; text: string } };
  const start = article.revision.text.indexOf(phrase);
  expect(start).toBeGreaterThanOrEqual(0);
  const response = await page.request.post(`/api/articles/${articleId}/claims`, {
    data: { exact: phrase, start, end: start + phrase.length, revision: article.revision.number },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(response.status(), await response.text()).toBe(201);
  return { articleId, claimId: ((await response.json()) as { id: string }).id };
}

test("an editor assigns a claim to alice with a due date: it shows live in her open panel and tops her My work, marked overdue", async ({
  page,
  browser,
}) => {
  await signIn(page, "bob@factdesk.test");
  const { articleId, claimId } = await markClaim(page, "rejected");

  // Alice has the claim open.
  const aliceContext = await browser.newContext();
  const alice = await aliceContext.newPage();
  await signIn(alice, "alice@factdesk.test");
  await alice.goto(`/articles/${articleId}?claim=${claimId}`);
  const aliceAssignment = alice.getByTestId("claim-detail").getByTestId("assignment");
  await expect(aliceAssignment).toContainText("Nobody assigned");
  await expect(alice.getByText("Live", { exact: true })).toBeVisible();

  // Erin, an editor, assigns it to Alice, due in the past.
  const erinContext = await browser.newContext();
  const erin = await erinContext.newPage();
  await signIn(erin, "erin@factdesk.test");
  await erin.goto(`/articles/${articleId}?claim=${claimId}`);
  const panel = erin.getByTestId("claim-detail");
  await panel.getByRole("button", { name: "Assign…" }).click();
  await panel.getByLabel("Assignee").selectOption({ label: "Alice Martin (reviewer)" });
  await panel.getByLabel("Due (optional)").fill("2020-01-06T09:00");
  await panel.getByRole("button", { name: "Save assignment" }).click();
  await expect(panel.getByTestId("assignee")).toHaveText("Alice Martin");
  await expect(panel.getByTestId("overdue")).toBeVisible();

  // Without a reload, Alice's panel shows it.
  await expect(aliceAssignment.getByTestId("assignee")).toHaveText("Alice Martin");
  await expect(aliceAssignment.getByTestId("overdue")).toBeVisible();

  // It tops her My work, marked overdue, and opens the claim.
  await alice.getByRole("link", { name: "My work" }).click();
  const first = alice.getByTestId("my-work").getByRole("listitem").first();
  await expect(first).toContainText("rejected");
  await expect(first.getByTestId("overdue")).toBeVisible();
  const axe = await new AxeBuilder({ page: alice }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical")).toEqual([]);
  await first.getByRole("link").click();
  await expect(alice.getByTestId("claim-detail").getByTestId("assignee")).toHaveText("Alice Martin");

  await aliceContext.close();
  await erinContext.close();
});

test("a reviewer takes an unassigned claim and hands it back; reviewers cannot assign others", async ({ page }) => {
  await signIn(page, "bob@factdesk.test");
  const { articleId, claimId } = await markClaim(page, "Ukraine");
  await page.goto(`/articles/${articleId}?claim=${claimId}`);
  const assignment = page.getByTestId("claim-detail").getByTestId("assignment");
  await expect(assignment.getByRole("button", { name: /Assign/ })).toHaveCount(0);
  await assignment.getByRole("button", { name: "Take" }).click();
  await expect(assignment.getByTestId("assignee")).toHaveText("Bob Keller");
  await assignment.getByRole("button", { name: "Hand back" }).click();
  await expect(assignment).toContainText("Nobody assigned");
});
