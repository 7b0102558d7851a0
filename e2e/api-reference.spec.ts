/**
 * The API reference: the OpenAPI document is public and cacheable, and the readable page lists
 * every operation it holds, signed out, under the page CSP, on a desktop and on a phone.
 */
import { expect, test, type APIResponse } from "@playwright/test";
import { contractProblem } from "../tests/openapi/contract";
import { DEMO_PASSWORD } from "./helpers";

/** The answer, after checking it against the reference's entry for `route`. */
async function documented(response: APIResponse, method: string, route: string): Promise<APIResponse> {
  expect(contractProblem(method, route, response.status(), response.headers()["content-type"], await response.text())).toBeNull();
  return response;
}

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { summary: string; tags: string[] }>>;
  components: { securitySchemes: Record<string, unknown> };
}

test("the OpenAPI document is public, cacheable and describes itself", async ({ request }) => {
  const response = await request.get("/api/openapi.json");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^application\/json/);
  expect(response.headers()["cache-control"]).toMatch(/public/);
  const document = (await response.json()) as OpenApiDocument;
  expect(document.openapi).toBe("3.1.0");
  expect(Object.keys(document.paths)).toContain("/api/openapi.json");
  expect(Object.keys(document.components.securitySchemes).sort()).toEqual(["bearerToken", "sessionCookie"]);
});

for (const [label, viewport] of [
  ["desktop", { width: 1280, height: 900 }],
  ["phone", { width: 360, height: 780 }],
] as const) {
  test(`the reference page lists every operation, signed out, on a ${label}`, async ({ page, request }) => {
    const reference = (await (await request.get("/api/openapi.json")).json()) as OpenApiDocument;
    const operations = Object.entries(reference.paths).flatMap(([path, item]) => Object.keys(item).map((method) => ({ method, path, ...item[method]! })));
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.setViewportSize(viewport);
    await page.goto("/api-docs");
    await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
    await page.screenshot({ path: `test-results/api-docs-${viewport.width}.png` });

    for (const tag of new Set(operations.flatMap((operation) => operation.tags))) {
      await expect(page.getByRole("heading", { level: 2, name: tag, exact: true })).toBeVisible();
    }
    // One card per operation, titled by its method and path.
    const titles = page.locator("h3").filter({ has: page.locator("span.uppercase") });
    await expect(titles).toHaveCount(operations.length);
    const claims = operations.find((operation) => operation.method === "post" && operation.path === "/api/articles/{id}/claims")!;
    const card = page.locator("[id='post-api-articles-id-claims']");
    await expect(card.getByText(claims.summary)).toBeVisible();
    await expect(card.locator("code", { hasText: /^revision$/ }).first()).toBeVisible();
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/api-docs-${viewport.width}-claims.png` });

    // Nothing overflows the page sideways on a phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(violations).toEqual([]);
  });
}

test("signing in through next-auth answers as documented, and the settings page leads to the reference", async ({ page, baseURL }) => {
  const csrf = await documented(await page.request.get("/api/auth/csrf"), "GET", "/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  await documented(await page.request.get("/api/auth/providers"), "GET", "/api/auth/providers");
  await documented(await page.request.get("/api/auth/session"), "GET", "/api/auth/session");
  await documented(
    await page.request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: "alice@factdesk.test", password: DEMO_PASSWORD, callbackUrl: `${baseURL}/articles`, json: "true" },
      maxRedirects: 0,
    }),
    "POST",
    "/api/auth/callback/credentials",
  );
  const session = await documented(await page.request.get("/api/auth/session"), "GET", "/api/auth/session");
  expect(((await session.json()) as { user?: { email?: string } }).user?.email).toBe("alice@factdesk.test");

  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/settings");
    const link = page.getByRole("link", { name: "API reference" });
    await link.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/settings-api-link-${width}.png` });
  }
  await page.getByRole("link", { name: "API reference" }).click();
  await expect(page).toHaveURL(/\/api-docs$/);
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
});
