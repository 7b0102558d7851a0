import { expect, test } from "./fixtures";

const SENTENCE = "Washington’s statement was known almost at the same time as the position of Canada";

test("two edits from the same version: the first saves, the second gets a clear conflict and reloads", async ({ page, context, desk }) => {
  const erin = await desk.user("editor");
  const seeded = await desk.article(erin);
  await desk.signIn(page, erin);
  await page.goto(seeded.path);
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  const origin = new URL(page.url()).origin;
  const articleId = new URL(page.url()).pathname.split("/").pop() ?? "";
  const article = (await (await page.request.get(`/api/articles/${articleId}`)).json()) as {
    revision: { number: number; text: string };
  };
  const start = article.revision.text.indexOf(SENTENCE);
  const claim = (await (
    await page.request.post(`/api/articles/${articleId}/claims`, {
      headers: { origin },
      data: { exact: SENTENCE, start, end: start + SENTENCE.length, revision: article.revision.number },
    })
  ).json()) as { id: string };
  const created = await page.request.post(`/api/claims/${claim.id}/annotations`, {
    headers: { origin },
    data: { kind: "source", url: "https://example.org/canada", title: "Canada's defence ministry statement", stance: "context" },
  });
  expect(created.status()).toBe(201);

  // The same source open for editing in two tabs.
  const second = await context.newPage();
  for (const tab of [page, second]) {
    await tab.goto(`/articles/${articleId}`);
    await tab.getByRole("complementary", { name: "Claims panel" }).locator(`button[data-claim-id="${claim.id}"]`).click();
    await tab.getByRole("article", { name: /Source: Canada/ }).getByRole("button", { name: "Edit" }).click();
  }

  const firstForm = page.getByRole("form", { name: "Edit source" });
  await firstForm.getByLabel("Title").fill("Canada: no troops, more training");
  await firstForm.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("article", { name: "Source: Canada: no troops, more training" })).toContainText("v2");

  const secondForm = second.getByRole("form", { name: "Edit source" });
  // The live update warns the second editor before they even save.
  await expect(secondForm.getByRole("status")).toContainText("Someone saved a newer version while you were editing");
  await secondForm.getByLabel("Title").fill("Canada rules out troops");
  await secondForm.getByRole("button", { name: "Save changes" }).click();
  await expect(secondForm.getByRole("alert")).toContainText("Someone saved a newer version (version 2)");
  await expect(secondForm.getByRole("alert")).toContainText("Your changes were not saved.");
  await secondForm.getByRole("button", { name: "Reload" }).click();
  await expect(second.getByRole("article", { name: "Source: Canada: no troops, more training" })).toBeVisible();
  await expect(second.getByRole("article", { name: "Source: Canada rules out troops" })).toHaveCount(0);
});
