/**
 * Publishing a verified version and reading it in public: an editor publishes through the UI
 * (with its confirmation), a signed-out visitor opens the public link, sees the verified claim
 * and downloads every export. The test imports its own article, so it runs beside the others.
 */
import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const TEXT = [
  "The harbour bridge opened in 1932 after eight years of work.",
  "City officials said the bridge carries 160,000 vehicles a day, more than any other crossing in the region.",
  "Critics argue the toll funds road projects elsewhere.",
].join("\n\n");
const CLAIM = "the bridge carries 160,000 vehicles a day";

/** Serious and critical WCAG 2.1 AA violations on the page. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({ id: violation.id, nodes: violation.nodes.map((node) => node.target.join(" ")) }));
}

async function post(api: APIRequestContext, origin: string, path: string, data: unknown): Promise<{ id: string; version: number }> {
  const response = await api.post(path, { data, headers: { origin } });
  expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as { id: string; version: number };
}

test("an editor publishes a verified version; a signed-out visitor reads it and downloads every format", async ({ desk, baseURL }) => {
  const origin = baseURL ?? "";
  const title = `Bridge traffic ${Date.now().toString(36)}`;

  // Erin imports an article; Alice checks a claim in it; Bob approves her work.
  const erin = await desk.page(await desk.user("editor"));
  const article = await post(erin.request, origin, "/api/articles", { title, text: TEXT, outlet: "Harbour Gazette" });
  const alice = await desk.page(await desk.user());
  const start = TEXT.indexOf(CLAIM);
  const claim = await post(alice.request, origin, `/api/articles/${article.id}/claims`, {
    exact: CLAIM,
    start,
    end: start + CLAIM.length,
    revision: 1,
    claimant: "City officials",
  });
  const source = await post(alice.request, origin, `/api/claims/${claim.id}/annotations`, {
    kind: "source",
    url: "https://traffic.example.org/counts/2024",
    title: "Annual traffic counts",
    publisher: "Regional Transport Office",
    stance: "refutes",
  });
  const verdict = await post(alice.request, origin, `/api/claims/${claim.id}/annotations`, {
    kind: "verification",
    verdict: "mostly_true",
    rationale: "The 2024 count averages 152,000 vehicles a day; the tunnel carries more.",
  });
  for (const annotation of [source, verdict]) await post(alice.request, origin, `/api/annotations/${annotation.id}/submit`, {});
  const bob = await desk.page(await desk.user());
  for (const annotation of [source, verdict]) {
    await post(bob.request, origin, `/api/annotations/${annotation.id}/reviews`, { decision: "approve", comment: "Checked.", version: 1 });
  }

  // Publishing is for editors: a reviewer gets 403 from the API and no link in the page.
  const refused = await alice.request.post(`/api/articles/${article.id}/versions`, { data: {}, headers: { origin } });
  expect(refused.status()).toBe(403);
  await alice.goto(`/articles/${article.id}`);
  await expect(alice.getByRole("heading", { name: title })).toBeVisible();
  await expect(alice.getByRole("link", { name: "Publish a verified version" })).toHaveCount(0);

  // Erin publishes through the page, after seeing what is included and confirming.
  await erin.goto(`/articles/${article.id}`);
  await erin.getByRole("link", { name: "Publish a verified version" }).click();
  await expect(erin.getByRole("heading", { name: "Publish verified version 1" })).toBeVisible();
  const verified = erin.getByRole("region", { name: /^Verified/ });
  await expect(verified).toContainText(CLAIM);
  await expect(verified).toContainText("Mostly true");
  expect(await seriousViolations(erin)).toEqual([]);
  await erin.getByLabel("Note for readers (optional)").fill("First verified version of the bridge story.");
  await erin.getByRole("button", { name: "Publish version 1" }).click();
  const dialog = erin.getByRole("dialog", { name: "Publish version 1?" });
  await expect(dialog).toContainText("cannot be changed");
  // Cancelling publishes nothing.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  expect(((await (await erin.request.get(`/api/articles/${article.id}/versions`)).json()) as { items: unknown[] }).items).toEqual([]);
  await erin.getByRole("button", { name: "Publish version 1" }).click();
  await erin.getByRole("dialog").getByRole("button", { name: "Confirm and publish version 1" }).click();
  const done = erin.getByTestId("published");
  await expect(done).toContainText("Version 1 is published");
  const publicPath = await done.getByRole("link", { name: "Open the public page" }).getAttribute("href");
  expect(publicPath).toBe(`/v/${article.id}/1`);

  // The article page now links to its versions.
  await erin.goto(`/articles/${article.id}`);
  await expect(erin.getByRole("link", { name: "Versions (1)" })).toHaveAttribute("href", `/v/${article.id}/1`);

  // A visitor who is not signed in opens the public link.
  const visitor = await desk.page(undefined, { acceptDownloads: true });
  await visitor.goto(publicPath ?? "");
  await expect(visitor).toHaveURL(new RegExp(`/v/${article.id}/1$`));
  await expect(visitor.getByRole("heading", { name: title })).toBeVisible();
  await expect(visitor.getByTestId("version-banner")).toContainText("Verified version 1");
  await expect(visitor.getByTestId("version-banner")).toContainText("First verified version of the bridge story.");
  const mark = visitor.locator(`mark#claim-${claim.id}`);
  await expect(mark).toHaveText(CLAIM);
  await expect(mark).toHaveAttribute("data-finding", "mostly_true");
  // The verdict label and the note number after the claim are drawn by CSS: named for screen
  // readers, seen by everyone, and not part of the page's text, which stays the article's.
  const reference = visitor.getByRole("link", { name: "Note 1: Mostly true" });
  await expect(reference).toBeVisible();
  expect(await reference.evaluate((link) => [...link.children].map((child) => getComputedStyle(child, "::before").content))).toEqual([
    '"Mostly true"',
    '"1"',
  ]);
  await expect(visitor.getByTestId("published-article")).not.toContainText("Mostly true");
  const note = visitor.locator(`#note-${claim.id}`);
  await expect(note).toContainText("Mostly true");
  await expect(note).toContainText("152,000 vehicles");
  await expect(note.getByRole("link", { name: "Annual traffic counts" })).toHaveAttribute("href", "https://traffic.example.org/counts/2024");
  await expect(visitor.getByRole("heading", { name: "How we rate claims" })).toBeVisible();
  await expect(visitor.getByRole("list", { name: "Published versions" })).toContainText("Version 1");
  expect(await seriousViolations(visitor)).toEqual([]);

  // Every download: the right type, a file name, bytes, and the same bytes again (ETag, 304).
  const expected = {
    html: { type: "text/html", ext: ".html" },
    markdown: { type: "text/markdown", ext: ".md" },
    w3c: { type: "application/ld+json", ext: "-annotations.jsonld" },
    claimreview: { type: "application/ld+json", ext: "-claimreview.jsonld" },
  } as const;
  for (const [format, { type, ext }] of Object.entries(expected)) {
    const link = visitor.locator(`a[data-format="${format}"]`);
    const [download] = await Promise.all([visitor.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^bridge-traffic-[a-z0-9-]+-v1${ext.replace(".", "\\.")}$`));
    const file = await download.path();
    const bytes = fs.readFileSync(file);
    expect(bytes.length).toBeGreaterThan(200);
    const href = (await link.getAttribute("href")) ?? "";
    const response = await visitor.request.get(href);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain(type);
    expect(response.headers()["content-disposition"]).toContain(`filename="${download.suggestedFilename()}"`);
    const body = await response.body();
    expect(body.equals(bytes)).toBe(true);
    const etag = response.headers().etag ?? "";
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const again = await visitor.request.get(href, { headers: { "if-none-match": etag } });
    expect(again.status()).toBe(304);
    const text = bytes.toString("utf8");
    if (format === "html") {
      const scripts = text.match(/<script\b[^>]*>/gi) ?? [];
      expect(scripts).toEqual(['<script type="application/ld+json">']);
      expect(text).toContain(`id="claim-${claim.id}"`);
    }
    if (format === "w3c") {
      // The target a client fetches is the version's plain text, which the selectors describe.
      type Selector = { type: string; exact?: string; start?: number; end?: number };
      const [annotation] = (JSON.parse(text) as { first: { items: { target: { source: string; scope: string; selector: Selector[] } }[] } }).first.items;
      expect(annotation?.target.scope).toBe(`${origin}/v/${article.id}/1`);
      const source = await visitor.request.get(annotation?.target.source ?? "");
      expect(source.status()).toBe(200);
      expect(source.headers()["content-type"]).toBe("text/plain; charset=utf-8");
      expect(source.headers()["content-disposition"]).toBeUndefined();
      const plain = await source.text();
      expect(plain).toBe(TEXT);
      const position = annotation?.target.selector.find((selector) => selector.type === "TextPositionSelector");
      const quote = annotation?.target.selector.find((selector) => selector.type === "TextQuoteSelector");
      expect(quote?.exact).toBe(CLAIM);
      expect(Array.from(plain).slice(position?.start, position?.end).join("")).toBe(CLAIM);
    }
    if (format === "claimreview") {
      const [review] = JSON.parse(text) as { url: string; reviewRating: { alternateName: string } }[];
      expect(review?.url).toBe(`${origin}/v/${article.id}/1#claim-${claim.id}`);
      expect(review?.reviewRating.alternateName).toBe("Mostly true");
    }
  }

  // An unknown format names the field; an unknown version is 404.
  const bad = await visitor.request.get(`/api/articles/${article.id}/versions/1/export?format=pdf`);
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty("format");
  expect((await visitor.request.get(`/api/articles/${article.id}/versions/2/export?format=html`)).status()).toBe(404);
  expect((await visitor.request.get(`/v/${article.id}/2`)).status()).toBe(404);
});
