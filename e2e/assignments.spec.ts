import type { Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type DeskArticle } from "./fixtures";

/** Marks `phrase` of `article` as a claim over the API, as the signed-in user; its id and the article's. */
async function markClaim(page: Page, article: DeskArticle, phrase: string): Promise<{ articleId: string; claimId: string }> {
  await page.goto(article.path);
  const articleId = article.id;
  const start = article.revision.text.indexOf(phrase);
  expect(start).toBeGreaterThanOrEqual(0);
  const response = await page.request.post(`/api/articles/${articleId}/claims`, {
    data: { exact: phrase, start, end: start + phrase.length, revision: article.revision.number },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(response.status(), await response.text()).toBe(201);
  return { articleId, claimId: ((await response.json()) as { id: string }).id };
}

test("an editor assigns a claim to alice with a due date: it shows live in her open panel, tops her My work marked overdue, and shows on the dashboard", async ({
  page,
  desk,
}) => {
  const erinUser = await desk.user("editor", "Erin Novak");
  const aliceUser = await desk.user("reviewer", "Alice Martin");
  const article = await desk.article(erinUser);
  await desk.signIn(page, await desk.user("reviewer", "Bob Keller"));
  const { articleId, claimId } = await markClaim(page, article, "rejected");

  // Alice has the claim open.
  const alice = await desk.page(aliceUser);
  await alice.goto(`/articles/${articleId}?claim=${claimId}`);
  const aliceAssignment = alice.getByTestId("claim-detail").getByTestId("assignment");
  await expect(aliceAssignment).toContainText("Nobody assigned");
  await expect(alice.getByText("Live", { exact: true })).toBeVisible();

  // Erin, an editor, opens the dashboard on this article: nobody has open work on it yet.
  const erin = await desk.page(erinUser);
  const violations: string[] = [];
  erin.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
  });
  const openWork = await dashboardOpenWork(erin, articleId);
  await expect(openWork).toContainText("Nothing is assigned to anyone.");

  // She assigns it to Alice, due in the past.
  await erin.goto(`/articles/${articleId}?claim=${claimId}`);
  const panel = erin.getByTestId("claim-detail");
  await panel.getByRole("button", { name: "Assign…" }).click();
  // Other tests' people may share her name: she is the option that is her account.
  const aliceOption = panel.getByLabel("Assignee").locator(`option[value="${aliceUser.id}"]`);
  await expect(aliceOption).toHaveText("Alice Martin (reviewer)");
  await panel.getByLabel("Assignee").selectOption({ value: aliceUser.id });
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

  // The dashboard shows the change: Alice has one open item on the article, and it is overdue.
  const after = await dashboardOpenWork(erin, articleId);
  await expect(after.getByRole("link", { name: "“rejected”" })).toBeVisible();
  await after.getByText("Show as table").click();
  await expect(after.getByTestId("open-work-table").getByRole("row", { name: /Alice Martin/ })).toHaveText(/Alice Martin\s*1\s*1/);
  const dashboardAxe = await new AxeBuilder({ page: erin }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(dashboardAxe.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical")).toEqual([]);
  // The charts draw under the page's Content-Security-Policy without breaking it.
  expect(violations).toEqual([]);
});

/** The dashboard filtered to one article, as an editor reaches it from the header; its open-work card. */
async function dashboardOpenWork(page: Page, articleId: string) {
  await page.goto("/articles");
  await page.getByRole("link", { name: "Dashboard" }).click();
  await page.getByLabel("Article").selectOption({ value: articleId });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`articleId=${articleId}`));
  await expect(page.getByTestId("dashboard-status")).toContainText("one article");
  return page.getByTestId("chart-open-work");
}

test("a reviewer takes an unassigned claim and hands it back; reviewers cannot assign others", async ({ page, desk }) => {
  const article = await desk.article();
  await desk.signIn(page, await desk.user("reviewer", "Bob Keller"));
  const { articleId, claimId } = await markClaim(page, article, "Ukraine");
  await page.goto(`/articles/${articleId}?claim=${claimId}`);
  const assignment = page.getByTestId("claim-detail").getByTestId("assignment");
  await expect(assignment.getByRole("button", { name: /Assign/ })).toHaveCount(0);
  await assignment.getByRole("button", { name: "Take" }).click();
  await expect(assignment.getByTestId("assignee")).toHaveText("Bob Keller");
  await assignment.getByRole("button", { name: "Hand back" }).click();
  await expect(assignment).toContainText("Nobody assigned");
});
