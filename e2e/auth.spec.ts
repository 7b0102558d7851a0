import { expect, test } from "@playwright/test";
import { signIn, signInWithForm, uniqueEmail } from "./helpers";

test.describe("signing in", () => {
  test("a signed-out visit to an article page lands on sign-in and returns after", async ({ page }) => {
    await page.goto("/articles");
    const link = page.getByRole("link").filter({ hasText: "NATO and allies reject" });
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Farticles/);

    await page.getByLabel("Email").fill("alice@factdesk.test");
    await page.getByLabel("Password").fill("factdesk-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/articles$/);
    await link.first().click();
    await expect(page).toHaveURL(/\/articles\/[^/]+$/);
    const articleUrl = page.url();

    await page.context().clearCookies();
    await page.goto(articleUrl);
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Farticles%2F/);
    await expect(page.getByRole("heading", { name: "Sign in to Factdesk" })).toBeVisible();
  });

  test("alice signs in and reads the seed article in the editor", async ({ page }) => {
    await signIn(page, "alice@factdesk.test");
    await expect(page.getByTestId("signed-in-user")).toHaveText("Alice Martin");
    await page.getByRole("link", { name: /NATO and allies reject Macron/ }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "NATO and allies reject Macron’s hypothesis of sending troops to Ukraine",
    );
    const text = page.getByTestId("article-text");
    await expect(text).toContainText("The defeat of Russia is essential for the security and stability of Europe");
    // Subheadings are headings, not paragraphs.
    await expect(text.getByRole("heading", { name: "Russia warns" })).toBeVisible();
    // Reviewers read and select; typing changes nothing.
    await expect(text).toHaveAttribute("aria-readonly", "true");
    await text.getByText("Russia warns").click();
    await page.keyboard.type("XYZ");
    await page.keyboard.press("Backspace");
    await expect(text.getByRole("heading", { name: "Russia warns" })).toBeVisible();
    await expect(text).not.toContainText("XYZ");
  });

  test("a wrong password shows the error and gives no session", async ({ page }) => {
    await signInWithForm(page, "alice@factdesk.test", "not-the-password");
    await expect(page.getByText("Wrong email or password.")).toBeVisible();
    await expect(page).toHaveURL(/\/signin/);
    const session = await page.request.get("/api/auth/session");
    expect(await session.json()).toEqual({});
    await page.goto("/articles");
    await expect(page).toHaveURL(/\/signin/);
  });

  test("signing out ends the session", async ({ page }) => {
    await signIn(page, "bob@factdesk.test");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
    await page.goto("/articles");
    await expect(page).toHaveURL(/\/signin/);
  });
});

test.describe("signing up", () => {
  test("a new reviewer signs up and lands on the article list", async ({ page }) => {
    const email = uniqueEmail("newcomer");
    await page.goto("/signup");
    await page.getByLabel("Name").fill("Nadia Newcomer");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("a long enough passphrase");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/articles$/);
    await expect(page.getByTestId("signed-in-user")).toHaveText("Nadia Newcomer");
  });

  test("a taken email shows a field error and creates nothing", async ({ page }) => {
    await page.goto("/signup");
    await page.getByLabel("Name").fill("Another Alice");
    await page.getByLabel("Email").fill("alice@factdesk.test");
    await page.getByLabel("Password").fill("another long passphrase");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("An account with this email already exists.")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    // The original account still signs in with its own password: nothing was overwritten.
    await signIn(page, "alice@factdesk.test");
    await expect(page.getByTestId("signed-in-user")).toHaveText("Alice Martin");
  });

  test("a too-short password shows a field error and creates nothing", async ({ page }) => {
    const email = uniqueEmail("short");
    await page.goto("/signup");
    await page.getByLabel("Name").fill("Sam Short");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Use at least 8 characters.")).toBeVisible();
    await expect(page).toHaveURL(/\/signup/);
    // No account was created: signing in with that email fails.
    await signInWithForm(page, email, "short");
    await expect(page.getByText("Wrong email or password.")).toBeVisible();
  });
});
