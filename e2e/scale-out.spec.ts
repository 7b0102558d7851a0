import { expect, test } from "./fixtures";

const SECOND = process.env.FACTDESK_E2E_SECOND_URL ?? "";
const PHRASE = "Spain is not in favor of sending European or NATO troops to Ukraine";

test("a claim made through one app instance appears in an editor served by another", async ({ page, desk }) => {
  // scripts/e2e.ts always starts the second instance; without it this test must fail, not skip.
  expect(SECOND, "FACTDESK_E2E_SECOND_URL (set by scripts/e2e.ts)").not.toBe("");

  // Bob reads the article on the second instance.
  const seeded = await desk.article();
  const bob = await desk.page(await desk.user(), { baseURL: SECOND });
  await bob.goto("/articles");
  await bob.getByRole("link", { name: seeded.title }).click();
  await expect(bob.getByText("Live", { exact: true })).toBeVisible();
  expect(new URL(bob.url()).origin).toBe(SECOND);
  const articleId = new URL(bob.url()).pathname.split("/").pop() ?? "";

  // Alice marks a claim through the first instance.
  await desk.signIn(page, await desk.user());
  await page.goto("/articles");
  await expect(page).toHaveURL(/\/articles$/);
  const origin = new URL(page.url()).origin;
  expect(origin).not.toBe(SECOND);
  const article = (await (await page.request.get(`/api/articles/${articleId}`)).json()) as {
    revision: { number: number; text: string };
  };
  const start = article.revision.text.indexOf(PHRASE);
  const created = await page.request.post(`/api/articles/${articleId}/claims`, {
    headers: { origin },
    data: { exact: PHRASE, start, end: start + PHRASE.length, revision: article.revision.number, claimant: "Spanish Government" },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  await expect(bob.locator(`[data-testid="article-text"] [data-claim-id="${id}"]`)).toHaveText(PHRASE, { timeout: 5_000 });
});
