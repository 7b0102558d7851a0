import type { Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, uniqueTag } from "./fixtures";

const PHRASE = "hypothesis pointed out the day before";

async function post(page: Page, path: string, data: unknown): Promise<{ id: string }> {
  const response = await page.request.post(path, { data, headers: { origin: new URL(page.url()).origin } });
  expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as { id: string };
}

test("bob mentions alice in a reply: her bell shows it without a reload, and it lands on the thread", async ({ page, desk }) => {
  // Alice, under a name of her own (other tests' people may be called Alice Martin too), has a
  // submitted source on a claim, and her inbox is read.
  const tag = uniqueTag();
  const aliceUser = await desk.user("reviewer", `Alice Martin ${tag}`);
  const bobUser = await desk.user("reviewer", "Bob Keller");
  const article = await desk.article();
  await desk.signIn(page, aliceUser);
  await page.goto(article.path);
  const articleId = article.id;
  const start = article.revision.text.indexOf(PHRASE);
  const claim = await post(page, `/api/articles/${articleId}/claims`, { exact: PHRASE, start, end: start + PHRASE.length, revision: article.revision.number });
  const source = await post(page, `/api/claims/${claim.id}/annotations`, {
    kind: "source",
    url: "https://www.elysee.fr/emmanuel-macron",
    title: "Press conference of the President",
    stance: "supports",
  });
  await post(page, `/api/annotations/${source.id}/submit`, {});
  await post(page, "/api/notifications/read", { all: true });
  await page.goto("/work");
  const bell = page.getByTestId("notification-bell");
  await expect(bell).toHaveAccessibleName("Notifications");

  // Bob replies on her source, mentioning her through the suggestion list.
  const bob = await desk.page(bobUser);
  await bob.goto(`/articles/${articleId}?claim=${claim.id}`);
  const card = bob.locator(`[data-annotation-id="${source.id}"]`);
  const box = card.getByRole("combobox");
  await box.click();
  await box.pressSequentially(`Can you add the date, @${tag}`);
  await expect(bob.getByRole("option", { name: new RegExp(`Alice Martin ${tag}`) })).toBeVisible();
  await box.press("Enter");
  await box.pressSequentially("please?");
  await card.getByRole("button", { name: "Reply", exact: true }).click();
  await expect(card.locator("[data-mention]")).toHaveText(`@${aliceUser.name}`);

  // Alice's bell counts it, live.
  await expect(page.getByTestId("notification-count")).toHaveText("1");
  await expect(bell).toHaveAccessibleName("Notifications, 1 unread");
  await bell.click();
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical")).toEqual([]);
  const entry = page.getByRole("dialog", { name: "Notifications" }).getByRole("link", { name: /Bob Keller mentioned you/ });
  await expect(entry).toContainText(`@${aliceUser.name} please?`);
  await entry.click();

  // She lands on the claim, with the thread and the mention in it; the notification is read.
  await expect(page).toHaveURL(new RegExp(`/articles/${articleId}\\?claim=${claim.id}`));
  const thread = page.locator(`[data-annotation-id="${source.id}"]`);
  await expect(thread.locator("[data-mention]")).toHaveText(`@${aliceUser.name}`);
  await expect(page.getByTestId("notification-count")).toHaveCount(0);
});

test("notification settings turn a kind off", async ({ page, desk }) => {
  await desk.signIn(page, await desk.user());
  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Notifications" });
  const reviews = section.getByLabel("A review of my source or verdict");
  await expect(reviews).toBeChecked();
  await reviews.uncheck();
  await section.getByRole("button", { name: "Save notification settings" }).click();
  await expect(section.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("region", { name: "Notifications" }).getByLabel("A review of my source or verdict")).not.toBeChecked();
  const settings = (await (await page.request.get("/api/account/notification-settings")).json()) as { kinds: Record<string, boolean> };
  expect(settings.kinds.review).toBe(false);
});

test("notification settings choose how notifications come by email", async ({ page, desk }) => {
  await desk.signIn(page, await desk.user());
  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Notifications" });
  const email = section.getByRole("group", { name: "Email" });
  // The end-to-end desk has no mail server: the choice is kept for when it has one.
  await expect(email.getByText("This desk sends no email yet")).toBeVisible();
  await expect(email.getByRole("radio", { name: /Immediately/ })).toBeChecked();
  await email.getByRole("radio", { name: /Hourly digest/ }).check();
  await section.getByRole("button", { name: "Save notification settings" }).click();
  await expect(section.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("region", { name: "Notifications" }).getByRole("radio", { name: /Hourly digest/ })).toBeChecked();
  const settings = (await (await page.request.get("/api/account/notification-settings")).json()) as { email: string };
  expect(settings.email).toBe("hourly");
  const results = await new AxeBuilder({ page }).include('section[aria-labelledby="notifications-heading"]').withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations).toEqual([]);
});
