import { expect, test } from "./fixtures";
import type { APIRequestContext, Page } from "@playwright/test";

const SENTENCE = "The Kremlin called a direct conflict with NATO “inevitable” if the allied countries deploy troops in Ukraine.";

async function post(page: Page, path: string, data: unknown): Promise<{ id: string }> {
  const request: APIRequestContext = page.request;
  const response = await request.post(path, { data, headers: { origin: new URL(page.url()).origin } });
  expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as { id: string };
}

test("a verdict goes through review: changes requested, resubmitted, approved; the claim turns verified", async ({
  page,
  desk,
}) => {
  const seeded = await desk.article();
  // Alice prepares a claim with a source and a draft verdict.
  await desk.signIn(page, await desk.user("reviewer", "Alice Martin"));
  await page.goto(seeded.path);
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  const articleId = new URL(page.url()).pathname.split("/").pop() ?? "";
  const article = (await (await page.request.get(`/api/articles/${articleId}`)).json()) as {
    revision: { number: number; text: string };
  };
  const start = article.revision.text.indexOf(SENTENCE);
  expect(start).toBeGreaterThan(0);
  const claim = await post(page, `/api/articles/${articleId}/claims`, {
    exact: SENTENCE,
    start,
    end: start + SENTENCE.length,
    revision: article.revision.number,
    claimant: "Dmitri Peskov",
  });
  const source = await post(page, `/api/claims/${claim.id}/annotations`, {
    kind: "source",
    url: "https://www.reuters.com/world/europe/kremlin-nato-troops-ukraine-2024-02-27/",
    title: "Kremlin says conflict with NATO inevitable if troops sent",
    publisher: "Reuters",
    stance: "supports",
  });
  await post(page, `/api/annotations/${source.id}/submit`, {});
  await post(page, `/api/claims/${claim.id}/annotations`, {
    kind: "verification",
    verdict: "true",
    rationale: "Peskov said so at his daily briefing.",
  });

  // Alice submits her verdict from the claim panel.
  await page.reload();
  const panel = page.getByRole("complementary", { name: "Claims panel" });
  await panel.locator(`button[data-claim-id="${claim.id}"]`).click();
  const aliceVerdict = page.getByTestId("claim-detail").getByRole("article", { name: "Verdict" });
  await aliceVerdict.getByRole("button", { name: "Submit for review" }).click();
  await expect(aliceVerdict).toContainText("Submitted");
  // Nobody reviews their own work: no review controls for alice...
  await expect(aliceVerdict.getByRole("button", { name: "Approve" })).toHaveCount(0);
  const verdictId = (await aliceVerdict.getAttribute("data-annotation-id")) ?? "";
  // ...and the API refuses too.
  const own = await page.request.post(`/api/annotations/${verdictId}/reviews`, {
    data: { decision: "approve", comment: "Looks right to me", version: 1 },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(own.status()).toBe(403);

  // Bob finds it in his queue and asks for changes.
  const bob = await desk.page(await desk.user("reviewer", "Bob Keller"));
  await bob.goto("/articles");
  await expect(bob.getByTestId("review-count")).toBeVisible();
  await bob.getByRole("link", { name: /Reviews/ }).click();
  await expect(bob.getByRole("heading", { name: "Review queue" })).toBeVisible();
  const item = bob
    .getByRole("listitem")
    .filter({ hasText: seeded.title })
    .filter({ hasText: "conflict with NATO" })
    .filter({ hasText: "Verdict by Alice Martin" });
  await item.getByLabel("Your review of version 1").fill("Cite the briefing transcript, not a summary.");
  await item.getByRole("button", { name: "Request changes" }).click();
  await expect(item).toHaveCount(0);

  // Alice sees the outcome in her activity and on the claim, edits, and the edit goes back to review.
  await page.getByRole("link", { name: "Activity" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "Cite the briefing transcript" }).first()).toContainText(
    "Bob Keller requested changes to your verdict",
  );
  await page.goto(`/articles/${articleId}`);
  await panel.locator(`button[data-claim-id="${claim.id}"]`).click();
  await expect(aliceVerdict).toContainText("Changes requested");
  await expect(aliceVerdict).toContainText("Cite the briefing transcript, not a summary.");
  await aliceVerdict.getByRole("button", { name: "Edit" }).click();
  const form = page.getByRole("form", { name: "Edit verdict" });
  await form.getByRole("textbox", { name: "Rationale" }).click();
  await page.keyboard.press("End");
  await page.keyboard.type(" Transcript: kremlin.ru, 27 February 2024.");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(aliceVerdict).toContainText("Submitted");
  await expect(aliceVerdict).toContainText("v2");

  // Bob approves the new version, and the source.
  await bob.reload();
  await item.getByLabel("Your review of version 2").fill("Checked against the transcript.");
  await item.getByRole("button", { name: "Approve" }).click();
  await expect(item).toHaveCount(0);
  const sourceItem = bob
    .getByRole("listitem")
    .filter({ hasText: seeded.title })
    .filter({ hasText: "conflict with NATO" })
    .filter({ hasText: "Source by Alice Martin" });
  await sourceItem.getByLabel("Your review of version 1").fill("Reuters report matches.");
  await sourceItem.getByRole("button", { name: "Approve" }).click();
  await expect(sourceItem).toHaveCount(0);

  // Verified, in the editor (live) and in the article list.
  await expect(page.locator(`[data-testid="article-text"] [data-claim-id="${claim.id}"]`)).toHaveClass(/claim-verified/, {
    timeout: 5_000,
  });
  await expect(page.getByTestId("claim-detail")).toContainText("Verified");
  await page.getByRole("link", { name: "Articles" }).first().click();
  await expect(page.getByRole("row").filter({ hasText: seeded.title }).locator('[data-status="verified"]')).toBeVisible();
});
