/** The administrators' Users page pages through accounts like every list (GET /api/users). */
import { request as playwrightRequest } from "@playwright/test";
import { expect, test } from "./fixtures";
import { uniqueEmail } from "./helpers";

test("the Users page shows the first 50 accounts and the rest on 'Show more accounts', each once", async ({ page, baseURL, desk }) => {
  test.setTimeout(120_000);
  const base = baseURL ?? "";
  // Enough accounts for a second page, whatever other tests created.
  const anonymous = await playwrightRequest.newContext({ baseURL: base });
  for (let index = 0; index < 52; index += 1) {
    const response = await anonymous.post("/api/signup", {
      headers: { origin: base },
      data: { name: `Listed ${String(index).padStart(2, "0")}`, email: uniqueEmail("listed"), password: "a passphrase for the list" },
    });
    expect(response.status()).toBe(201);
  }
  await anonymous.dispose();

  await desk.signIn(page, await desk.user("admin"));
  await page.goto("/admin/users");
  const rows = page.getByTestId("account-row");
  await expect(rows).toHaveCount(50);
  const summary = page.getByText(/^50 of \d+ accounts/);
  await expect(summary).toBeVisible();
  const total = Number(/of (\d+) accounts/.exec((await summary.textContent()) ?? "")?.[1]);
  expect(total).toBeGreaterThan(50);

  const more = page.getByRole("button", { name: "Show more accounts" });
  while (await more.isVisible()) {
    const shown = await rows.count();
    await more.click();
    await expect.poll(() => rows.count()).toBeGreaterThan(shown);
  }
  // Every account once (other tests running meanwhile may have added a few).
  const emails = await rows.locator("div.break-all").allTextContents();
  expect(emails.length).toBeGreaterThanOrEqual(total);
  expect(new Set(emails).size).toBe(emails.length);
  await expect(page.getByText(/^\d+ accounts · /)).toBeVisible();
});
