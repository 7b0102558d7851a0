/**
 * Pages refused for permission are audited like refused API requests (README "Security",
 * lib/audit/record-denial.ts): one access.denied event naming the account, the page's route
 * pattern, the article when there is one, the status and the address.
 */
import pg from "pg";
import { expect, test } from "./fixtures";

interface DenialRow {
  route: string;
  status: string;
  target_type: string;
  target_id: string;
  address: string;
}

async function denialsOf(userId: string): Promise<DenialRow[]> {
  const database = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await database.connect();
  try {
    const { rows } = await database.query<DenialRow>(
      `SELECT after->>'route' AS route, after->>'status' AS status, target_type, target_id, after->>'address' AS address
         FROM audit_events WHERE action = 'access.denied' AND actor_id = $1
          -- Pages only: a page's own API requests (the notification stream) are refused and
          -- recorded on their own, and counted apart from the page's refusal.
          AND after->>'route' NOT LIKE '% /api/%'
        ORDER BY created_at`,
      [userId],
    );
    return rows;
  } finally {
    await database.end();
  }
}

test("a reviewer shown 'only editors' or 'only administrators' instead of a page leaves one access.denied event per page", async ({ page, desk }) => {
  const visitor = await desk.user("reviewer", "Page Visitor");
  const userId = visitor.id;
  const { id: articleId } = await desk.article();

  await desk.signIn(page, visitor);

  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "Only administrators manage accounts" })).toBeVisible();
  await page.goto("/articles/new");
  await expect(page.getByRole("heading", { name: "Only editors import articles" })).toBeVisible();
  await page.goto(`/articles/${articleId}/publish`);
  await expect(page.getByRole("heading", { name: "Only editors publish versions" })).toBeVisible();
  // Pages the reviewer may see are not refusals.
  await page.goto("/articles");
  await page.goto("/settings");

  const rows = await denialsOf(userId);
  expect(rows.map(({ route, status, target_type, target_id }) => ({ route, status, target_type, target_id }))).toEqual([
    { route: "GET /admin/users", status: "403", target_type: "route", target_id: "GET /admin/users" },
    { route: "GET /articles/new", status: "403", target_type: "route", target_id: "GET /articles/new" },
    { route: "GET /articles/[id]/publish", status: "403", target_type: "article", target_id: articleId },
  ]);
  for (const row of rows) expect(row.address).toMatch(/^(127\.\d+\.\d+\.\d+|::1)$/);
});

test("a disabled account's session sent back to sign-in from a page is on record against the account", async ({ page, desk }) => {
  const soonDisabled = await desk.user("reviewer", "Soon Disabled");
  const userId = soonDisabled.id;

  await desk.signIn(page, soonDisabled);
  await page.goto("/articles");
  await expect(page).toHaveURL(/\/articles$/);

  const admin = await desk.api(await desk.user("admin"));
  const disabled = await admin.post(`/api/users/${userId}/disable`, { headers: { ...desk.headers, "content-type": "application/json" }, data: {} });
  expect(disabled.status()).toBe(200);

  await page.goto("/settings");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsettings/);
  const rows = await denialsOf(userId);
  expect(rows.map(({ route, status }) => ({ route, status }))).toEqual([{ route: "GET /settings", status: "401" }]);
});
