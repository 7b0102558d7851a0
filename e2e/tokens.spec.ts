import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test, type Desk } from "./fixtures";

const TOKEN = /^fd_[A-Za-z0-9_-]{43}$/;

/** A fresh reviewer named `name`, signed in on `page`, so tests running in parallel never share a user. */
async function signUpFreshUser(desk: Desk, page: Page, name: string): Promise<string> {
  const user = await desk.user("reviewer", name);
  await desk.signIn(page, user);
  await page.goto("/articles");
  return user.email;
}

/** Creates a token on the settings page and returns the secret the page shows once. */
async function createTokenInSettings(page: Page, name: string): Promise<string> {
  await page.goto("/settings");
  await page.getByLabel("Token name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  const secretField = page.getByLabel("New token");
  await expect(secretField).toHaveValue(TOKEN);
  return secretField.inputValue();
}

test.describe("personal access tokens", () => {
  test("a token created in settings reads the API until it is revoked there", async ({ page, desk, playwright, baseURL }) => {
    const email = await signUpFreshUser(desk, page, "Tess Token");
    await page.goto("/settings");
    await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
    const account = page.getByRole("region", { name: "Account" });
    await expect(account).toContainText("Tess Token");
    await expect(account).toContainText(email);
    await expect(account).toContainText("reviewer");
    await expect(page.getByText("No tokens yet")).toBeVisible();

    const secret = await createTokenInSettings(page, "CI sync");
    await expect(page.getByText("It will not be shown again.")).toBeVisible();
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.getByRole("button", { name: "Copy" }).click();
    await expect(page.getByText("Copied to the clipboard.")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    const row = page.getByTestId("token-row").filter({ hasText: "CI sync" });
    await expect(row).toContainText(`${secret.slice(0, 10)}…`);
    await expect(row).toContainText("Active");
    await expect(page.getByText("No tokens yet")).toHaveCount(0);

    // A fresh request context: no cookies, so only the token can authenticate it.
    const api = await playwright.request.newContext({ baseURL });
    try {
      const bearer = { authorization: `Bearer ${secret}` };
      expect((await api.get("/api/articles")).status()).toBe(401);
      const articles = await api.get("/api/articles", { headers: bearer });
      expect(articles.status()).toBe(200);
      expect(await articles.json()).toMatchObject({ items: expect.any(Array) });

      // The confirmation is keyboard operable: Enter opens it on the safe choice, Escape backs out.
      const revokeButton = row.getByRole("button", { name: "Revoke CI sync" });
      await revokeButton.focus();
      await page.keyboard.press("Enter");
      const dialog = page.getByRole("dialog", { name: "Revoke “CI sync”?" });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
      await page.keyboard.press("Escape");
      await expect(dialog).toBeHidden();
      await expect(revokeButton).toBeFocused();
      expect((await api.get("/api/articles", { headers: bearer })).status()).toBe(200);

      await revokeButton.click();
      await dialog.getByRole("button", { name: "Revoke token" }).click();
      await expect(dialog).toBeHidden();
      await expect(row).toContainText("Revoked");
      await expect(row.getByRole("button", { name: "Revoke CI sync" })).toHaveCount(0);
      // Revoking the token on display also takes its secret off the page.
      await expect(page.getByLabel("New token")).toHaveCount(0);

      const revoked = await api.get("/api/articles", { headers: bearer });
      expect(revoked.status()).toBe(401);
      expect(await revoked.json()).toMatchObject({ error: { code: "unauthenticated" } });
    } finally {
      await api.dispose();
    }

    // The secret is never shown again.
    await page.reload();
    await expect(row).toContainText("Revoked");
    expect(await page.content()).not.toContain(secret);
  });

  test("a bogus bearer token is refused even alongside a valid session cookie", async ({ page, desk }) => {
    await signUpFreshUser(desk, page, "Bea Bogus");
    // page.request shares the browser's cookies: the session alone is enough…
    expect((await page.request.get("/api/articles")).status()).toBe(200);
    // …but a token, once sent, decides alone: no fall-back to the cookie.
    const bogus = await page.request.get("/api/articles", { headers: { authorization: `Bearer fd_${"x".repeat(43)}` } });
    expect(bogus.status()).toBe(401);
    expect(bogus.headers()["www-authenticate"]).toMatch(/^Bearer/);
    const malformed = await page.request.get("/api/articles", { headers: { authorization: "Bearer not-a-token" } });
    expect(malformed.status()).toBe(401);
  });

  test("a token cannot create more tokens", async ({ page, desk, playwright, baseURL }) => {
    await signUpFreshUser(desk, page, "Mina Minter");
    const secret = await createTokenInSettings(page, "Script");
    const api = await playwright.request.newContext({ baseURL });
    try {
      const bearer = { authorization: `Bearer ${secret}` };
      const minted = await api.post("/api/tokens", { headers: bearer, data: { name: "Minted by a token" } });
      expect(minted.status()).toBe(403);
      const list = await api.get("/api/tokens", { headers: bearer });
      expect(list.status()).toBe(200);
      const body = (await list.json()) as { items: Array<{ name: string }> };
      expect(body.items.map((token) => token.name)).toEqual(["Script"]);
    } finally {
      await api.dispose();
    }
  });

  test("errors from the API show in the form", async ({ page, desk }) => {
    await signUpFreshUser(desk, page, "Ned Noname");
    await page.goto("/settings");
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByText("Enter a name for the token.")).toBeVisible();
    await expect(page.getByLabel("Token name")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("No tokens yet")).toBeVisible();
  });

  test("the settings page, with a new token and the revoke dialog, has no serious accessibility violations", async ({ page, desk }) => {
    await signUpFreshUser(desk, page, "Ada Access");
    const serious = async () => {
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      return results.violations
        .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
        .map((violation) => violation.id);
    };
    await page.goto("/settings");
    expect(await serious()).toEqual([]);
    await createTokenInSettings(page, "Audit");
    expect(await serious()).toEqual([]);
    await page.getByRole("button", { name: "Revoke Audit" }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    expect(await serious()).toEqual([]);
  });
});
