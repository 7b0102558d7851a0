/**
 * Headers a client writes itself: X-Forwarded-For must not decide the client address (the
 * sign-in limits and the audit log use the connection's, README "Security"), and Host must
 * not decide any link the app hands out (lib/settings.ts `publicOrigin`).
 * The app under test runs without FACTDESK_TRUSTED_PROXIES, as `npm start` does by default.
 */
import http from "node:http";
import pg from "pg";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { uniqueEmail } from "./helpers";

const FORGED_HOST = "attacker.example";

/** One credentials sign-in through next-auth's endpoint, as the sign-in form sends it. */
async function postSignIn(api: APIRequestContext, email: string, password: string, headers: Record<string, string> = {}) {
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return api.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" }, headers, maxRedirects: 0 });
}

/** GET over a raw connection to the app (loopback), with a Host header of our choosing. */
function rawGet(baseURL: string, path: string, headers: Record<string, string>): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  const base = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: base.hostname, port: base.port, path, method: "GET", headers, setHost: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), headers: response.headers }));
      },
    );
    request.on("error", reject);
    request.end();
  });
}

test("a forged X-Forwarded-For neither escapes the sign-in limit nor reaches the audit log", async ({ baseURL }) => {
  const api = await playwrightRequest.newContext({ baseURL });
  const email = uniqueEmail("forged-xff");
  const statuses: number[] = [];
  for (let attempt = 1; attempt <= 6; attempt += 1) {
    // A new "address" on every try: if the header were believed, each try would look like a new client.
    const response = await postSignIn(api, email, `wrong ${attempt}`, { "x-forwarded-for": `203.0.113.${attempt}`, "x-real-ip": `203.0.113.${attempt}` });
    statuses.push(response.status());
  }
  expect(statuses.slice(0, 5)).not.toContain(429);
  expect(statuses[5]).toBe(429);
  await api.dispose();

  const database = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await database.connect();
  try {
    const { rows } = await database.query<{ address: string }>(
      "SELECT after->>'address' AS address FROM audit_events WHERE action = 'auth.sign_in_failed' AND target_id = $1",
      [email],
    );
    expect(rows).toHaveLength(5);
    for (const { address } of rows) {
      expect(address).not.toContain("203.0.113");
      // The connection's address: the test runner on this machine.
      expect(address).toMatch(/^(127\.\d+\.\d+\.\d+|::1)$/);
    }
  } finally {
    await database.end();
  }
});

test("a forged Host appears in no page, API answer or export", async ({ baseURL, desk }) => {
  if (!baseURL) throw new Error("baseURL is not set");
  const editor = await desk.api(await desk.user("editor"));
  const origin = { origin: baseURL, "content-type": "application/json" };
  const article = await editor.post("/api/articles", { headers: origin, data: { title: "Host header check", text: "A short article to publish." } });
  expect(article.status(), await article.text()).toBe(201);
  const { id } = (await article.json()) as { id: string };
  const published = await editor.post(`/api/articles/${id}/versions`, { headers: origin, data: { note: "first" } });
  expect(published.status(), await published.text()).toBe(201);
  const { number, url } = (await published.json()) as { number: number; url: string };
  expect(url.startsWith(baseURL)).toBe(true);

  const cookie = (await editor.storageState()).cookies.map((entry) => `${entry.name}=${entry.value}`).join("; ");
  const paths = [
    "/signin",
    "/articles",
    "/settings",
    `/v/${id}/${number}`,
    `/api/articles/${id}/versions`,
    `/api/articles/${id}/versions/${number}`,
    ...["html", "markdown", "w3c", "claimreview"].map((format) => `/api/articles/${id}/versions/${number}/export?format=${format}`),
  ];
  for (const path of paths) {
    const forgeries: Record<string, string>[] = [
      { host: FORGED_HOST },
      { host: new URL(baseURL).host, "x-forwarded-host": FORGED_HOST, "x-forwarded-proto": "https" },
    ];
    for (const headers of forgeries) {
      const response = await rawGet(baseURL, path, { ...headers, cookie });
      expect(response.status, `${path} with ${JSON.stringify(headers)}`).toBeLessThan(400);
      expect(response.body, path).not.toContain(FORGED_HOST);
      expect(JSON.stringify(response.headers), path).not.toContain(FORGED_HOST);
    }
  }
  // The settings page's curl example and the exports name the configured origin instead.
  const settings = await rawGet(baseURL, "/settings", { host: FORGED_HOST, cookie });
  expect(settings.body).toContain(baseURL);
  const w3c = await rawGet(baseURL, `/api/articles/${id}/versions/${number}/export?format=w3c`, { host: FORGED_HOST });
  expect(w3c.body).toContain(baseURL);
});
