/**
 * Desk memory as a reviewer meets it: a claim marked on one article restates one the desk
 * verified on another; "Checked before" calls it the same claim with its verdict; she links
 * the two and reuses the earlier claim's source as her own draft. Then search finds it.
 */
import type { Page } from "@playwright/test";
import { expect, test, type Desk, type DeskUser } from "./fixtures";
import { selectWithMouse } from "./helpers";

const ARTICLE_TEXT = '[data-testid="article-text"]';

async function post(page: Page, path: string, data: unknown): Promise<{ id: string; version?: number }> {
  const response = await page.request.post(path, { data, headers: { origin: new URL(page.url()).origin } });
  expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as { id: string; version?: number };
}

/** A page signed in as `user`, already on the site (the requests take their origin from it). */
async function signedIn(desk: Desk, user: DeskUser): Promise<Page> {
  const page = await desk.page(user);
  await page.goto("/articles");
  return page;
}

test("alice marks a claim verified before on another article, sees it as the same claim, links it and reuses its source", async ({
  page,
  desk,
}) => {
  // A name only this run uses, so other tests' claims never match.
  const fund = `Fjordvik${Date.now().toString(36).replace(/\d/g, "")}`;
  const earlierClaim = `The ${fund} sovereign fund lost 1.6 trillion kroner in 2022.`;
  const laterClaim = `In 2022 the ${fund} fund posted a loss of 1.6 trillion kroner.`;

  // Earlier: erin imports an article, bob marks the claim, cites a source and gives a verdict; erin approves both.
  const erin = await signedIn(desk, await desk.user("editor", "Erin Novak"));
  const bob = await signedIn(desk, await desk.user("reviewer", "Bob Keller"));
  const earlier = await post(erin, "/api/articles", { title: `${fund} results`, text: `Annual report.\n\n${earlierClaim}` });
  const start = `Annual report.\n\n`.length;
  const claim = await post(bob, `/api/articles/${earlier.id}/claims`, { exact: earlierClaim, start, end: start + earlierClaim.length, revision: 1 });
  const source = await post(bob, `/api/claims/${claim.id}/annotations`, {
    kind: "source",
    url: "https://fund.example.org/annual-report-2022",
    title: `${fund} annual report 2022`,
    publisher: "The fund",
    stance: "supports",
  });
  const verdict = await post(bob, `/api/claims/${claim.id}/annotations`, { kind: "verification", verdict: "true", rationale: "The annual report says so." });
  for (const annotation of [source, verdict]) {
    await post(bob, `/api/annotations/${annotation.id}/submit`, {});
    await post(erin, `/api/annotations/${annotation.id}/reviews`, { decision: "approve", comment: "Checked against the report.", version: 1 });
  }
  const later = await post(erin, "/api/articles", { title: `Markets wrap ${fund}`, text: `Oil stocks slipped.\n\n${laterClaim}` });

  // Alice marks the restatement on the later article.
  await desk.signIn(page, await desk.user("reviewer", "Alice Martin"));
  await page.goto(`/articles/${later.id}`);
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  await selectWithMouse(page, ARTICLE_TEXT, laterClaim);
  await page.getByRole("button", { name: "Mark claim" }).click();
  const panel = page.getByRole("complementary", { name: "Claims panel" });
  await panel.getByRole("button", { name: "Save claim" }).click();

  // The panel shows the earlier claim as the same claim, with its verdict and article.
  const checked = page.getByTestId("checked-before");
  const match = checked.getByTestId("match");
  await expect(match).toHaveCount(1);
  await expect(match).toContainText("Same claim");
  await expect(match).toContainText(earlierClaim);
  await expect(match).toContainText("Verified");
  await expect(match).toContainText("True");
  await expect(match.getByRole("link", { name: `${fund} results` })).toBeVisible();

  // She links them.
  await match.getByRole("button", { name: "Link as same claim" }).click();
  await expect(match).toContainText("Linked");
  await expect(match.getByRole("button", { name: "Unlink" })).toBeVisible();

  // She reuses its source: it becomes her own draft here.
  await match.getByRole("button", { name: "Reuse sources" }).click();
  await expect(checked.getByText("1 source added as your drafts")).toBeVisible();
  const detail = page.getByTestId("claim-detail");
  const copied = detail.getByRole("article", { name: new RegExp(`Source: ${fund} annual report 2022`) });
  await expect(copied).toContainText("Draft");
  await expect(copied.getByRole("button", { name: "Submit for review" })).toBeVisible();

  // The link shows on the earlier claim too, opened from its article's address.
  await bob.goto(`/articles/${earlier.id}?claim=${claim.id}`);
  const bobChecked = bob.getByTestId("checked-before");
  await expect(bobChecked.getByTestId("match")).toContainText("Linked");
  await expect(bobChecked.getByTestId("match")).toContainText(laterClaim);

  // Search, from the header with the / key: the earlier claim, highlighted, opens in its article.
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("/");
  await expect(page.getByRole("searchbox", { name: "Search the desk" })).toBeFocused();
  await page.keyboard.type(`${fund} kroner`);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
  const results = page.getByTestId("search-results");
  await results.getByRole("link").filter({ hasText: "Claim" }).filter({ hasText: "sovereign" }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${earlier.id}\\?claim=${claim.id}`));
  await expect(page.getByTestId("claim-detail").getByRole("blockquote").first()).toHaveText(earlierClaim);
});

test("a reviewer filters search by another person: their claims only, never their drafts", async ({ page, desk }) => {
  const tag = `Kvarstad${Date.now().toString(36).replace(/\d/g, "")}`;
  const first = `The ${tag} ferry carried 41,000 passengers in March.`;
  const second = `The ${tag} bridge toll rose to 12 euros in May.`;
  const erin = await signedIn(desk, await desk.user("editor"));
  const bobUser = await desk.user("reviewer");
  const bob = await signedIn(desk, bobUser);
  const dana = await desk.user("reviewer");
  const danaPage = await signedIn(desk, dana);

  const text = `${first}\n\n${second}`;
  const article = await post(erin, "/api/articles", { title: `${tag} transport`, text });
  const secondStart = text.indexOf(second);
  // Bob marked the first claim; Dana the second, on which Bob keeps a source as his draft.
  const bobsClaim = await post(bob, `/api/articles/${article.id}/claims`, { exact: first, start: 0, end: first.length, revision: 1 });
  const danasClaim = await post(danaPage, `/api/articles/${article.id}/claims`, {
    exact: second,
    start: secondStart,
    end: secondStart + second.length,
    revision: 1,
  });
  await post(bob, `/api/claims/${danasClaim.id}/annotations`, {
    kind: "source",
    url: "https://toll.example.org/2026",
    title: `${tag} toll notice, Bob's draft`,
    publisher: "Road authority",
    stance: "supports",
  });
  await danaPage.close();

  await desk.signIn(page, dana);
  await page.goto(`/search?q=${tag}`);
  const results = page.getByTestId("search-results");
  // Unfiltered: the article and both claims; Bob's draft source is not hers to see.
  await expect(results.getByRole("link").filter({ hasText: "Claim" })).toHaveCount(2);
  await expect(results).not.toContainText("Bob's draft");

  // She picks Bob among the desk's members.
  const who = page.getByLabel("Marked or checked by");
  await expect(who.getByRole("option", { name: bobUser.name })).toHaveCount(1);
  await who.selectOption({ label: bobUser.name });
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`author=${bobUser.id}`));
  await expect(results.getByRole("link")).toHaveCount(1);
  await expect(results.getByRole("link")).toContainText(first);
  await expect(results).not.toContainText(second);
  await expect(results).not.toContainText("Bob's draft");
  await results.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/articles/${article.id}\\?claim=${bobsClaim.id}`));

  // "Me" finds her own claim only.
  await page.goto(`/search?q=${tag}&author=${bobUser.id}`);
  await expect(page.getByLabel("Marked or checked by")).toHaveValue(bobUser.id);
  await page.getByLabel("Marked or checked by").selectOption({ label: "Me" });
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(results.getByRole("link")).toHaveCount(1);
  await expect(results.getByRole("link")).toContainText(second);
});
