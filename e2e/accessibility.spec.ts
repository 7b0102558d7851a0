import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

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

test("the article page, with claims and an open claim, has no serious accessibility violations", async ({ page }) => {
  await signIn(page, "alice@factdesk.test");
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("link", { name: /NATO and allies reject Macron/ }).click();
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
