import { expect, test } from "./fixtures";
import { signInWithForm, uniqueEmail } from "./helpers";

test.describe("response headers", () => {
  test("pages carry a nonce-based CSP and the transport headers; the app runs under it", async ({ page, desk }) => {
    const seeded = await desk.article();
    const bob = await desk.user();
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto("/signin");
    const headers = response?.headers() ?? {};
    const csp = headers["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    for (const directive of ["'strict-dynamic'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'"]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    // Over plain http there is no HSTS (it is sent only behind https).
    expect(headers["strict-transport-security"]).toBeUndefined();

    // Every script the page ships carries the nonce, and the app works: sign in, open the editor.
    const scripts = await page.locator("script").evaluateAll((nodes) => nodes.map((node) => (node as HTMLScriptElement).nonce));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((value) => value === nonce)).toBe(true);
    await page.getByLabel("Email").fill(bob.email);
    await page.getByLabel("Password").fill(bob.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("link", { name: seeded.title }).click();
    await expect(page.getByText("Live", { exact: true })).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("HSTS is sent when the request came over https", async ({ request }) => {
    const response = await request.get("/signin", { headers: { "x-forwarded-proto": "https" } });
    expect(response.headers()["strict-transport-security"]).toContain("max-age=");
  });

  test("API answers are nosniff, allow nothing to load or run, and carry HSTS over https", async ({ request }) => {
    const response = await request.get("/api/articles");
    expect(response.status()).toBe(401);
    const headers = response.headers();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["content-security-policy"]).toContain("default-src 'none'");
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["strict-transport-security"]).toBeUndefined();
    const https = await request.get("/api/articles", { headers: { "x-forwarded-proto": "https" } });
    expect(https.headers()["strict-transport-security"]).toContain("max-age=");
  });
});

test("the x-middleware-subrequest header (CVE-2025-29927) gets no further than without it", async ({ request }) => {
  for (const value of ["middleware", "proxy", "middleware:middleware:middleware:middleware:middleware", "proxy:proxy:proxy:proxy:proxy"]) {
    const api = await request.get("/api/articles", { headers: { "x-middleware-subrequest": value } });
    expect(api.status()).toBe(401);
    // The page streams a redirect to sign-in, exactly as it does without the header.
    const page = await request.get("/articles", { headers: { "x-middleware-subrequest": value }, maxRedirects: 0 });
    const body = await page.text();
    expect(body).toContain("NEXT_REDIRECT;replace;/signin?callbackUrl=%2Farticles");
    expect(body).not.toContain("NATO and allies reject");
  }
});

test("five failed sign-ins from one place lock the account there for a while, even for the right password", async ({ page }) => {
  const email = uniqueEmail("locked");
  const password = "a proper passphrase";
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Locked Out");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/articles$/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  for (let attempt = 0; attempt < 5; attempt += 1) {
    await signInWithForm(page, email, `wrong ${attempt}`);
    await expect(page.getByText("Wrong email or password.")).toBeVisible();
  }
  await signInWithForm(page, email, password);
  await expect(page.getByText("Too many attempts. Wait a few minutes and try again.")).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
  const session = await page.request.get("/api/auth/session");
  expect(await session.json()).toEqual({});
});
