/**
 * The authorization matrix: every row of tests/security/route-permissions.ts called as every
 * kind of caller, on a resource that does not exist and (for rows with `owned` cases) on
 * resources that do, owned by one reviewer or by the desk. Fixtures are made fresh through
 * the API for this run; the expected statuses come from the map alone.
 */
import pg from "pg";
import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import {
  expectedOnMissing,
  expectedOnOwned,
  MATRIX_ARTICLE_TEXT,
  ORPHANED_QUOTE,
  ORPHANING_TEXT,
  ROUTE_PERMISSIONS,
  type Caller,
  type Fixture,
  type OwnedCase,
  type RouteRule,
} from "../tests/security/route-permissions";
import { contractProblem } from "../tests/openapi/contract";
import { DEMO_PASSWORD, uniqueEmail } from "./helpers";

const CALLERS: Caller[] = ["anonymous", "owner", "reviewer", "editor", "admin", "disabled"];

/** What a route's `[id]` and `[n]` become for one fixture. */
interface Target {
  id: string;
  n: number;
}

/** One API client per caller, with its session cookie, sending JSON from this origin. */
class Client {
  constructor(
    readonly api: APIRequestContext,
    private readonly origin: string,
  ) {}

  call(method: string, url: string, data?: unknown): Promise<APIResponse> {
    return this.api.fetch(url, {
      method,
      headers: { origin: this.origin, "content-type": "application/json" },
      data: data ?? (method === "GET" || method === "DELETE" ? undefined : {}),
      maxRedirects: 0,
    });
  }

  /** A call that must succeed; its JSON body. */
  async ok<T>(method: string, url: string, data?: unknown): Promise<T> {
    const response = await this.call(method, url, data);
    expect(response.status(), `${method} ${url}: ${await response.text()}`).toBeLessThan(300);
    return (await response.json()) as T;
  }
}

async function newClient(baseURL: string): Promise<Client> {
  return new Client(await playwrightRequest.newContext({ baseURL }), baseURL);
}

/** Signs in through next-auth's credentials endpoint, as the sign-in form does. */
async function signedIn(baseURL: string, email: string, password = DEMO_PASSWORD): Promise<Client> {
  const client = await newClient(baseURL);
  const { csrfToken } = (await (await client.api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await client.api.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, callbackUrl: `${baseURL}/articles`, json: "true" },
    maxRedirects: 0,
  });
  const session = (await (await client.api.get("/api/auth/session")).json()) as { user?: { email?: string } };
  expect(session.user?.email, `signed in as ${email}`).toBe(email);
  return client;
}

/** A new reviewer account, signed in; its id. */
async function newReviewer(baseURL: string, name: string): Promise<{ client: Client; id: string; email: string }> {
  const email = uniqueEmail(name.toLowerCase().replace(/\W+/g, "-"));
  const password = "a passphrase for the matrix";
  const anonymous = await newClient(baseURL);
  const { id } = await anonymous.ok<{ id: string }>("POST", "/api/signup", { name, email, password });
  await anonymous.api.dispose();
  return { client: await signedIn(baseURL, email, password), id, email };
}

/** Runs `tasks` a few at a time: the app shares two cores with the database and the browser. */
async function pooled<T>(tasks: Array<() => Promise<T>>, width = 6): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < tasks.length) {
        const index = next++;
        const task = tasks[index];
        if (task) results[index] = await task();
      }
    }),
  );
  return results;
}

/**
 * Makes fixtures through the API: claims, annotations and tokens are the owner's. Articles
 * are few (the article list is shared with every other test): a fixture that no call changes
 * is marked on one host article, and one published article serves every version row.
 */
class Fixtures {
  private hostArticle: Promise<string> | undefined;
  private publishedArticle: Promise<Target> | undefined;
  private orphans: Promise<string[]> | undefined;

  constructor(
    private readonly owner: Client,
    private readonly editor: Client,
  ) {}

  private async importArticle(): Promise<string> {
    const article = await this.editor.ok<{ id: string }>("POST", "/api/articles", { title: "Matrix article", text: MATRIX_ARTICLE_TEXT });
    return article.id;
  }

  /** The article shared fixtures are marked on; never corrected or published. */
  private host(): Promise<string> {
    this.hostArticle ??= this.importArticle();
    return this.hostArticle;
  }

  private published(): Promise<Target> {
    this.publishedArticle ??= (async () => {
      const id = await this.importArticle();
      const version = await this.editor.ok<{ number: number }>("POST", `/api/articles/${id}/versions`, {});
      return { id, n: version.number };
    })();
    return this.publishedArticle;
  }

  /**
   * `count` orphaned claims of the owner, made at once: all marked on the paragraph one
   * correction then removes, so one article serves them all.
   */
  prepareOrphans(count: number): void {
    this.orphans = (async () => {
      const articleId = await this.importArticle();
      const ids = await Promise.all(Array.from({ length: count }, () => this.claim(articleId, ORPHANED_QUOTE)));
      await this.editor.ok("POST", `/api/articles/${articleId}/revisions`, { text: ORPHANING_TEXT, baseRevision: 1 });
      for (const id of ids) {
        const claim = await this.owner.ok<{ status: string }>("GET", `/api/claims/${id}`);
        expect(claim.status, "the correction orphaned the claim").toBe("orphaned");
      }
      return ids;
    })();
  }

  private async claim(articleId?: string, exact = "NATO"): Promise<string> {
    const start = MATRIX_ARTICLE_TEXT.indexOf(exact);
    const claim = await this.owner.ok<{ id: string }>("POST", `/api/articles/${articleId ?? (await this.host())}/claims`, {
      exact,
      start,
      end: start + exact.length,
      revision: 1,
    });
    return claim.id;
  }

  private async annotation(claimId: string, submit: boolean): Promise<string> {
    const draft = await this.owner.ok<{ id: string }>("POST", `/api/claims/${claimId}/annotations`, {
      kind: "source",
      url: "https://example.org/report",
      title: "The owner's source",
      stance: "supports",
    });
    if (submit) await this.owner.ok("POST", `/api/annotations/${draft.id}/submit`, {});
    return draft.id;
  }

  /** A fixture; `changes` when the call made on it may change it (it must then be its own). */
  async make(fixture: Fixture, changes: boolean): Promise<Target> {
    switch (fixture) {
      case "article":
        return { id: changes ? await this.importArticle() : await this.host(), n: 1 };
      case "version":
        return this.published();
      case "claim":
        return { id: await this.claim(), n: 1 };
      case "annotated-claim": {
        const id = await this.claim();
        await this.annotation(id, true);
        return { id, n: 1 };
      }
      case "orphaned-claim": {
        const id = (await this.orphans)?.pop();
        if (!id) throw new Error("prepareOrphans() made too few orphaned claims");
        return { id, n: 1 };
      }
      case "draft":
        return { id: await this.annotation(await this.claim(), false), n: 1 };
      case "submitted":
        return { id: await this.annotation(await this.claim(), true), n: 1 };
      case "token": {
        const token = await this.owner.ok<{ id: string }>("POST", "/api/tokens", { name: "matrix" });
        return { id: token.id, n: 1 };
      }
    }
  }
}

/** One call of the matrix: a route, a caller, and what it is called on. */
interface Call {
  key: string;
  rule: RouteRule;
  caller: Caller;
  /** "missing", or the fixture with the index of its case in the row. */
  on: "missing" | { owned: OwnedCase; index: number };
  want: number;
}

function plan(): Call[] {
  const calls: Call[] = [];
  for (const [key, rule] of Object.entries(ROUTE_PERMISSIONS)) {
    if (rule.skip) continue;
    for (const caller of CALLERS) calls.push({ key, rule, caller, on: "missing", want: expectedOnMissing(rule, caller) });
    (rule.owned ?? []).forEach((owned, index) => {
      for (const caller of CALLERS) calls.push({ key, rule, caller, on: { owned, index }, want: expectedOnOwned(rule, owned, caller) });
    });
  }
  return calls;
}

/** Whether a call changes its fixture, so that it needs one of its own. */
function needsOwnFixture(call: Call): boolean {
  return call.on !== "missing" && Boolean(call.on.owned.fresh) && call.want < 300;
}

function urlOf(key: string, target: Target): { method: string; url: string } {
  const [method = "GET", pattern = ""] = key.split(" ");
  const url = pattern.replace("[id]", encodeURIComponent(target.id)).replace("[n]", String(target.n));
  return { method, url: url + (pattern.endsWith("/export") ? "?format=html" : "") };
}

test("every route answers each caller, on missing, own and others' resources, as the permission map says", async ({ baseURL }) => {
  test.setTimeout(180_000);
  const base = baseURL ?? "";
  const startedAt = Date.now();
  const database = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await database.connect();

  const [owner, reviewer, disabled] = await Promise.all([
    newReviewer(base, "Matrix Owner"),
    newReviewer(base, "Matrix Reviewer"),
    newReviewer(base, "Matrix Disabled"),
  ]);
  const callers: Record<Caller, Client> = {
    anonymous: await newClient(base),
    owner: owner.client,
    reviewer: reviewer.client,
    editor: await signedIn(base, "erin@factdesk.test"),
    admin: await signedIn(base, "admin@factdesk.test"),
    // Signed in, then disabled by an administrator: the session it holds must stop working.
    disabled: disabled.client,
  };
  await database.query("UPDATE users SET disabled_at = now() WHERE id = $1", [disabled.id]);

  // Fixtures first, a few at a time: one per case of a row, plus one more for every call
  // that is expected to change its fixture.
  const calls = plan();
  const fixtures = new Fixtures(owner.client, callers.editor);
  const shared = new Map<string, Target>();
  const own = new Map<Call, Target>();
  const tasks: Array<() => Promise<void>> = [];
  for (const call of calls) {
    if (call.on === "missing") continue;
    const { owned, index } = call.on;
    if (needsOwnFixture(call)) {
      tasks.push(async () => void own.set(call, await fixtures.make(owned.on, true)));
    } else {
      const name = `${call.key} #${index}`;
      if (!shared.has(name)) {
        shared.set(name, { id: "", n: 0 });
        // Every caller meets this one; those expected to succeed have their own when it changes.
        tasks.push(async () => void shared.set(name, await fixtures.make(owned.on, false)));
      }
    }
  }
  const orphanedCases = calls.filter((call) => call.on !== "missing" && call.on.owned.on === "orphaned-claim");
  const sharedOrphans = new Set(
    orphanedCases.filter((call) => !needsOwnFixture(call)).map((call) => (call.on === "missing" ? "" : `${call.key} #${call.on.index}`)),
  );
  fixtures.prepareOrphans(orphanedCases.filter(needsOwnFixture).length + sharedOrphans.size);
  await pooled(tasks);

  const failures: string[] = [];
  const undocumented: string[] = [];
  for (const call of calls) {
    const on = call.on;
    const target = on === "missing" ? { id: "does-not-exist", n: 999_999 } : (own.get(call) ?? shared.get(`${call.key} #${on.index}`));
    if (!target) throw new Error(`no fixture for ${call.key}`);
    const { method, url } = urlOf(call.key, target);
    const body = on === "missing" ? call.rule.body : (on.owned.body ?? call.rule.body);
    const response = await callers[call.caller].call(method, url, body);
    const where = on === "missing" ? "a missing resource" : `${call.caller === "owner" ? "own" : "the owner's"} ${on.owned.on}`;
    if (response.status() !== call.want) failures.push(`${call.key} as ${call.caller} on ${where}: ${response.status()}, expected ${call.want}`);
    // Every answer is also held to the API reference: documented status, media type and schema.
    const problem = contractProblem(method, call.key.split(" ")[1] ?? "", response.status(), response.headers()["content-type"], await response.text());
    if (problem) undocumented.push(`${problem} (as ${call.caller} on ${where})`);
  }
  expect(failures).toEqual([]);
  expect(undocumented).toEqual([]);
  console.log(`[matrix] ${calls.length} calls: ${calls.filter((call) => call.on !== "missing").length} on existing resources`);

  // Every refusal of the other reviewer that the audit policy covers left one access.denied
  // event: each 403, and each 404 that hid the owner's draft or token from them.
  const recordable = calls.filter((call) => call.caller === "reviewer" && (call.want === 403 || (call.want === 404 && call.on !== "missing")));
  const { rows } = await database.query<{ status: string; count: string }>(
    "SELECT after->>'status' AS status, count(*) FROM audit_events WHERE action = 'access.denied' AND actor_id = $1 GROUP BY 1",
    [reviewer.id],
  );
  const recorded = Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
  expect(recorded).toEqual({
    "403": recordable.filter((call) => call.want === 403).length,
    "404": recordable.filter((call) => call.want === 404).length,
  });
  // The disabled account's refused session is on record, once a minute rather than per call;
  // requests that carried no credential at all are not.
  const { rows: refused } = await database.query<{ count: string }>(
    "SELECT count(*) FROM audit_events WHERE action = 'access.denied' AND actor_id = $1 AND after->>'status' = '401'",
    [disabled.id],
  );
  expect(Number(refused[0]?.count)).toBeGreaterThanOrEqual(1);
  expect(Number(refused[0]?.count)).toBeLessThanOrEqual(Math.ceil((Date.now() - startedAt) / 60_000) + 1);
  const { rows: anonymous } = await database.query<{ count: string }>(
    "SELECT count(*) FROM audit_events WHERE action = 'access.denied' AND after->>'status' = '401' AND after->>'credential' IS NULL",
  );
  expect(Number(anonymous[0]?.count)).toBe(0);

  await database.end();
  await Promise.all(Object.values(callers).map((client) => client.api.dispose()));
});

test("the owner's draft and token stay out of every answer to anyone else", async ({ baseURL }) => {
  const base = baseURL ?? "";
  const [owner, reviewer] = await Promise.all([newReviewer(base, "Draft Owner"), newReviewer(base, "Draft Reader")]);
  const editor = await signedIn(base, "erin@factdesk.test");
  const admin = await signedIn(base, "admin@factdesk.test");
  const articleId = (await editor.ok<{ id: string }>("POST", "/api/articles", { title: "Drafts stay private", text: MATRIX_ARTICLE_TEXT })).id;
  const claimId = (await owner.client.ok<{ id: string }>("POST", `/api/articles/${articleId}/claims`, { exact: "NATO", start: 0, end: 4, revision: 1 })).id;
  const draftId = (
    await owner.client.ok<{ id: string }>("POST", `/api/claims/${claimId}/annotations`, {
      kind: "verification",
      verdict: "false",
      rationale: "A private first thought.",
    })
  ).id;
  const tokenId = (await owner.client.ok<{ id: string }>("POST", "/api/tokens", { name: "private" })).id;
  const reads = [`/api/claims/${claimId}`, `/api/articles/${articleId}`, `/api/claims/${claimId}/history`, "/api/reviews/queue", "/api/activity", "/api/tokens"];

  // The owner sees both, so the check below would notice them.
  const ownView = await Promise.all(reads.map(async (url) => owner.client.call("GET", url).then((response) => response.text())));
  expect(ownView.join("\n")).toContain(draftId);
  expect(ownView.join("\n")).toContain(tokenId);
  for (const [name, client] of Object.entries({ reviewer: reviewer.client, editor, admin })) {
    for (const url of reads) {
      const response = await client.call("GET", url);
      expect(response.status(), `${url} as ${name}`).toBe(200);
      const body = await response.text();
      expect(body, `${url} as ${name}`).not.toContain(draftId);
      expect(body, `${url} as ${name}`).not.toContain(tokenId);
      expect(body, `${url} as ${name}`).not.toContain("A private first thought.");
    }
  }
  await Promise.all([owner.client, reviewer.client, editor, admin].map((client) => client.api.dispose()));
});

test("requests another site makes a signed-in browser send are refused and recorded once against the account", async ({ baseURL }) => {
  const base = baseURL ?? "";
  const victim = await newReviewer(base, "Cross Site Target");
  // Any article will do: nothing may be marked on it.
  const list = await victim.client.ok<{ items: Array<{ id: string }> }>("GET", "/api/articles?limit=1");
  const articleId = list.items[0]?.id ?? "";
  const before = await victim.client.ok<{ claims: unknown[] }>("GET", `/api/articles/${articleId}`);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const response = await victim.client.api.post(`/api/articles/${articleId}/claims`, {
      headers: { origin: "https://attacker.example", "content-type": "application/json" },
      data: { exact: "NATO", start: 0, end: 4, revision: 1 },
    });
    expect(response.status()).toBe(403);
  }
  const after = await victim.client.ok<{ claims: unknown[] }>("GET", `/api/articles/${articleId}`);
  expect(after.claims).toHaveLength(before.claims.length);
  const database = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await database.connect();
  const { rows } = await database.query<{ route: string; status: string }>(
    "SELECT after->>'route' AS route, after->>'status' AS status FROM audit_events WHERE action = 'access.denied' AND actor_id = $1",
    [victim.id],
  );
  await database.end();
  expect(rows).toEqual([{ route: "POST /api/articles/[id]/claims", status: "403" }]);
  await victim.client.api.dispose();
});
