/**
 * One's own account and the administration of others'. The accounts are the tests' own
 * (e2e/fixtures.ts), signed in through the auth API; the form is used where signing in is
 * what a test checks (a retired password, a disabled account, signing in again).
 */
import type { Page } from "@playwright/test";
import { expect, FIXTURE_PASSWORD, test, uniqueTag, type Desk, type DeskRole } from "./fixtures";
import { signIn, signInWithForm } from "./helpers";

const PASSWORD = FIXTURE_PASSWORD;

/** A fresh account named after `prefix`, signed in on `page`; parallel tests never share a user. */
async function signUpFreshUser(desk: Desk, page: Page, prefix: string): Promise<{ email: string; name: string }> {
  const user = await desk.user("reviewer", `${prefix[0]?.toUpperCase()}${prefix.slice(1)} ${uniqueTag()}`);
  await desk.signIn(page, user);
  await page.goto("/articles");
  return { email: user.email, name: user.name };
}

/** A second, separate browser (its own cookies) signed in as `email`, on the article list. */
async function otherBrowser(desk: Desk, who: { email: string; password?: string } | DeskRole): Promise<Page> {
  const user = typeof who === "string" ? await desk.user(who) : { email: who.email, password: who.password ?? PASSWORD };
  const page = await desk.page(user);
  await page.goto("/articles");
  return page;
}

const PREVIEW = { title: "Preview", text: "One paragraph." };

test.describe("your own account", () => {
  test("changing the password keeps this browser signed in, ends the other one and retires the old password", async ({ page, desk }) => {
    const { email } = await signUpFreshUser(desk, page, "pat");
    const other = await otherBrowser(desk, { email });
    expect((await other.request.get("/api/articles")).status()).toBe(200);

    await page.goto("/settings");
    const section = page.getByRole("region", { name: "Password" });
    // A wrong current password is a field error, and nothing changes.
    await section.getByLabel("Current password").fill("not my password");
    await section.getByLabel("New password", { exact: true }).fill("a fresh new passphrase");
    await section.getByLabel("Repeat new password").fill("a fresh new passphrase");
    await section.getByRole("button", { name: "Change password" }).click();
    await expect(section.getByText("That is not your current password.")).toBeVisible();
    await expect(section.getByLabel("Current password")).toBeFocused();
    expect((await other.request.get("/api/articles")).status()).toBe(200);

    // A common password is refused with the sign-up rules.
    await section.getByLabel("Current password").fill(PASSWORD);
    await section.getByLabel("New password", { exact: true }).fill("password123");
    await section.getByLabel("Repeat new password").fill("password123");
    await section.getByRole("button", { name: "Change password" }).click();
    await expect(section.getByText("This password is too common; choose another.")).toBeVisible();

    await section.getByLabel("Current password").fill(PASSWORD);
    await section.getByLabel("New password", { exact: true }).fill("a fresh new passphrase");
    await section.getByLabel("Repeat new password").fill("a fresh new passphrase");
    await section.getByRole("button", { name: "Change password" }).click();
    await expect(section.getByText("Password changed. Every other session has been signed out.")).toBeVisible();

    // This browser carries on; the other one is out from its next request.
    expect((await page.request.get("/api/articles")).status()).toBe(200);
    await page.reload();
    await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
    expect((await other.request.get("/api/articles")).status()).toBe(401);
    await other.goto("/articles");
    await expect(other).toHaveURL(/\/signin/);

    // The old password no longer signs in; the new one does.
    await signInWithForm(other, email, PASSWORD);
    await expect(other.getByText("Wrong email or password.")).toBeVisible();
    await signIn(other, email, "a fresh new passphrase");
  });

  test("sign out everywhere ends every session, this one too, and leaves access tokens alone", async ({ page, desk, baseURL, playwright }) => {
    const { email } = await signUpFreshUser(desk, page, "sam");
    const other = await otherBrowser(desk, { email });

    await page.goto("/settings");
    await page.getByLabel("Token name").fill("Nightly sync");
    await page.getByRole("button", { name: "Create token" }).click();
    const secret = await page.getByLabel("New token").inputValue();

    const sessions = page.getByRole("region", { name: "Sessions" });
    await sessions.getByRole("button", { name: "Sign out everywhere" }).click();
    const dialog = page.getByRole("dialog", { name: "Sign out everywhere?" });
    await expect(dialog).toBeVisible();
    // The safe choice has focus; Escape backs out and nothing happens.
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
    expect((await other.request.get("/api/articles")).status()).toBe(200);

    await sessions.getByRole("button", { name: "Sign out everywhere" }).click();
    await dialog.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(page).toHaveURL(/\/signin/);
    expect((await other.request.get("/api/articles")).status()).toBe(401);
    await other.goto("/settings");
    await expect(other).toHaveURL(/\/signin/);

    const api = await playwright.request.newContext({ baseURL });
    expect((await api.get("/api/articles", { headers: { authorization: `Bearer ${secret}` } })).status()).toBe(200);
    await api.dispose();
  });
});

test.describe("user management", () => {
  test("an admin's role change applies to the user's next request, both ways", async ({ page, desk, baseURL }) => {
    const { name } = await signUpFreshUser(desk, page, "rita");
    expect((await page.request.post("/api/articles/preview", { data: PREVIEW, headers: { origin: baseURL ?? "" } })).status()).toBe(403);

    const admin = await otherBrowser(desk, "admin");
    await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
    await expect(admin.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
    const role = admin.getByLabel(`Role of ${name}`);
    await expect(role).toHaveValue("reviewer");
    await role.selectOption("editor");
    await expect(admin.getByText(`${name} is now an editor.`)).toHaveCount(1);

    // Same session, no new sign-in: the editor-only import is there now.
    expect((await page.request.post("/api/articles/preview", { data: PREVIEW, headers: { origin: baseURL ?? "" } })).status()).toBe(200);
    await page.goto("/articles/new");
    await expect(page.getByRole("heading", { name: "Import article" })).toBeVisible();

    await role.selectOption("reviewer");
    await expect(admin.getByText(`${name} is now a reviewer.`)).toHaveCount(1);
    expect((await page.request.post("/api/articles/preview", { data: PREVIEW, headers: { origin: baseURL ?? "" } })).status()).toBe(403);
    await page.reload();
    await expect(page.getByRole("heading", { name: "Only editors import articles" })).toBeVisible();
  });

  test("an admin disables an account: its next request is 401 and sign-in says why; re-enabling lets it back in", async ({ page, desk }) => {
    const { email, name } = await signUpFreshUser(desk, page, "dana");
    const admin = await otherBrowser(desk, "admin");
    await admin.goto("/admin/users");
    const row = admin.getByTestId("account-row").filter({ hasText: email });
    await expect(row).toContainText("Active");

    await row.getByRole("button", { name: `Disable ${name}` }).click();
    const dialog = admin.getByRole("dialog", { name: `Disable ${name}?` });
    await expect(dialog).toContainText(email);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(row.getByRole("button", { name: `Disable ${name}` })).toBeFocused();
    expect((await page.request.get("/api/articles")).status()).toBe(200);

    await row.getByRole("button", { name: `Disable ${name}` }).click();
    await dialog.getByRole("button", { name: "Disable account" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(row).toContainText("Disabled");

    expect((await page.request.get("/api/articles")).status()).toBe(401);
    await page.goto("/articles");
    await expect(page).toHaveURL(/\/signin/);
    await signInWithForm(page, email, PASSWORD);
    await expect(page.getByText("This account has been disabled. Ask an administrator of your desk to re-enable it.")).toBeVisible();
    // A wrong password does not reveal that the account is disabled.
    await signInWithForm(page, email, "not the password");
    await expect(page.getByText("Wrong email or password.")).toBeVisible();

    await row.getByRole("button", { name: `Re-enable ${name}` }).click();
    await expect(row).toContainText("Active");
    await signIn(page, email, PASSWORD);
    expect((await page.request.get("/api/articles")).status()).toBe(200);
  });

  test("an admin cannot demote or disable themselves, and only admins reach the user list", async ({ page, desk, baseURL }) => {
    const ada = await desk.user("admin");
    await desk.signIn(page, ada);
    await page.goto("/admin/users");
    const own = page.getByTestId("account-row").filter({ hasText: ada.email });
    await expect(own).toContainText("(you)");
    await expect(own.getByRole("combobox")).toHaveCount(0);
    await expect(own.getByRole("button")).toHaveCount(0);

    const list = (await (await page.request.get("/api/users")).json()) as { items: { id: string; email: string }[] };
    const self = list.items.find((item) => item.email === ada.email);
    expect(self).toBeDefined();
    const origin = { origin: baseURL ?? "" };
    const demote = await page.request.put(`/api/users/${self?.id}/role`, { data: { role: "editor" }, headers: origin });
    expect(demote.status()).toBe(403);
    expect(await demote.json()).toMatchObject({ error: { message: expect.stringContaining("You cannot change your own role") } });
    const disable = await page.request.post(`/api/users/${self?.id}/disable`, { data: {}, headers: origin });
    expect(disable.status()).toBe(403);
    expect(JSON.stringify(list)).not.toMatch(/argon2|passwordHash|tokenVersion/);

    const editor = await otherBrowser(desk, "editor");
    await expect(editor.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" })).toHaveCount(0);
    expect((await editor.request.get("/api/users")).status()).toBe(403);
    await editor.goto("/admin/users");
    await expect(editor.getByRole("heading", { name: "Only administrators manage accounts" })).toBeVisible();
  });
});
