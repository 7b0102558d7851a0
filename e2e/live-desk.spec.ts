/**
 * Two people on one article: what one does shows in the other's browser from the change
 * events alone, without reading the article again, and a page whose connection dropped
 * catches up when it comes back (issue "Live desk at scale").
 */
import net from "node:net";
import type { Page, Request } from "@playwright/test";
import { expect, test } from "./fixtures";
import { selectWithMouse } from "./helpers";

const ARTICLE_TEXT = '[data-testid="article-text"]';
const FIRST = "The harbour authority said cargo volumes rose by 12% in the first half";
const SECOND = "Dock workers dispute the figure and point to idle cranes";
const TEXT = `${FIRST} of the year, the best result in a decade.\n\n${SECOND} along the northern quay.`;

/**
 * A loopback TCP relay in front of the app, so that the test can cut a browser's connections as
 * a network drop would (and refuse new ones until `restore`). Cookies on localhost do not
 * depend on the port, so a page served through it is signed in as on the app's own port.
 */
async function startRelay(target: URL) {
  const sockets = new Set<net.Socket>();
  let down = false;
  const server = net.createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => {});
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    drop() {
      down = true;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      down = false;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

async function markClaim(page: Page, phrase: string): Promise<string> {
  await selectWithMouse(page, ARTICLE_TEXT, phrase);
  await page.getByRole("button", { name: "Mark claim" }).click();
  const panel = page.getByRole("complementary", { name: "Claims panel" });
  await panel.getByRole("button", { name: "Save claim" }).click();
  const highlight = page.locator(`${ARTICLE_TEXT} .claim-highlight`, { hasText: phrase });
  await expect(highlight).toHaveText(phrase);
  const id = await highlight.getAttribute("data-claim-id");
  expect(id).toBeTruthy();
  return id!;
}

test("a claim marked and annotated in one browser shows in the other without a reload, and a dropped connection catches up", async ({
  desk,
  baseURL,
}) => {
  // An article of its own, so that no other test's claims interfere.
  const { id: articleId } = await desk.article(await desk.user("editor", "Erin Novak"), {
    title: `Harbour figures ${Date.now().toString(36)}`,
    text: TEXT,
  });

  // Bob reads it through a relay that can cut his connection; every request his page makes is recorded.
  const relay = await startRelay(new URL(baseURL!));
  const bob = await desk.page(await desk.user("reviewer", "Bob Keller"));
  const bobRequests: Request[] = [];
  bob.on("request", (request) => bobRequests.push(request));
  await bob.goto(`${relay.origin}/articles/${articleId}`);
  const bobPanel = bob.getByRole("complementary", { name: "Claims panel" });
  await expect(bobPanel.getByText("Live", { exact: true })).toBeVisible();
  const articleReads = () =>
    bobRequests.filter((request) => request.method() === "GET" && new URL(request.url()).pathname === `/api/articles/${articleId}`);

  // Alice marks a claim and adds a source, then submits it.
  const alice = await desk.page(await desk.user("reviewer", "Alice Martin"));
  await alice.goto(`/articles/${articleId}`);
  await expect(alice.getByText("Live", { exact: true })).toBeVisible();
  const claimId = await markClaim(alice, FIRST);

  // Bob sees the highlight and the claim in his list.
  await expect(bob.locator(`${ARTICLE_TEXT} [data-claim-id="${claimId}"]`)).toHaveText(FIRST);
  const bobItem = bobPanel.locator(`button[data-claim-id="${claimId}"]`);
  await expect(bobItem).toContainText("0 verdicts · 0 sources");

  const detail = alice.getByTestId("claim-detail");
  await detail.getByRole("button", { name: "Add source" }).click();
  const sourceForm = detail.getByRole("form", { name: "Add source" });
  await sourceForm.getByLabel("URL").fill("https://harbour.example.org/h1-report");
  await sourceForm.getByLabel("Title").fill("Half-year cargo report");
  await sourceForm.getByLabel("Supports").check();
  await sourceForm.getByRole("button", { name: "Save draft" }).click();
  const source = detail.getByRole("article", { name: /Source: Half-year cargo report/ });
  await expect(source).toContainText("Draft");
  // A draft is alice's alone: bob's list still counts none.
  await expect(bobItem).toContainText("0 verdicts · 0 sources");
  await source.getByRole("button", { name: "Submit for review" }).click();
  await expect(source).toContainText("Submitted");
  // Submitted, it reaches bob's list.
  await expect(bobItem).toContainText("0 verdicts · 1 source");

  // Bob opens the claim: the panel reads that claim, and shows alice's source.
  await bobItem.click();
  const bobDetail = bob.getByTestId("claim-detail");
  await expect(bobDetail.getByRole("article", { name: /Source: Half-year cargo report/ })).toBeVisible();

  // Bob's connection drops; meanwhile alice marks a second claim.
  relay.drop();
  await expect(bobPanel.getByText("Reconnecting…")).toBeVisible();
  const secondId = await markClaim(alice, SECOND);
  await expect(bobPanel.getByText("Reconnecting…")).toBeVisible();
  relay.restore();
  // The browser reconnects with the last event id it saw and is sent what it missed.
  await expect(bob.locator(`${ARTICLE_TEXT} [data-claim-id="${secondId}"]`)).toHaveText(SECOND, { timeout: 15_000 });
  await expect(bobPanel.getByText("Live", { exact: true })).toBeVisible();
  const streams = bobRequests.filter((request) => new URL(request.url()).pathname === `/api/articles/${articleId}/events`);
  expect(streams.length).toBeGreaterThanOrEqual(2);
  expect(await streams.at(-1)!.headerValue("last-event-id")).toMatch(/^\d+$/);

  // None of it read the article again: the page was drawn by the server, and every change came as an event.
  expect(articleReads()).toHaveLength(0);

  await bob.context().close();
  await relay.close();
});

test("a source withdrawn in one browser leaves the other's open claim at once, and its life as a draft stays unseen", async ({ desk, baseURL }) => {
  const { id: articleId } = await desk.article(await desk.user("editor", "Erin Novak"), {
    title: `Harbour withdrawal ${Date.now().toString(36)}`,
    text: TEXT,
  });
  const aliceUser = await desk.user("reviewer", "Alice Martin");
  const aliceApi = await desk.api(aliceUser);
  const headers = { origin: baseURL ?? "" };
  const start = TEXT.indexOf(FIRST);
  const marked = await aliceApi.post(`/api/articles/${articleId}/claims`, { data: { exact: FIRST, start, end: start + FIRST.length, revision: 1 }, headers });
  expect(marked.status(), await marked.text()).toBeLessThan(300);
  const { id: claimId } = (await marked.json()) as { id: string };
  const made = await aliceApi.post(`/api/claims/${claimId}/annotations`, {
    data: { kind: "source", url: "https://harbour.example.org/h1-report", title: "Half-year cargo report", stance: "supports" },
    headers,
  });
  expect(made.status(), await made.text()).toBeLessThan(300);
  const { id: sourceId } = (await made.json()) as { id: string };
  const submitted = await aliceApi.post(`/api/annotations/${sourceId}/submit`, { data: {}, headers });
  expect(submitted.status(), await submitted.text()).toBeLessThan(300);

  // Bob has the claim open with alice's source; every request his page makes is recorded.
  const bob = await desk.page(await desk.user("reviewer", "Bob Keller"));
  const bobRequests: Request[] = [];
  bob.on("request", (request) => bobRequests.push(request));
  await bob.goto(`/articles/${articleId}?claim=${claimId}`);
  const bobPanel = bob.getByRole("complementary", { name: "Claims panel" });
  await expect(bobPanel.getByText("Live", { exact: true })).toBeVisible();
  const bobSource = bob.getByTestId("claim-detail").getByRole("article", { name: /Source: Half-year cargo report/ });
  await expect(bobSource).toBeVisible();
  const claimReads = () =>
    bobRequests.filter((request) => request.method() === "GET" && new URL(request.url()).pathname === `/api/claims/${claimId}`).length;

  // Alice withdraws it: it leaves bob's open claim, without a reload.
  const alice = await desk.page(aliceUser);
  await alice.goto(`/articles/${articleId}?claim=${claimId}`);
  const aliceSource = alice.getByTestId("claim-detail").getByRole("article", { name: /Source: Half-year cargo report/ });
  await aliceSource.getByRole("button", { name: "Withdraw" }).click();
  await expect(aliceSource).toContainText("Draft");
  await expect(bobSource).toHaveCount(0);
  const readsAfterWithdrawal = claimReads();

  // Edited and then deleted as a draft, it is alice's alone: bob's page is sent nothing and reads nothing.
  await aliceSource.getByRole("button", { name: "Edit" }).click();
  const form = alice.getByTestId("claim-detail").getByRole("form", { name: /Edit source/ });
  await form.getByLabel("Title").fill("Half-year cargo report, revised");
  await form.getByRole("button", { name: /Save/ }).click();
  const revised = alice.getByTestId("claim-detail").getByRole("article", { name: /Source: Half-year cargo report, revised/ });
  await expect(revised).toBeVisible();
  await revised.getByRole("button", { name: "Delete" }).click();
  await revised.getByRole("button", { name: "Delete" }).click();
  await expect(revised).toHaveCount(0);
  // A change bob may see comes after them, and is the next thing his page reads.
  const second = TEXT.indexOf(SECOND);
  const other = await aliceApi.post(`/api/articles/${articleId}/claims`, { data: { exact: SECOND, start: second, end: second + SECOND.length, revision: 1 }, headers });
  expect(other.status(), await other.text()).toBeLessThan(300);
  await expect(bob.locator(`${ARTICLE_TEXT} .claim-highlight`, { hasText: SECOND })).toBeVisible();
  expect(claimReads()).toBe(readsAfterWithdrawal);
  // Bob's list counts no source on the claim, and the page was never loaded again.
  await bobPanel.getByRole("button", { name: "All claims" }).click();
  await expect(bobPanel.locator(`button[data-claim-id="${claimId}"]`)).toContainText("0 verdicts · 0 sources");
  expect(bobRequests.filter((request) => request.resourceType() === "document")).toHaveLength(1);
});
