/**
 * The claims and annotations HTTP API (docs/architecture.md, "HTTP API"; the full reference is /api-docs) against the production build:
 * status codes, the error shape, and request hygiene. Each test makes its own claims, so
 * tests run in parallel and in any order.
 */
import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { signIn } from "./helpers";

interface Revision {
  number: number;
  text: string;
}

interface Session {
  page: Page;
  api: APIRequestContext;
  headers: Record<string, string>;
}

// Contexts a test opened; closed after it (tests in one worker run one at a time).
const contexts: BrowserContext[] = [];
test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

/** A signed-in user in a browser context of their own. */
async function session(browser: Browser, email: string, baseURL: string): Promise<Session> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, email);
  return { page, api: page.request, headers: { origin: baseURL } };
}

/** The seed article's id and current revision. */
async function seedArticle({ api }: Session): Promise<{ id: string; revision: Revision }> {
  const list = await api.get("/api/articles?limit=100");
  expect(list.status()).toBe(200);
  const { items } = (await list.json()) as { items: Array<{ id: string; title: string }> };
  const seed = items.find((item) => item.title.startsWith("NATO and allies reject"));
  expect(seed, "the seed article").toBeDefined();
  const article = await api.get(`/api/articles/${seed!.id}`);
  expect(article.status()).toBe(200);
  const body = (await article.json()) as { id: string; revision: Revision };
  return { id: body.id, revision: body.revision };
}

/** Claim input for the first occurrence of `exact` in the revision. */
function claimInput(revision: Revision, exact: string, extra: Record<string, unknown> = {}) {
  const start = revision.text.indexOf(exact);
  expect(start, `"${exact}" in the seed article`).toBeGreaterThanOrEqual(0);
  return { exact, start, end: start + exact.length, revision: revision.number, ...extra };
}

const unique = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
// A sentence no UI test marks, so these API tests never crowd the claims the UI tests look for.
const QUOTE = "Macron did not even exclude sending troops if necessary to achieve that objective";

async function createClaim(user: Session, claimant = `Claimant ${unique()}`) {
  const { id, revision } = await seedArticle(user);
  const response = await user.api.post(`/api/articles/${id}/claims`, {
    headers: user.headers,
    data: claimInput(revision, QUOTE, { claimant }),
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string; articleId: string; claimant: string };
}

async function createSource(user: Session, claimId: string) {
  const response = await user.api.post(`/api/claims/${claimId}/annotations`, {
    headers: user.headers,
    data: { kind: "source", url: "https://www.nato.int/", title: `NATO statement ${unique()}`, stance: "context" },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string; version: number; status: string; title: string };
}

test.describe("claims API", () => {
  test("answers 401 with the error shape to a caller without a session", async ({ request, baseURL }) => {
    const headers = { origin: baseURL! };
    for (const response of [
      await request.post("/api/articles/anything/claims", { headers, data: { exact: "x", start: 0, end: 1, revision: 1 } }),
      await request.get("/api/claims/anything"),
      await request.patch("/api/annotations/anything", { headers, data: { version: 1, title: "x" } }),
      await request.get("/api/articles/anything/events"),
    ]) {
      expect(response.status()).toBe(401);
      expect(await response.json()).toEqual({ error: { code: "unauthenticated", message: expect.any(String) } });
    }
  });

  test("creates a claim (201) and refuses bad input with 400 naming the field and 422 for a wrong quote", async ({ browser, baseURL }) => {
    const alice = await session(browser, "alice@factdesk.test", baseURL!);
    const { id, revision } = await seedArticle(alice);
    const claimant = `Stoltenberg ${unique()}`;

    const created = await alice.api.post(`/api/articles/${id}/claims`, {
      headers: alice.headers,
      data: claimInput(revision, QUOTE, { claimant }),
    });
    expect(created.status()).toBe(201);
    const claim = await created.json();
    expect(claim).toMatchObject({
      id: expect.any(String),
      articleId: id,
      status: "unchecked",
      exact: QUOTE,
      claimant,
      createdBy: { name: "Alice Martin" },
      annotations: [],
      can: { delete: true, annotate: true },
    });
    const fetched = await alice.api.get(`/api/claims/${claim.id}`);
    expect(await fetched.json()).toEqual(claim);

    const withStatus = await alice.api.post(`/api/articles/${id}/claims`, {
      headers: alice.headers,
      data: claimInput(revision, QUOTE, { status: "verified" }),
    });
    expect(withStatus.status()).toBe(400);
    expect(await withStatus.json()).toEqual({
      error: { code: "invalid_input", message: expect.any(String), fields: { status: expect.any(String) } },
    });

    const noQuote = await alice.api.post(`/api/articles/${id}/claims`, {
      headers: alice.headers,
      data: { start: 0, end: 3, revision: revision.number },
    });
    expect(noQuote.status()).toBe(400);
    expect((await noQuote.json()).error.fields).toHaveProperty("exact");

    const wrongQuote = await alice.api.post(`/api/articles/${id}/claims`, {
      headers: alice.headers,
      data: { ...claimInput(revision, QUOTE), exact: QUOTE.replace("troops", "tanks!") },
    });
    expect(wrongQuote.status()).toBe(422);
    expect(await wrongQuote.json()).toEqual({
      error: { code: "unprocessable", message: expect.any(String), fields: { exact: expect.any(String) } },
    });

    const missing = await alice.api.post("/api/articles/no-such-article/claims", {
      headers: alice.headers,
      data: claimInput(revision, QUOTE),
    });
    expect(missing.status()).toBe(404);

    // The refused attempts stored nothing: the article holds the one claim with this claimant.
    const article = await (await alice.api.get(`/api/articles/${id}`)).json();
    const mine = (article.claims as Array<{ claimant: string | null }>).filter((entry) => entry.claimant === claimant);
    expect(mine).toHaveLength(1);
  });

  test("refuses a text/plain body (415) and a foreign Origin (403)", async ({ browser, baseURL }) => {
    const alice = await session(browser, "alice@factdesk.test", baseURL!);
    const { id, revision } = await seedArticle(alice);
    const body = JSON.stringify(claimInput(revision, QUOTE));

    const plain = await alice.api.post(`/api/articles/${id}/claims`, {
      headers: { ...alice.headers, "content-type": "text/plain" },
      data: body,
    });
    expect(plain.status()).toBe(415);
    expect((await plain.json()).error.code).toBe("unsupported_media_type");

    const foreign = await alice.api.post(`/api/articles/${id}/claims`, {
      headers: { origin: "https://evil.example", "content-type": "application/json" },
      data: body,
    });
    expect(foreign.status()).toBe(403);
    expect((await foreign.json()).error.code).toBe("forbidden");
  });

  test("keeps drafts private (404) and others' annotations read-only (403)", async ({ browser, baseURL }) => {
    const alice = await session(browser, "alice@factdesk.test", baseURL!);
    const bob = await session(browser, "bob@factdesk.test", baseURL!);
    const claim = await createClaim(alice);
    const draft = await createSource(alice, claim.id);
    expect(draft).toMatchObject({ status: "draft", version: 1 });

    const hidden = await bob.api.get(`/api/annotations/${draft.id}`);
    expect(hidden.status()).toBe(404);
    expect((await hidden.json()).error.code).toBe("not_found");
    const hiddenEdit = await bob.api.patch(`/api/annotations/${draft.id}`, { headers: bob.headers, data: { version: 1, title: "Bob's" } });
    expect(hiddenEdit.status()).toBe(404);
    const bobsView = await (await bob.api.get(`/api/claims/${claim.id}`)).json();
    expect(bobsView.annotations).toEqual([]);

    const submitted = await alice.api.post(`/api/annotations/${draft.id}/submit`, { headers: alice.headers, data: { version: 1 } });
    expect(submitted.status()).toBe(200);
    expect(await submitted.json()).toMatchObject({ status: "submitted", version: 1 });

    const visible = await bob.api.get(`/api/annotations/${draft.id}`);
    expect(visible.status()).toBe(200);
    expect((await visible.json()).can).toEqual({ edit: false, delete: false, submit: false, withdraw: false, review: true, reply: true });
    const forbidden = await bob.api.patch(`/api/annotations/${draft.id}`, { headers: bob.headers, data: { version: 1, title: "Bob's" } });
    expect(forbidden.status()).toBe(403);
    expect(await forbidden.json()).toEqual({ error: { code: "forbidden", message: expect.any(String) } });
    const forbiddenDelete = await bob.api.delete(`/api/annotations/${draft.id}`, { headers: bob.headers });
    expect(forbiddenDelete.status()).toBe(403);
    const forbiddenClaimDelete = await bob.api.delete(`/api/claims/${claim.id}`, { headers: bob.headers });
    expect(forbiddenClaimDelete.status()).toBe(403);

    const unchanged = await (await alice.api.get(`/api/annotations/${draft.id}`)).json();
    expect(unchanged).toMatchObject({ title: draft.title, version: 1, status: "submitted" });
  });

  test("answers 409 stale_version with the current version, and edits, withdraws and deletes", async ({ browser, baseURL }) => {
    const alice = await session(browser, "alice@factdesk.test", baseURL!);
    const claim = await createClaim(alice);
    const source = await createSource(alice, claim.id);

    const edited = await alice.api.patch(`/api/annotations/${source.id}`, {
      headers: alice.headers,
      data: { version: 1, title: "Edited title", publisher: "NATO" },
    });
    expect(edited.status()).toBe(200);
    expect(await edited.json()).toMatchObject({ version: 2, title: "Edited title", publisher: "NATO", status: "draft" });

    const stale = await alice.api.patch(`/api/annotations/${source.id}`, {
      headers: alice.headers,
      data: { version: 1, title: "From an old tab" },
    });
    expect(stale.status()).toBe(409);
    expect(await stale.json()).toEqual({ error: { code: "stale_version", message: expect.any(String), currentVersion: 2 } });

    const withVersion = await alice.api.patch(`/api/annotations/${source.id}`, {
      headers: alice.headers,
      data: { version: 2, status: "approved" },
    });
    expect(withVersion.status()).toBe(400);
    expect((await withVersion.json()).error.fields).toHaveProperty("status");

    expect((await alice.api.post(`/api/annotations/${source.id}/submit`, { headers: alice.headers })).status()).toBe(200);
    const withdrawn = await alice.api.post(`/api/annotations/${source.id}/withdraw`, { headers: alice.headers, data: {} });
    expect(withdrawn.status()).toBe(200);
    expect(await withdrawn.json()).toMatchObject({ status: "draft", version: 2 });

    const verification = await alice.api.post(`/api/claims/${claim.id}/annotations`, {
      headers: alice.headers,
      data: { kind: "verification", verdict: "unverifiable", rationale: { type: "doc", content: [{ type: "heading", content: [] }] } },
    });
    expect(verification.status()).toBe(422);
    expect((await verification.json()).error.fields).toHaveProperty("rationale");

    expect((await alice.api.delete(`/api/annotations/${source.id}`, { headers: alice.headers })).status()).toBe(204);
    expect((await alice.api.get(`/api/annotations/${source.id}`)).status()).toBe(404);
    expect((await alice.api.delete(`/api/claims/${claim.id}`, { headers: alice.headers })).status()).toBe(204);
    expect((await alice.api.get(`/api/claims/${claim.id}`)).status()).toBe(404);
  });

  test("streams a change to an open article within moments", async ({ browser, baseURL }) => {
    const bob = await session(browser, "bob@factdesk.test", baseURL!);
    const alice = await session(browser, "alice@factdesk.test", baseURL!);
    const { id } = await seedArticle(bob);
    type Probe = { ready: boolean; changes: Array<{ id: number; types: string[]; ids: string[]; claims: Array<{ id: string; exact: string }> }> };
    await bob.page.evaluate((articleId) => {
      const probe: Probe = { ready: false, changes: [] };
      (window as unknown as { probe: Probe }).probe = probe;
      const source = new EventSource(`/api/articles/${articleId}/events?after=0`);
      source.addEventListener("ready", () => (probe.ready = true));
      source.addEventListener("change", (event) => probe.changes.push(JSON.parse((event as MessageEvent<string>).data)));
    }, id);
    await bob.page.waitForFunction(() => (window as unknown as { probe: Probe }).probe.ready);

    const claim = await createClaim(alice);
    await bob.page.waitForFunction(
      (claimId) => (window as unknown as { probe: Probe }).probe.changes.some((change) => change.ids.includes(claimId)),
      claim.id,
      { timeout: 2_000 },
    );
    const changes = await bob.page.evaluate(() => (window as unknown as { probe: Probe }).probe.changes);
    // The change carries the new claim itself, so the page needs no read of the article.
    const change = changes.find((one) => one.ids.includes(claim.id))!;
    expect(change.types).toEqual(["claim.created"]);
    expect(change.claims.map((one) => one.id)).toEqual([claim.id]);
  });
});
