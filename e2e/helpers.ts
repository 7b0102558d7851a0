/** Shared steps of the end-to-end tests. */
import { expect, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";

/** The password of the accounts the runner seeds (`admin@factdesk.test` and the demo reviewers). */
export const DEMO_PASSWORD = "factdesk-demo";

/**
 * Signs in programmatically through next-auth's API (its CSRF token, then the credentials
 * callback), with the request context of `target`, so that the session cookie lands where
 * the form would put it: a page's or a browser context's cookie jar, or an API client's.
 * Fails the test unless the session then names `email`.
 */
export async function signInWithApi(target: Page | BrowserContext | APIRequestContext, email: string, password = DEMO_PASSWORD): Promise<void> {
  const api = "request" in target ? target.request : target;
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const answer = await api.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    maxRedirects: 0,
  });
  expect(answer.status(), `sign-in of ${email}`).toBeLessThan(400);
  const session = (await (await api.get("/api/auth/session")).json()) as { user?: { email?: string } };
  expect(session.user?.email, `signed in as ${email}`).toBe(email);
}

/** Signs in through the sign-in form, as a person would. */
export async function signInWithForm(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Signs in through the form and waits for the article list. For the specs of signing in;
 * every other spec signs in with `signInWithApi` (or the `desk` fixture of e2e/fixtures.ts).
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await signInWithForm(page, email, password);
  await expect(page).toHaveURL(/\/articles$/);
}

/** A unique email for a user a test creates. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}

/**
 * Selects `phrase` inside `root` by dragging the mouse from its first to its last character,
 * as a reader would.
 */
export async function selectWithMouse(page: Page, rootSelector: string, phrase: string): Promise<void> {
  const box = await page.evaluate(
    ({ rootSelector, phrase }) => {
      const root = document.querySelector(rootSelector);
      if (!root) throw new Error(`no ${rootSelector}`);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const index = node.textContent?.indexOf(phrase) ?? -1;
        if (index < 0) continue;
        const first = document.createRange();
        first.setStart(node, index);
        first.setEnd(node, index + 1);
        const last = document.createRange();
        last.setStart(node, index + phrase.length - 1);
        last.setEnd(node, index + phrase.length);
        const a = first.getClientRects()[0];
        const b = last.getClientRects()[0];
        if (!a || !b) throw new Error("phrase not rendered");
        (first.startContainer.parentElement ?? root).scrollIntoView({ block: "center" });
        const a2 = first.getClientRects()[0] ?? a;
        const b2 = last.getClientRects()[0] ?? b;
        return { x1: a2.left + 1, y1: a2.top + a2.height / 2, x2: b2.right - 1, y2: b2.top + b2.height / 2 };
      }
      throw new Error(`phrase not found: ${phrase}`);
    },
    { rootSelector, phrase },
  );
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
  await page.mouse.up();
}
