/**
 * What a spec starts from: fresh accounts, a fresh article and signed-in browsers, made
 * through the public HTTP API, so that specs running in parallel never share (or change) each
 * other's people or texts.
 *
 *   import { expect, test } from "./fixtures";
 *
 *   test("…", async ({ desk, page }) => {
 *     const alice = await desk.user("reviewer");           // POST /api/signup
 *     const erin = await desk.user("editor");              // + PUT /api/users/:id/role
 *     const article = await desk.article(erin);            // a copy of the seed article
 *     await desk.signIn(page, alice);                      // next-auth's API, no form
 *     await page.goto(article.path);
 *     const bob = await desk.page(await desk.user());      // another browser, signed in
 *   });
 *
 * Accounts sign up like anyone (sign-up is open in the test runner); a role other than
 * reviewer is granted by the seeded administrator (`admin@factdesk.test`, which the runner
 * seeds), through the Users API, as a desk's administrator would. No route exists for tests
 * only. Only the specs of signing in itself use the sign-in form (`signInWithForm`).
 */
import { test as base, expect, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { docFromPlainText } from "../lib/anchoring/plain-text-doc";
import { readSeedArticle, SEED_HEADINGS } from "../prisma/seed-article";
import { DEMO_PASSWORD, signInWithApi, uniqueEmail } from "./helpers";

export { expect };

export type DeskRole = "reviewer" | "editor" | "admin";

/** An account a spec made for itself. */
export interface DeskUser {
  id: string;
  name: string;
  email: string;
  password: string;
  role: DeskRole;
}

/** An article a spec imported for itself, with its first revision. */
export interface DeskArticle {
  id: string;
  title: string;
  /** The article page, `/articles/:id`. */
  path: string;
  revision: { id: string; number: number; text: string };
}

/** The password of every account the fixtures make. */
export const FIXTURE_PASSWORD = "a passphrase for the desk";

const SEEDED_ADMIN = "admin@factdesk.test";

/** The title of a copy of the seed article, before its unique tag. */
const SEED_COPY_TITLE = "Allies rule out sending troops to Ukraine, copy";

/** A short tag that makes names and titles unique across parallel workers and runs. */
export function uniqueTag(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

type ContextOptions = Parameters<Browser["newContext"]>[0];

export class Desk {
  private readonly contexts: BrowserContext[] = [];
  private readonly requests: APIRequestContext[] = [];

  constructor(
    private readonly fixtures: {
      baseURL: string;
      newContext: (options?: ContextOptions) => Promise<BrowserContext>;
      newRequest: () => Promise<APIRequestContext>;
      admin: () => Promise<APIRequestContext>;
    },
  ) {}

  /** Headers of a same-origin JSON request (the API refuses cross-site mutations). */
  get headers(): { origin: string } {
    return { origin: this.fixtures.baseURL };
  }

  /**
   * A new account with `role`, signed up through the API, named `name` (by default the role
   * and a unique tag); its email is always unique.
   */
  async user(role: DeskRole = "reviewer", name = `${role[0]!.toUpperCase()}${role.slice(1)} ${uniqueTag()}`): Promise<DeskUser> {
    const fullName = name;
    const email = uniqueEmail(role);
    const anonymous = await this.fixtures.newRequest();
    const signedUp = await anonymous.post("/api/signup", { data: { name: fullName, email, password: FIXTURE_PASSWORD }, headers: this.headers });
    expect(signedUp.status(), `sign-up of ${email}: ${await signedUp.text()}`).toBe(201);
    const { id } = (await signedUp.json()) as { id: string };
    if (role !== "reviewer") {
      const admin = await this.fixtures.admin();
      const changed = await admin.put(`/api/users/${id}/role`, { data: { role }, headers: this.headers });
      expect(changed.status(), `role of ${email}: ${await changed.text()}`).toBe(200);
    }
    return { id, name: fullName, email, password: FIXTURE_PASSWORD, role };
  }

  /**
   * Signs `user` in programmatically: the session cookie lands in the page's browser context
   * (or the request context), as after the sign-in form.
   */
  async signIn(target: Page | BrowserContext | APIRequestContext, user: Pick<DeskUser, "email" | "password">): Promise<void> {
    await signInWithApi(target, user.email, user.password);
  }

  /** A new browser context (closed after the test), signed in as `user` when given. */
  async context(user?: Pick<DeskUser, "email" | "password">, options?: ContextOptions): Promise<BrowserContext> {
    const context = await this.fixtures.newContext(options);
    this.contexts.push(context);
    if (user) await this.signIn(context, user);
    return context;
  }

  /** A page in a browser of its own, signed in as `user` when given. */
  async page(user?: Pick<DeskUser, "email" | "password">, options?: ContextOptions): Promise<Page> {
    return (await this.context(user, options)).newPage();
  }

  /** An API client signed in as `user` (disposed after the test). */
  async api(user: Pick<DeskUser, "email" | "password">): Promise<APIRequestContext> {
    const api = await this.fixtures.newRequest();
    await this.signIn(api, user);
    return api;
  }

  /**
   * A new article imported by `editor` (a fresh editor when not given): by default a copy of
   * the seed article (same text and subheadings) under a unique title of its own; or `text`
   * under `title`. Copies never carry the seed's headline, which the sign-in specs (and specs
   * written before these fixtures) look for in the article list.
   */
  async article(editor?: DeskUser, input: { title?: string; text?: string; outlet?: string } = {}): Promise<DeskArticle> {
    const seed = readSeedArticle();
    const title = input.title ?? `${SEED_COPY_TITLE} ${uniqueTag()}`;
    const body =
      input.text === undefined
        ? { doc: docFromPlainText(seed.text, { headings: SEED_HEADINGS }) }
        : { text: input.text };
    const api = await this.api(editor ?? (await this.user("editor")));
    const created = await api.post("/api/articles", { data: { title, ...body, ...(input.outlet ? { outlet: input.outlet } : {}) }, headers: this.headers });
    expect(created.status(), `import of "${title}": ${await created.text()}`).toBe(201);
    const article = (await created.json()) as { id: string; title: string; revision: { id: string; number: number; text: string } };
    return { id: article.id, title: article.title, path: `/articles/${article.id}`, revision: article.revision };
  }

  /** @internal */
  track(request: APIRequestContext): APIRequestContext {
    this.requests.push(request);
    return request;
  }

  /** @internal Closes what the test opened. */
  async close(): Promise<void> {
    await Promise.all([...this.contexts.splice(0).map((context) => context.close()), ...this.requests.splice(0).map((request) => request.dispose())]);
  }
}

export const test = base.extend<{ desk: Desk }, { seededAdmin: () => Promise<APIRequestContext> }>({
  // The seeded administrator, signed in once per worker when a spec first asks for a role.
  seededAdmin: [
    async ({ playwright }, provide, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL ?? "";
      const held: { admin?: Promise<APIRequestContext> } = {};
      await provide(
        () =>
          (held.admin ??= (async () => {
            const api = await playwright.request.newContext({ baseURL });
            await signInWithApi(api, SEEDED_ADMIN, DEMO_PASSWORD);
            return api;
          })()),
      );
      if (held.admin) await (await held.admin).dispose();
    },
    { scope: "worker" },
  ],
  desk: async ({ browser, playwright, baseURL, seededAdmin }, provide) => {
    const desk: Desk = new Desk({
      baseURL: baseURL ?? "",
      newContext: (options) => browser.newContext(options),
      newRequest: async () => desk.track(await playwright.request.newContext({ baseURL })),
      admin: seededAdmin,
    });
    await provide(desk);
    await desk.close();
  },
});
