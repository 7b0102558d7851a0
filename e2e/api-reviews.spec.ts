/**
 * The review HTTP API (docs/architecture.md, "HTTP API"; the full reference is /api-docs) against the production build: reviews, replies,
 * the review queue, activity and a claim's history. Each test makes its own claim on the seed
 * article, so tests run in parallel and in any order; queue and activity assertions look only
 * at the test's own annotations.
 */
import { expect, test, type APIRequestContext, type Browser, type BrowserContext } from "@playwright/test";
import { signIn } from "./helpers";

interface Session {
  api: APIRequestContext;
  headers: Record<string, string>;
}

interface Annotation {
  id: string;
  status: string;
  version: number;
  approvals: number;
  requiredApprovals: number;
  reviews: Array<{ id: string; version: number; current: boolean }>;
  replies: Array<{ id: string; body: string }>;
  can: Record<string, boolean>;
}

const contexts: BrowserContext[] = [];
test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

/** A signed-in demo user in a browser context of their own. */
async function session(browser: Browser, email: string, baseURL: string): Promise<Session> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, email);
  return { api: page.request, headers: { origin: baseURL } };
}

const unique = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
const QUOTE = "The defeat of Russia is essential for the security and stability of Europe";

/** A claim on the seed article and a submitted verification by `user`. */
async function submittedVerification(user: Session): Promise<{ claimId: string; annotation: Annotation }> {
  const list = await user.api.get("/api/articles?limit=100");
  const { items } = (await list.json()) as { items: Array<{ id: string; title: string }> };
  const seed = items.find((item) => item.title.startsWith("NATO and allies reject"));
  expect(seed, "the seed article").toBeDefined();
  const article = (await (await user.api.get(`/api/articles/${seed!.id}`)).json()) as { revision: { number: number; text: string } };
  const start = article.revision.text.indexOf(QUOTE);
  const claim = await user.api.post(`/api/articles/${seed!.id}/claims`, {
    headers: user.headers,
    data: { exact: QUOTE, start, end: start + QUOTE.length, revision: article.revision.number, claimant: `Claimant ${unique()}` },
  });
  expect(claim.status()).toBe(201);
  const { id: claimId } = (await claim.json()) as { id: string };
  const created = await user.api.post(`/api/claims/${claimId}/annotations`, {
    headers: user.headers,
    data: { kind: "verification", verdict: "misleading", rationale: `Rationale ${unique()}` },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const submitted = await user.api.post(`/api/annotations/${id}/submit`, { headers: user.headers, data: {} });
  expect(submitted.status()).toBe(200);
  return { claimId, annotation: (await submitted.json()) as Annotation };
}

/** Every annotation id in `user`'s review queue, and the count the API gives for it. */
async function queue(user: Session): Promise<{ ids: string[]; count: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let count = 0;
  do {
    const response = await user.api.get(`/api/reviews/queue?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { items: Array<{ annotation: { id: string } }>; nextCursor: string | null; count: number };
    ids.push(...body.items.map((item) => item.annotation.id));
    cursor = body.nextCursor;
    count = body.count;
  } while (cursor);
  return { ids, count };
}

test.describe("reviews API", () => {
  test("answers 401 to a caller without a session", async ({ request, baseURL }) => {
    const headers = { origin: baseURL! };
    for (const response of [
      await request.post("/api/annotations/anything/reviews", { headers, data: { decision: "approve", comment: "x", version: 1 } }),
      await request.post("/api/annotations/anything/replies", { headers, data: { body: "x" } }),
      await request.get("/api/reviews/queue"),
      await request.get("/api/activity"),
      await request.get("/api/claims/anything/history"),
    ]) {
      expect(response.status()).toBe(401);
      expect(await response.json()).toEqual({ error: { code: "unauthenticated", message: expect.any(String) } });
    }
  });

  test("403 for reviewing one's own annotation; the queue shows it to others, not to its author", async ({ browser, baseURL }) => {
    const alice = await session(browser, "alice@factdesk.test", baseURL!);
    const bob = await session(browser, "bob@factdesk.test", baseURL!);
    const { annotation } = await submittedVerification(alice);

    const own = await alice.api.post(`/api/annotations/${annotation.id}/reviews`, {
      headers: alice.headers,
      data: { decision: "approve", comment: "Mine is fine.", version: 1 },
    });
    expect(own.status()).toBe(403);
    expect(await own.json()).toEqual({ error: { code: "forbidden", message: "You cannot review your own annotation." } });

    const bobs = await queue(bob);
    expect(bobs.ids).toContain(annotation.id);
    // The badge's count (tests in parallel may submit while the pages are read, so not an exact match).
    expect(bobs.count).toBeGreaterThanOrEqual(1);
    expect((await queue(alice)).ids).not.toContain(annotation.id);
    const first = await bob.api.get("/api/reviews/queue?limit=1");
    const body = (await first.json()) as { items: Array<{ annotation: { author: { name: string } }; claim: { exact: string }; article: { title: string } }> };
    expect(body.items[0]).toMatchObject({ annotation: { author: { name: expect.any(String) } }, claim: { exact: expect.any(String) } });
  });

  test("409 stale_version after an edit, 201 approve of the current one, then activity, replies and history", async ({ browser, baseURL }) => {
    const alice = await session(browser, "alice@factdesk.test", baseURL!);
    const bob = await session(browser, "bob@factdesk.test", baseURL!);
    const { claimId, annotation } = await submittedVerification(alice);

    const edited = await alice.api.patch(`/api/annotations/${annotation.id}`, {
      headers: alice.headers,
      data: { version: 1, verdict: "false" },
    });
    expect(edited.status()).toBe(200);
    expect(await edited.json()).toMatchObject({ version: 2, status: "submitted" });

    const stale = await bob.api.post(`/api/annotations/${annotation.id}/reviews`, {
      headers: bob.headers,
      data: { decision: "approve", comment: "Looks right.", version: 1 },
    });
    expect(stale.status()).toBe(409);
    expect(await stale.json()).toEqual({ error: { code: "stale_version", message: expect.any(String), currentVersion: 2 } });

    const badInput = await bob.api.post(`/api/annotations/${annotation.id}/reviews`, {
      headers: bob.headers,
      data: { decision: "approve", comment: "", version: 2 },
    });
    expect(badInput.status()).toBe(400);
    expect((await badInput.json()).error.fields).toHaveProperty("comment");

    const approved = await bob.api.post(`/api/annotations/${annotation.id}/reviews`, {
      headers: bob.headers,
      data: { decision: "approve", comment: "Matches the communiqué.", version: 2 },
    });
    expect(approved.status()).toBe(201);
    const reviewBody = await approved.json();
    expect(reviewBody).toEqual({
      id: expect.any(String),
      annotationId: annotation.id,
      decision: "approve",
      comment: "Matches the communiqué.",
      version: 2,
      current: true,
      reviewer: { id: expect.any(String), name: "Bob Keller" },
      createdAt: expect.any(String),
    });

    const again = await bob.api.post(`/api/annotations/${annotation.id}/reviews`, {
      headers: bob.headers,
      data: { decision: "approve", comment: "Once more.", version: 2 },
    });
    expect(again.status()).toBe(409);
    expect((await again.json()).error.code).toBe("conflict");

    const fetched = (await (await alice.api.get(`/api/annotations/${annotation.id}`)).json()) as Annotation;
    expect(fetched).toMatchObject({ status: "approved", version: 2, approvals: 1, requiredApprovals: 1, can: { withdraw: false } });
    expect(fetched.reviews).toEqual([reviewBody]);
    expect((await queue(bob)).ids).not.toContain(annotation.id);

    const withdraw = await alice.api.post(`/api/annotations/${annotation.id}/withdraw`, { headers: alice.headers, data: {} });
    expect(withdraw.status()).toBe(409);

    const reply = await alice.api.post(`/api/annotations/${annotation.id}/replies`, { headers: alice.headers, data: { body: "Thanks!" } });
    expect(reply.status()).toBe(201);
    expect(await reply.json()).toMatchObject({ annotationId: annotation.id, body: "Thanks!", author: { name: "Alice Martin" } });
    const bobReply = await bob.api.post(`/api/annotations/${annotation.id}/replies`, { headers: bob.headers, data: { body: "You're welcome." } });
    expect(bobReply.status()).toBe(201);
    const { id: bobReplyId } = (await bobReply.json()) as { id: string };

    const activity = await alice.api.get("/api/activity?limit=100");
    expect(activity.status()).toBe(200);
    const { items } = (await activity.json()) as { items: Array<{ id: string; type: string; annotation: { id: string } }> };
    const mine = items.filter((item) => item.annotation.id === annotation.id);
    expect(mine.map((item) => [item.type, item.id])).toEqual([
      ["reply", bobReplyId],
      ["review", reviewBody.id],
    ]);

    const history = await bob.api.get(`/api/claims/${claimId}/history`);
    expect(history.status()).toBe(200);
    const { items: events } = (await history.json()) as { items: Array<{ action: string; summary: string }> };
    expect(events.map((event) => event.action)).toEqual([
      "claim.created",
      "annotation.submitted",
      "annotation.updated",
      "annotation.reviewed",
      "annotation.replied",
      "annotation.replied",
    ]);
    expect(events[3]?.summary).toMatch(/approved a verdict \(version 2\)/);
  });
});
