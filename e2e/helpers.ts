/** Shared steps of the end-to-end tests. */
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "factdesk-demo";

/** Signs in through the sign-in form, as a person would. */
export async function signInWithForm(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in and waits for the article list. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await signInWithForm(page, email, password);
  await expect(page).toHaveURL(/\/articles$/);
}

/** A unique email for a user a test creates. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}
