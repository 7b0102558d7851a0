/**
 * The web, as a desk uses it: an editor imports an article from its address, served by a
 * fixture server this test starts on 127.0.0.1 (the only host the e2e runner lets the app fetch:
 * FACTDESK_FETCH_ALLOW=127.0.0.1, FACTDESK_FETCH_PUBLIC=off); a reviewer cites a page of the same
 * server as a source and sees it archived; the copy opens as a sandboxed page without scripts. A
 * published version links the copy of each source it cites, and a signed-out reader opens it.
 */
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { selectWithMouse } from "./helpers";
import { html, startFixtureServer, type FixtureServer } from "../tests/fixtures/web/server";

const ARTICLE_TEXT = '[data-testid="article-text"]';
const CLAIM = "the housing reform affects roughly 1.2 million residents across 14 districts";

let server: FixtureServer;
test.beforeAll(async () => {
  server = await startFixtureServer();
  server.route(
    "/census",
    html(
      `<html><head><title>District census 2026</title></head><body><nav>Home</nav><article><h1>District census 2026</h1>${"<p>The census counted 1.19 million residents in the 14 districts covered by the reform, according to the statistics office's final figures released in January.</p>".repeat(3)}<script>document.cookie = "stolen=1"</script></article></body></html>`,
    ),
  );
  server.route(
    "/budget",
    html(
      `<html><head><title>City budget 2026</title></head><body><article><h1>City budget 2026</h1>${"<p>The council's budget sets aside 48 million for the harbour bridge repairs over three years, the finance office said when it presented the figures.</p>".repeat(3)}</article></body></html>`,
    ),
  );
});
test.afterAll(() => server.close());

test("erin imports from a URL; alice cites a source there and sees it archived", async ({ page, desk }) => {
  const url = `${server.origin}/pages/classic-jsonld.html`;
  await desk.signIn(page, await desk.user("editor", "Erin Novak"));
  await page.goto("/articles");
  await page.getByRole("link", { name: "Import article" }).click();
  await page.getByText("From the web", { exact: true }).click();
  await page.getByLabel("Article address").fill(url);
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText("affects roughly 1.2 million residents");
  await expect(preview).not.toContainText("Accept all cookies");
  await expect(preview).not.toContainText("Related stories");
  await expect(page.getByLabel("Title")).toHaveValue("Housing reform passes after long debate");
  await expect(page.getByLabel("Outlet")).toHaveValue("The Harbour Gazette");
  await expect(page.getByLabel("Author")).toHaveValue("Maria Lindqvist");
  await expect(page.getByLabel("Publication date")).toHaveValue("2026-03-02");
  const title = `Housing reform ${Date.now().toString(36)}`;
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Import article" }).click();
  await expect(page).toHaveURL(/\/articles\/(?!new$)[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.locator(ARTICLE_TEXT)).toContainText(CLAIM);
  const articleUrl = page.url();

  // A page that cannot be fetched says why, in words.
  await page.goto("/articles/new");
  await page.getByText("From the web", { exact: true }).click();
  await page.getByLabel("Article address").fill(`http://127.0.0.2:${server.port}/pages/classic-jsonld.html`);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText(/fetches pages only from the hosts its administrators allow|private or reserved network/)).toBeVisible();

  // Alice marks a claim and cites the census page.
  const alice = await desk.page(await desk.user("reviewer", "Alice Martin"));
  const aliceContext = alice.context();
  await alice.goto(articleUrl);
  await expect(alice.getByText("Live", { exact: true })).toBeVisible();
  await selectWithMouse(alice, ARTICLE_TEXT, CLAIM);
  await alice.getByRole("button", { name: "Mark claim" }).click();
  const panel = alice.getByRole("complementary", { name: "Claims panel" });
  await panel.getByRole("button", { name: "Save claim" }).click();
  const detail = alice.getByTestId("claim-detail");
  await detail.getByRole("button", { name: "Add source" }).click();
  const form = detail.getByRole("form", { name: "Add source" });
  await form.getByLabel("URL").fill(`${server.origin}/census`);
  await form.getByLabel("Title").fill("District census 2026");
  await form.getByLabel("Supports").check();
  await form.getByRole("button", { name: "Save draft" }).click();
  const card = detail.getByRole("article", { name: "Source: District census 2026" });
  const archive = card.getByTestId("source-archive");
  await expect(archive).toContainText(/Archiving…|Archived/);
  await expect(archive).toContainText("Archived", { timeout: 20_000 });

  const [copy] = await Promise.all([
    aliceContext.waitForEvent("page"),
    archive.getByRole("link", { name: /^Archived copy of District census 2026, .+ \(opens in a new tab\)$/ }).click(),
  ]);
  const response = await copy.waitForLoadState().then(() => copy.reload());
  expect(response?.headers()["content-security-policy"]).toContain("sandbox");
  await expect(copy.getByText("Archived copy", { exact: true })).toBeVisible();
  await expect(copy.getByRole("heading", { name: "District census 2026" })).toBeVisible();
  await expect(copy.locator("main")).toContainText("counted 1.19 million residents");
  await expect(copy.locator("script")).toHaveCount(0);
  // An opaque origin: no access to the app's cookies or storage.
  expect(await copy.evaluate(() => window.origin)).toBe("null");
  const cookies = await copy.evaluate(() => {
    try {
      return document.cookie;
    } catch {
      return "refused";
    }
  });
  expect(["", "refused"]).toContain(cookies);
});

async function post(api: APIRequestContext, origin: string, path: string, data: unknown): Promise<{ id: string }> {
  const response = await api.post(path, { data, headers: { origin } });
  expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as { id: string };
}

test("a published version links the archived copy of its source, and a signed-out reader opens it", async ({ desk, baseURL }) => {
  const origin = baseURL ?? "";
  const text = "The council will spend 48 million on the harbour bridge repairs, the mayor said.";
  const claimed = "48 million on the harbour bridge repairs";
  const erin = await desk.page(await desk.user("editor"));
  const article = await post(erin.request, origin, "/api/articles", { title: `Bridge repairs ${Date.now().toString(36)}`, text });
  const alice = await desk.page(await desk.user("reviewer"));
  const start = text.indexOf(claimed);
  const claim = await post(alice.request, origin, `/api/articles/${article.id}/claims`, { exact: claimed, start, end: start + claimed.length, revision: 1 });
  const source = await post(alice.request, origin, `/api/claims/${claim.id}/annotations`, {
    kind: "source",
    url: `${server.origin}/budget`,
    title: "City budget 2026",
    stance: "supports",
  });
  const verdict = await post(alice.request, origin, `/api/claims/${claim.id}/annotations`, {
    kind: "verification",
    verdict: "true",
    rationale: "The budget sets aside 48 million for the repairs.",
  });
  // The copy is taken in the background; the article's claim list carries its state too.
  await expect
    .poll(
      async () => {
        const listed = (await (await alice.request.get(`/api/articles/${article.id}`)).json()) as {
          claims: { id: string; annotations: { id: string; archive?: { status: string } | null }[] }[];
        };
        return listed.claims.find((item) => item.id === claim.id)?.annotations.find((item) => item.id === source.id)?.archive?.status;
      },
      { timeout: 20_000 },
    )
    .toBe("archived");
  for (const annotation of [source, verdict]) await post(alice.request, origin, `/api/annotations/${annotation.id}/submit`, {});
  const bob = await desk.page(await desk.user("reviewer"));
  for (const annotation of [source, verdict]) {
    await post(bob.request, origin, `/api/annotations/${annotation.id}/reviews`, { decision: "approve", comment: "Checked.", version: 1 });
  }
  await post(erin.request, origin, `/api/articles/${article.id}/versions`, {});

  const reader = await desk.page();
  await reader.goto(`/v/${article.id}/1`);
  const note = reader.locator(`#note-${claim.id}`);
  const link = note.getByRole("link", { name: /^Archived copy of City budget 2026, \d{1,2} \w+ \d{4}$/ });
  await expect(link).toBeVisible();
  await expect(link).toHaveText("archived copy");
  await link.click();
  await expect(reader).toHaveURL(/\/api\/archives\/\w+$/);
  await expect(reader.getByText("Archived copy", { exact: true })).toBeVisible();
  await expect(reader.getByRole("heading", { name: "City budget 2026" })).toBeVisible();
  await expect(reader.locator("main")).toContainText("48 million for the harbour bridge repairs");
});
