import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { HOSTILE_URLS, XSS_PAYLOADS } from "../tests/security/xss-payloads";
import { uniqueEmail } from "./helpers";

const SENTENCE = "According to Peskov, the countries of the Atlantic Alliance must";

/** Fails the test if any script dialog opens, and records the page's dangerous markup. */
async function auditDom(page: Page): Promise<{ handlers: string[]; urls: string[] }> {
  return page.evaluate(() => {
    const handlers: string[] = [];
    const urls: string[] = [];
    for (const element of Array.from(document.querySelectorAll("*"))) {
      for (const attribute of Array.from(element.attributes)) {
        if (/^on/i.test(attribute.name)) handlers.push(`${element.tagName} ${attribute.name}`);
        if (/^(href|src|action|formaction|xlink:href|srcdoc|data)$/i.test(attribute.name)) {
          if (/^\s*(javascript|data|vbscript):/i.test(attribute.value)) urls.push(`${element.tagName} ${attribute.name}=${attribute.value}`);
        }
      }
    }
    return { handlers, urls };
  });
}

test("hostile input through every field of claims, annotations, replies and names never runs", async ({ page, desk }) => {
  test.setTimeout(120_000);
  const seeded = await desk.article();
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  // A reviewer whose very name is a payload.
  await page.goto("/signup");
  await page.getByLabel("Name").fill(`<img src=x onerror=alert("name")>`);
  await page.getByLabel("Email").fill(uniqueEmail("xss"));
  await page.getByLabel("Password").fill("a long hostile passphrase");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/articles$/);
  const origin = new URL(page.url()).origin;
  const post = (path: string, data: unknown) => page.request.post(path, { data, headers: { origin } });

  await page.getByRole("link", { name: seeded.title }).click();
  await expect(page).toHaveURL(/\/articles\/[^/]+$/);
  const articleId = new URL(page.url()).pathname.split("/").pop() ?? "";
  const article = (await (await page.request.get(`/api/articles/${articleId}`)).json()) as {
    revision: { number: number; text: string };
  };
  const start = article.revision.text.indexOf(SENTENCE);
  const claimResponse = await post(`/api/articles/${articleId}/claims`, {
    exact: SENTENCE,
    start,
    end: start + SENTENCE.length,
    revision: article.revision.number,
    claimant: `<script>alert("claimant")</script>`,
  });
  expect(claimResponse.status()).toBe(201);
  const claim = (await claimResponse.json()) as { id: string };

  for (const [index, payload] of XSS_PAYLOADS.entries()) {
    const source = await post(`/api/claims/${claim.id}/annotations`, {
      kind: "source",
      url: `https://example.org/evidence/${index}`,
      title: payload,
      publisher: payload.slice(0, 200),
      excerpt: payload,
      stance: "context",
    });
    expect(source.status(), payload).toBe(201);
    const verdict = await post(`/api/claims/${claim.id}/annotations`, { kind: "verification", verdict: "mixed", rationale: payload });
    expect(verdict.status(), payload).toBe(201);
    if (index < 15) {
      const { id } = (await source.json()) as { id: string };
      const reply = await post(`/api/annotations/${id}/replies`, { body: payload });
      expect(reply.status(), payload).toBe(201);
    }
  }

  // Hostile links are refused outright, as a source url and inside a rich-text rationale.
  for (const url of HOSTILE_URLS) {
    const source = await post(`/api/claims/${claim.id}/annotations`, { kind: "source", url, title: "t", stance: "context" });
    expect(source.status(), url).toBe(400);
    const rationale = {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "see", marks: [{ type: "link", attrs: { href: url } }] }] }],
    };
    const verdict = await post(`/api/claims/${claim.id}/annotations`, { kind: "verification", verdict: "false", rationale });
    expect([400, 422], url).toContain(verdict.status());
  }

  // Everything renders as text.
  await page.reload();
  await page.getByRole("complementary", { name: "Claims panel" }).locator(`button[data-claim-id="${claim.id}"]`).click();
  const detail = page.getByTestId("claim-detail");
  await expect(detail.getByRole("article", { name: "Verdict" })).toHaveCount(XSS_PAYLOADS.length);
  await expect(detail).toContainText(`<script>alert("claimant")</script>`);
  await expect(page.getByTestId("signed-in-user")).toHaveText(`<img src=x onerror=alert("name")>`);
  // Hover and click around, as a reader would.
  await detail.getByRole("article").first().hover();
  await page.locator('[data-testid="article-text"]').click();

  const { handlers, urls } = await auditDom(page);
  expect(handlers).toEqual([]);
  expect(urls).toEqual([]);
  expect(dialogs).toEqual([]);
});
