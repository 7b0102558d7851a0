/**
 * The site header at phone and desktop widths: every destination is reachable, by keyboard too.
 * On a 360 px screen the links sit behind a "Menu" disclosure button; on a desktop they are
 * inline and there is no menu button.
 */
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/**
 * Presses Tab (or Shift+Tab, `backwards`) until `target` has the focus, as a keyboard user
 * would (at most `limit` presses).
 */
async function tabTo(page: Page, target: Locator, limit = 30, backwards = false): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  throw new Error(`${limit} presses of Tab did not reach ${target}`);
}

test.describe("on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("an administrator reaches Settings and Users through the header menu by keyboard", async ({ page, desk }) => {
    await desk.signIn(page, await desk.user("admin", "Ada Admin"));
    await page.goto("/articles");
    const menu = page.getByRole("button", { name: "Menu" });
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();
    // Nothing runs off the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await tabTo(page, menu);
    await page.keyboard.press("Enter");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    // The button names the list it opens, for screen readers.
    const list = page.locator(`[id="${await menu.getAttribute("aria-controls")}"]`);
    await expect(list.getByRole("navigation", { name: "Main" })).toBeVisible();
    for (const name of [/^Articles$/, /^Reviews/, /^Activity$/, /^Settings$/, /^Users$/]) {
      await expect(nav.getByRole("link", { name })).toBeInViewport();
    }
    await expect(list.getByTestId("signed-in-user")).toHaveText("Ada Admin");
    await expect(list.getByRole("button", { name: "Sign out" })).toBeInViewport();

    // Escape closes the menu and gives the focus back to its button.
    await page.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(menu).toBeFocused();
    await expect(nav).toBeHidden();

    await page.keyboard.press("Enter");
    await tabTo(page, nav.getByRole("link", { name: "Settings" }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/settings$/);
    await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
    await expect(menu).toHaveAttribute("aria-expanded", "false");

    await tabTo(page, menu);
    await page.keyboard.press("Enter");
    await tabTo(page, nav.getByRole("link", { name: "Users" }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
    // The menu closed on the way; opened again, it marks where the person is. (Back up to it:
    // the focus is still where the menu was, and the whole desk's accounts follow it.)
    await expect(nav).toBeHidden();
    await tabTo(page, menu, 30, true);
    await page.keyboard.press("Enter");
    await expect(nav.getByRole("link", { name: "Users" })).toHaveAttribute("aria-current", "page");
    await expect(nav.getByRole("link", { name: "Settings" })).not.toHaveAttribute("aria-current", "page");
  });

  test("the menu closes when the focus leaves it or a click lands outside it", async ({ page, desk }) => {
    await desk.signIn(page, await desk.user());
    await page.goto("/articles");
    const menu = page.getByRole("button", { name: "Menu" });
    const nav = page.getByRole("navigation", { name: "Main" });
    await menu.click();
    await expect(nav).toBeVisible();
    // A reviewer has no Users page.
    await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);
    // A click on the page below the open list closes it.
    await page.mouse.click(180, 700);
    await expect(nav).toBeHidden();

    await menu.click();
    await tabTo(page, page.getByRole("button", { name: "Sign out" }));
    await page.keyboard.press("Tab");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
  });
});

test("on a desktop the destinations are inline and there is no menu button", async ({ page, desk }) => {
  await desk.signIn(page, await desk.user("admin"));
  await page.goto("/articles");
  await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const name of [/^Articles$/, /^Reviews/, /^Activity$/, /^Settings$/, /^Users$/]) {
    await expect(nav.getByRole("link", { name })).toBeInViewport();
  }
  await expect(nav.getByRole("link", { name: "Articles" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("signed-in-user")).toBeVisible();
  // A desk account's long email is cut short rather than drawn over the navigation.
  const links = await nav.boundingBox();
  const account = await page.getByTestId("signed-in-user").boundingBox();
  expect(links && account && links.x + links.width <= account.x).toBe(true);
  await nav.getByRole("link", { name: /^Activity$/ }).click();
  await expect(page).toHaveURL(/\/activity$/);
});
