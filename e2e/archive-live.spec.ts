/**
 * A source's archived copy reaches every open page of its article the moment the copy is taken
 * or fails (D9): no reload, no polling. The cited pages are served by a fixture server this
 * test starts on 127.0.0.1 (the only host the e2e runner lets the app fetch), and each answers
 * only when the test lets it, so the pages are seen waiting for the copy first. Another
 * reviewer's draft, and its copy, never reach a page that may not show it.
 */
import type { Page, Request } from "@playwright/test";
import { expect, test, type Desk } from "./fixtures";
import { startFixtureServer, type FixtureServer } from "../tests/fixtures/web/server";

const CLAIM = "Ferry passenger numbers doubled in the spring";
const TEXT = `${CLAIM}, the port authority said on Monday.\n\nThe harbour master expects the summer season to break every record.`;
const LONG_PARAGRAPH =
  "<p>The port authority counted 412,000 ferry passengers between March and May, against 205,000 in the same months a year earlier, in figures published on Monday.</p>";

let server: FixtureServer;
test.beforeAll(async () => {
  server = await startFixtureServer();
});
test.afterAll(() => server.close());

/** Serves `path` with `status` and `body`, but only once `release` is called. */
function heldPage(path: string, status: number, body: string): { release: () => void } {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  server.route(path, (_request, response) => {
    void released.then(() => {
      response.writeHead(status, { "content-type": "text/html; charset=utf-8" });
      response.end(body);
    });
  });
  return { release: () => release() };
}

async function openArticle(page: Page, articleId: string, claimId: string) {
  await page.goto(`/articles/${articleId}?claim=${claimId}`);
  await expect(page.getByRole("complementary", { name: "Claims panel" }).getByText("Live", { exact: true })).toBeVisible();
  const detail = page.getByTestId("claim-detail");
  await expect(detail).toContainText(CLAIM);
  return detail;
}

/**
 * An article with Alice's claim on it, and Bob's page open on the claim: every request his page
 * makes is recorded, and his window carries a mark that is gone if the page is ever loaded again.
 */
async function markedWithBobWatching(desk: Desk, baseURL: string | undefined, title: string) {
  const { id: articleId } = await desk.article(await desk.user("editor", "Erin Novak"), { title: `${title} ${Date.now().toString(36)}`, text: TEXT });
  const aliceUser = await desk.user("reviewer", "Alice Martin");
  const aliceApi = await desk.api(aliceUser);
  const start = TEXT.indexOf(CLAIM);
  const marked = await aliceApi.post(`/api/articles/${articleId}/claims`, {
    data: { exact: CLAIM, start, end: start + CLAIM.length, revision: 1 },
    headers: { origin: baseURL ?? "" },
  });
  expect(marked.status(), await marked.text()).toBeLessThan(300);
  const { id: claimId } = (await marked.json()) as { id: string };

  const bob = await desk.page(await desk.user("reviewer", "Bob Keller"));
  const bobRequests: Request[] = [];
  bob.on("request", (request) => bobRequests.push(request));
  const bobDetail = await openArticle(bob, articleId, claimId);
  await bob.evaluate(() => Object.assign(window, { openedOnce: true }));
  return { articleId, aliceUser, claimId, bob, bobRequests, bobDetail };
}

async function addSource(page: Page, url: string, title: string) {
  const detail = page.getByTestId("claim-detail");
  await detail.getByRole("button", { name: "Add source" }).click();
  const form = detail.getByRole("form", { name: "Add source" });
  await form.getByLabel("URL").fill(url);
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Supports").check();
  await form.getByRole("button", { name: "Save draft" }).click();
  return detail.getByRole("article", { name: `Source: ${title}` });
}

test("a copy taken or failed shows in every open page of the article at once, and a draft's only in its author's", async ({
  desk,
  baseURL,
}, testInfo) => {
  test.setTimeout(120_000);
  const { articleId, aliceUser, claimId, bob, bobRequests, bobDetail } = await markedWithBobWatching(desk, baseURL, "Ferry figures");

  // Alice cites the port's report and submits it while the copy is still being taken.
  const report = heldPage("/ferry-report", 200, `<html><head><title>Spring ferry statistics</title></head><body><article><h1>Spring ferry statistics</h1>${LONG_PARAGRAPH.repeat(3)}</article></body></html>`);
  const alice = await desk.page(aliceUser);
  await openArticle(alice, articleId, claimId);
  const aliceCard = await addSource(alice, `${server.origin}/ferry-report`, "Spring ferry statistics");
  await expect(aliceCard.getByTestId("source-archive")).toContainText("Archiving…");
  await aliceCard.getByRole("button", { name: "Submit for review" }).click();
  await expect(aliceCard).toContainText("Submitted");

  const bobCard = bobDetail.getByRole("article", { name: "Source: Spring ferry statistics" });
  await expect(bobCard.getByTestId("source-archive")).toContainText("Archiving…");

  // The page answers; the copy is taken, and both pages show the link to it.
  report.release();
  const copyLink = /^Archived copy of Spring ferry statistics, .+ \(opens in a new tab\)$/;
  await expect(bobCard.getByRole("link", { name: copyLink })).toBeVisible({ timeout: 20_000 });
  await expect(bobCard.getByTestId("source-archive")).toContainText("Archived");
  await expect(aliceCard.getByRole("link", { name: copyLink })).toBeVisible();
  expect(await bobCard.getByRole("link", { name: copyLink }).getAttribute("href")).toMatch(/^\/api\/archives\/\w+$/);
  // Bob's page was neither reloaded nor polling the source: the news came on the change stream.
  expect(await bob.evaluate(() => "openedOnce" in window)).toBe(true);
  expect(bobRequests.filter((request) => new URL(request.url()).pathname.startsWith("/api/annotations/"))).toEqual([]);

  // The card after the live update, on a desktop and on a phone.
  await bobCard.screenshot({ path: testInfo.outputPath("source-card-live-desktop.png") });
  await bob.setViewportSize({ width: 360, height: 780 });
  await bobCard.scrollIntoViewIfNeeded();
  await expect(bobCard.getByRole("link", { name: copyLink })).toBeInViewport();
  await bobCard.screenshot({ path: testInfo.outputPath("source-card-live-phone.png") });
  await bob.screenshot({ path: testInfo.outputPath("article-live-phone.png") });
  await bob.setViewportSize({ width: 1280, height: 720 });

  // Alice also has the claim open in a second tab. She cites a notice that turns out to be gone,
  // as a draft: her second tab follows it, Bob's page is told nothing of it.
  const aliceTab = await alice.context().newPage();
  const aliceTabDetail = await openArticle(aliceTab, articleId, claimId);
  await expect(aliceTabDetail.getByRole("article", { name: "Source: Spring ferry statistics" }).getByRole("link", { name: copyLink })).toBeVisible();
  const notice = heldPage("/timetable-notice", 404, "<h1>Not found</h1>");
  const claimReads = () =>
    bobRequests.filter((request) => request.method() === "GET" && new URL(request.url()).pathname === `/api/claims/${claimId}`).length;
  // Bob's page is told nothing of the draft: it reads nothing for it.
  const readsBefore = claimReads();
  const draftCard = await addSource(alice, `${server.origin}/timetable-notice`, "Summer timetable notice");
  await expect(draftCard).toContainText("Draft");
  const tabCard = aliceTabDetail.getByRole("article", { name: "Source: Summer timetable notice" });
  await expect(tabCard.getByTestId("source-archive")).toContainText("Archiving…");

  notice.release();
  await expect(tabCard.getByTestId("source-archive")).toContainText("Not archived: The page answered HTTP 404", { timeout: 20_000 });
  await expect(draftCard.getByTestId("source-archive")).toContainText("Not archived: The page answered HTTP 404");
  await expect(draftCard.getByRole("button", { name: "Retry" })).toBeVisible();
  await tabCard.screenshot({ path: testInfo.outputPath("failed-card-live-desktop.png") });
  await expect(bobDetail.getByRole("article", { name: "Source: Summer timetable notice" })).toHaveCount(0);

  // Submitted, the source reaches Bob with its failed copy: the one read of the claim since the
  // draft is the submission's, so neither the draft nor its failed copy made his page read anything.
  await draftCard.getByRole("button", { name: "Submit for review" }).click();
  const bobFailedCard = bobDetail.getByRole("article", { name: "Source: Summer timetable notice" });
  await expect(bobFailedCard.getByTestId("source-archive")).toContainText("Not archived: The page answered HTTP 404");
  expect(claimReads()).toBe(readsBefore + 1);
  expect(await bob.evaluate(() => "openedOnce" in window)).toBe(true);
});

test("a failed copy retried in one page shows as being archived in every other open page at once", async ({ desk, baseURL }) => {
  test.setTimeout(120_000);
  const { articleId, aliceUser, claimId, bob, bobRequests, bobDetail } = await markedWithBobWatching(desk, baseURL, "Ferry retry");

  // Alice cites the port's fares page, which is missing for now, and submits it.
  const down = heldPage("/ferry-fares", 404, "<h1>Not found</h1>");
  const alice = await desk.page(aliceUser);
  await openArticle(alice, articleId, claimId);
  const aliceCard = await addSource(alice, `${server.origin}/ferry-fares`, "Ferry fares 2026");
  await aliceCard.getByRole("button", { name: "Submit for review" }).click();
  await expect(aliceCard).toContainText("Submitted");
  const bobCard = bobDetail.getByRole("article", { name: "Source: Ferry fares 2026" });
  await expect(bobCard.getByTestId("source-archive")).toContainText("Archiving…");

  // The page answers 404: both pages show the copy failed.
  down.release();
  await expect(bobCard.getByTestId("source-archive")).toContainText("Not archived: The page answered HTTP 404", { timeout: 20_000 });
  await expect(aliceCard.getByTestId("source-archive")).toContainText("Not archived");

  // The page is back; Alice retries, and Bob's page shows the new attempt before it finishes.
  const back = heldPage(
    "/ferry-fares",
    200,
    `<html><head><title>Ferry fares 2026</title></head><body><article><h1>Ferry fares 2026</h1>${LONG_PARAGRAPH.repeat(3)}</article></body></html>`,
  );
  await aliceCard.getByRole("button", { name: "Retry" }).click();
  await expect(aliceCard.getByTestId("source-archive")).toContainText("Archiving…");
  await expect(bobCard.getByTestId("source-archive")).toContainText("Archiving…");
  await expect(bobCard.getByTestId("source-archive")).not.toContainText("Not archived");

  back.release();
  const copyLink = /^Archived copy of Ferry fares 2026, .+ \(opens in a new tab\)$/;
  await expect(bobCard.getByRole("link", { name: copyLink })).toBeVisible({ timeout: 20_000 });
  // All of it came on Bob's change stream: his page was not reloaded and polled nothing.
  expect(await bob.evaluate(() => "openedOnce" in window)).toBe(true);
  expect(bobRequests.filter((request) => new URL(request.url()).pathname.startsWith("/api/annotations/"))).toEqual([]);
});
