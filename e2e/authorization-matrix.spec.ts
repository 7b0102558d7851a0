import pg from "pg";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { ROUTE_PERMISSIONS, type RouteRule } from "../tests/security/route-permissions";
import { DEMO_PASSWORD, uniqueEmail } from "./helpers";

type Caller = "anonymous" | "disabled" | "reviewer" | "editor" | "admin";

/** The status the permission map implies for a caller on a resource that does not exist. */
function expected(rule: RouteRule, caller: Caller): number {
  if (rule.access === "public") return rule.onMissing;
  if (caller === "anonymous" || caller === "disabled") return 401;
  if (rule.access === "editor" && caller === "reviewer") return 403;
  if (rule.access === "admin" && (caller === "reviewer" || caller === "editor")) return 403;
  return rule.onMissing;
}

async function signedIn(browser: Browser, baseURL: string, email: string, password = DEMO_PASSWORD): Promise<APIRequestContext> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/articles$/);
  return context.request;
}

test("every route answers each kind of caller as the permission map says", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const base = baseURL ?? "";
  const callers: Record<Caller, APIRequestContext> = {
    anonymous: (await browser.newContext({ baseURL: base })).request,
    reviewer: await signedIn(browser, base, "alice@factdesk.test"),
    editor: await signedIn(browser, base, "erin@factdesk.test"),
    admin: await signedIn(browser, base, "admin@factdesk.test"),
    disabled: await (async () => {
      // An account signed in, then disabled by an administrator: its session must stop working.
      const email = uniqueEmail("disabled");
      const page = await (await browser.newContext({ baseURL: base })).newPage();
      await page.goto("/signup");
      await page.getByLabel("Name").fill("Soon Disabled");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill("a passphrase for now");
      await page.getByRole("button", { name: "Create account" }).click();
      await expect(page).toHaveURL(/\/articles$/);
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      await client.query("UPDATE users SET disabled_at = now() WHERE email = $1", [email]);
      await client.end();
      return page.context().request;
    })(),
  };

  const failures: string[] = [];
  for (const [key, rule] of Object.entries(ROUTE_PERMISSIONS)) {
    if (rule.skip) continue;
    const [method = "GET", pattern = ""] = key.split(" ");
    const url = pattern.replace("[id]", "does-not-exist").replace("[n]", "999999") + (pattern.endsWith("/export") ? "?format=html" : "");
    for (const caller of Object.keys(callers) as Caller[]) {
      const response = await callers[caller].fetch(url, {
        method,
        headers: { origin: base, "content-type": "application/json" },
        data: rule.body ?? (method === "GET" || method === "DELETE" ? undefined : {}),
      });
      const want = expected(rule, caller);
      if (response.status() !== want) failures.push(`${key} as ${caller}: ${response.status()}, expected ${want}`);
      expect(response.status(), `${key} as ${caller}`).toBeLessThan(500);
    }
  }
  expect(failures).toEqual([]);
});
