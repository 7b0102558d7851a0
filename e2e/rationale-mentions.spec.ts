import type { Page } from "@playwright/test";
import { expect, test, uniqueTag } from "./fixtures";

const PHRASE = "hypothesis pointed out the day before";

async function post(page: Page, path: string, data: unknown): Promise<{ id: string }> {
  const response = await page.request.post(path, { data, headers: { origin: new URL(page.url()).origin } });
  expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as { id: string };
}

test("a reviewer mentions a colleague in a verdict's rationale with the keyboard; she is told once it is submitted", async ({ page, desk }) => {
  const tag = uniqueTag();
  const alice = await desk.user("reviewer", `Alice Ward ${tag}`);
  const aaron = await desk.user("reviewer", `Aaron Ward ${tag}`);
  const bobUser = await desk.user("reviewer", "Bob Keller");
  const article = await desk.article();

  // Alice waits with her inbox read.
  await desk.signIn(page, alice);
  await page.goto("/work");
  await post(page, "/api/notifications/read", { all: true });
  const bell = page.getByTestId("notification-bell");
  await expect(bell).toHaveAccessibleName("Notifications");

  // Bob marks the claim and writes a verdict, naming Alice from the list, by keyboard only.
  const bob = await desk.page(bobUser);
  await bob.goto(article.path);
  const start = article.revision.text.indexOf(PHRASE);
  const claim = await post(bob, `/api/articles/${article.id}/claims`, { exact: PHRASE, start, end: start + PHRASE.length, revision: article.revision.number });
  await bob.goto(`${article.path}?claim=${claim.id}`);
  await bob.getByRole("button", { name: "Add verdict" }).click();
  const form = bob.getByRole("form", { name: "Add verdict" });
  await form.getByLabel("Mostly true", { exact: true }).check();
  const rationale = form.getByRole("textbox", { name: "Rationale" });
  await rationale.click();
  await bob.keyboard.type(`Dated right; confirmed with @${tag}`);
  // Both people whose names hold the tag are offered, by name; the first is chosen.
  const options = form.getByRole("listbox", { name: "Mention a colleague" }).getByRole("option");
  await expect(options).toHaveText([new RegExp(`^${aaron.name}`), new RegExp(`^${alice.name}`)]);
  await expect(options.first()).toHaveAttribute("aria-selected", "true");
  await bob.keyboard.press("ArrowDown");
  await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
  await expect(rationale).toHaveAttribute("aria-activedescendant", (await options.nth(1).getAttribute("id"))!);
  await bob.keyboard.press("Enter");
  await expect(form.getByRole("listbox", { name: "Mention a colleague" })).toBeHidden();
  await bob.keyboard.type("at the archive.");
  await expect(rationale.locator(".mention")).toHaveText(`@${alice.name}`);
  await form.getByRole("button", { name: "Save draft" }).click();

  const verdict = bob.getByRole("article", { name: "Verdict" });
  await expect(verdict.locator("[data-mention]")).toHaveText(`@${alice.name}`);
  await expect(verdict).toContainText("Draft");

  // Submitted, the verdict is Alice's to see: her bell counts the mention, live.
  await verdict.getByRole("button", { name: "Submit for review" }).click();
  await expect(verdict).toContainText("Submitted");
  await expect(page.getByTestId("notification-count")).toHaveText("1");
  await expect(bell).toHaveAccessibleName("Notifications, 1 unread");
  await bell.click();
  const entry = page.getByRole("dialog", { name: "Notifications" }).getByRole("link", { name: /Bob Keller mentioned you in a verdict/ });
  await expect(entry).toContainText(`Dated right; confirmed with @${alice.name} at the archive.`);
  await entry.click();

  // She lands on the claim, and reads her name in the rationale.
  await expect(page).toHaveURL(new RegExp(`${article.path}\\?claim=${claim.id}`));
  await expect(page.getByRole("article", { name: "Verdict" }).locator("[data-mention]")).toHaveText(`@${alice.name}`);
});
