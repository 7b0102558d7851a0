import type { Locator } from "@playwright/test";
import { expect, test, type Desk } from "./fixtures";

const TEXT =
  "The council said rents rose by 12% in a year.\n\n" +
  "Tenants' groups say the real figure is higher, since new contracts are left out.";
const FIRST = "rents rose by 12% in a year";
const SECOND = "the real figure is higher";
/** An unchecked claim's fill and underline (lib/claims/status-labels.ts), as the browser computes them. */
const UNCHECKED_FILL = "rgba(250, 204, 21, 0.3)";
const UNCHECKED_UNDERLINE = "rgb(181, 137, 0) 0px -2px 0px 0px inset";

/** The words each highlighted claim covers, by claim: its highlight elements' text in document order. */
function quotes(root: Locator): Promise<string[]> {
  return root.locator("[data-claim-id]").evaluateAll((nodes) => {
    const byClaim = new Map<string, string>();
    for (const node of nodes) {
      const id = node.getAttribute("data-claim-id") ?? "";
      byClaim.set(id, (byClaim.get(id) ?? "") + (node.textContent ?? ""));
    }
    return [...byClaim.values()].sort();
  });
}

/** An article of its own with two claims, made through the API as an editor. */
async function articleWithClaims(desk: Desk): Promise<string> {
  const erin = await desk.user("editor");
  const { id } = await desk.article(erin, { title: `First view ${Date.now().toString(36)}`, text: TEXT });
  const api = await desk.api(erin);
  const { headers } = desk;
  for (const exact of [FIRST, SECOND]) {
    const start = TEXT.indexOf(exact);
    const claim = await api.post(`/api/articles/${id}/claims`, {
      headers,
      data: { exact, start, end: start + exact.length, revision: 1 },
    });
    expect(claim.status()).toBe(201);
  }
  return id;
}

test("the article and its highlights show before the app's code has loaded; the editor then takes over with the same highlights", async ({
  browser,
  desk,
}) => {
  const id = await articleWithClaims(desk);

  // Before the app's code has loaded: what the server's HTML draws, as a reader sees it at
  // first paint. (The page streams, so its own inline scripts still run.)
  const signedIn = await desk.context(await desk.user());
  const noScript = await browser.newContext({ storageState: await signedIn.storageState() });
  await noScript.route("**/_next/static/**/*.js", (route) => route.abort());
  const first = await noScript.newPage();
  await first.goto(`/articles/${id}`);
  const preview = first.getByTestId("article-preview");
  await expect(preview).toContainText("Tenants' groups say the real figure is higher");
  expect(await quotes(preview)).toEqual([FIRST, SECOND].sort());
  // Drawn as the editor draws an unchecked claim, in the unchecked colours.
  const unchecked = preview.locator(".claim-highlight.claim-unchecked").first();
  await expect(unchecked).toBeVisible();
  await expect(unchecked).toHaveCSS("background-color", UNCHECKED_FILL);
  await expect(unchecked).toHaveCSS("box-shadow", UNCHECKED_UNDERLINE);
  await noScript.close();

  // With it: the editor replaces the first view and draws the same claims over the same words.
  const page = await signedIn.newPage();
  await page.goto(`/articles/${id}`);
  const editor = page.getByTestId("article-text");
  await expect(editor).toContainText("Tenants' groups say");
  await expect(page.getByTestId("article-preview")).toHaveCount(0);
  expect(await quotes(editor)).toEqual([FIRST, SECOND].sort());
  await expect(editor.locator(".claim-highlight").first()).toHaveCSS("background-color", UNCHECKED_FILL);
});
