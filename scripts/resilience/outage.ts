/**
 * Database outage: stop PostgreSQL under the running app. Token requests must get a prompt
 * 503 `unavailable` (not a 500, not a hang, never a 2xx from a token that could not be
 * checked), the app must stay up, and once PostgreSQL is back on the same folder and port
 * the same requests must succeed again without restarting the app.
 */
import { randomBytes } from "node:crypto";
import { api, describe, errorCode, tally, type ApiResult } from "./http.ts";
import { annotationBody, errorMessageOf, serverLogFor, sleep, withSql, type SuiteContext } from "./context.ts";

/** A request during the outage must be answered within this. */
const OUTAGE_TIMEOUT_MS = 15_000;
/** The app must serve again within this after PostgreSQL is back. */
const RECOVERY_MS = 10_000;
const BURST = 10;

const isUnavailable = (result: ApiResult) => result.status === 503 && errorCode(result.body) === "unavailable";

export async function outageScenario(context: SuiteContext): Promise<void> {
  const { report, database, app, token } = context;
  console.log("\nDatabase outage: stop PostgreSQL under the running app, then start it again");
  const articles = `${app.url}/api/articles`;
  const explain = (result: ApiResult) => {
    const logged = serverLogFor(context.logFile, result.body);
    return `${describe(result)}${result.status === 503 ? `, retry-after ${result.headers?.get("retry-after") ?? "none"}` : ""}` +
      `${result.status >= 400 && !isUnavailable(result) ? `, body ${JSON.stringify(result.body).slice(0, 300)}` : ""}` +
      `${logged ? `; server log: ${logged.slice(0, 600)}` : ""}`;
  };

  const baseline = await api(articles, { token });
  if (!report.check("GET /api/articles with a token before the outage → 200", baseline.status === 200, describe(baseline))) return;

  const stopStarted = performance.now();
  try {
    await database.stop();
  } catch (error) {
    report.check("PostgreSQL stops", false, errorMessageOf(error));
    return;
  }
  report.note(`PostgreSQL stopped (fast shutdown) in ${Math.round(performance.now() - stopStarted)} ms`);

  const first = await api(articles, { token, timeoutMs: OUTAGE_TIMEOUT_MS });
  report.check(
    `GET /api/articles during the outage → 503 {"error":{"code":"unavailable"}} within ${OUTAGE_TIMEOUT_MS / 1000} s`,
    isUnavailable(first),
    explain(first),
  );

  const burst = await Promise.all(Array.from({ length: BURST }, () => api(articles, { token, timeoutMs: OUTAGE_TIMEOUT_MS })));
  const slowest = Math.max(...burst.map((result) => result.ms));
  const odd = burst.find((result) => !isUnavailable(result));
  report.check(
    `${BURST} concurrent GET /api/articles during the outage → all 503 unavailable`,
    odd === undefined,
    `${tally(burst)}, slowest ${Math.round(slowest)} ms${odd ? `; e.g. ${explain(odd)}` : ""}`,
  );

  const outageTitle = `outage-${randomBytes(4).toString("hex")}`;
  const write = await api(`${app.url}/api/claims/${context.claimId}/annotations`, {
    method: "POST",
    token,
    body: annotationBody(outageTitle),
    timeoutMs: OUTAGE_TIMEOUT_MS,
  });
  report.check("POST /api/claims/:id/annotations during the outage → 503 unavailable", isUnavailable(write), explain(write));

  // The token cannot be looked up: neither a real token nor a made-up one may get through.
  const unknownToken = `fd_${randomBytes(32).toString("base64url")}`;
  const stranger = await api(articles, { token: unknownToken, timeoutMs: OUTAGE_TIMEOUT_MS });
  const all = [first, ...burst, write, stranger];
  const leaked = all.filter((result) => result.status >= 200 && result.status < 400);
  report.check(
    "a failed token lookup never lets a request through (no 2xx/3xx during the outage)",
    leaked.length === 0,
    `${all.length} requests: ${tally(all)}; unknown token: ${describe(stranger)}`,
  );
  report.check("an unknown token during the outage → 503 unavailable (not 401, not 500)", isUnavailable(stranger), explain(stranger));

  report.check(
    "the app process survives the outage",
    app.isRunning(),
    app.isRunning() ? `pid ${app.pid} still serving` : `it exited: ${await app.exited}`,
  );

  const restarted = await database.restart();
  if (!report.check("PostgreSQL starts again on the same data folder and port", restarted, `port ${database.port}`)) {
    report.note(database.logTail());
    return;
  }

  const recoveryStarted = performance.now();
  let last: ApiResult | undefined;
  let attempts = 0;
  while (performance.now() - recoveryStarted < RECOVERY_MS) {
    attempts += 1;
    last = await api(articles, { token, timeoutMs: RECOVERY_MS });
    if (last.status === 200) break;
    await sleep(250);
  }
  const recovered = last?.status === 200;
  report.check(
    `without a restart the app serves GET /api/articles again within ${RECOVERY_MS / 1000} s`,
    recovered,
    `${recovered ? "200" : `last ${last ? explain(last) : "none"}`} after ${Math.round(performance.now() - recoveryStarted)} ms, ${attempts} attempt(s)`,
  );

  const after = await api(`${app.url}/api/claims/${context.claimId}/annotations`, {
    method: "POST",
    token,
    body: annotationBody(`${outageTitle}-after`),
  });
  report.check("writes work again after the outage (POST annotation → 201)", after.status === 201, explain(after));

  const landed = await withSql(database.url, async (sql) => {
    const result = await sql.query<{ count: string }>("SELECT count(*) AS count FROM annotations WHERE title = $1", [outageTitle]);
    return Number(result.rows[0]?.count ?? 0);
  });
  report.check("the write refused during the outage was not stored", landed === 0, `${landed} row(s) titled ${outageTitle}`);
}
