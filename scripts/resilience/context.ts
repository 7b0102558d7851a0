/** What the scenarios share: the report, the database, the running app and the test data. */
import fs from "node:fs";
import pg from "pg";
import type { Report } from "./report.ts";
import type { RestartablePostgres } from "./postgres.ts";
import { startAppWhenBuilt, type AppServer } from "./processes.ts";

export interface SuiteContext {
  report: Report;
  database: RestartablePostgres;
  /** The app now serving; replaced when a scenario restarts it. */
  app: AppServer;
  /** Every app started, for the clean-up. */
  servers: Set<AppServer>;
  logFile: string;
  nextAuthSecret: string;
  /** Bearer secret of alice's personal access token. */
  token: string;
  claimId: string;
  log: (message: string) => void;
}

/** Starts `next start` again on `port` and makes it the context's app. */
export async function restartApp(context: SuiteContext, port: number): Promise<AppServer> {
  const app = await startAppWhenBuilt(
    { port, databaseUrl: context.database.url, secret: context.nextAuthSecret, logFile: context.logFile },
    context.log,
    // Within the suite's watchdog: a colleague's build gets a minute to finish.
    60_000,
  );
  context.servers.add(app);
  context.app = app;
  return app;
}

/** Runs `work` with a direct connection to the database (not through the app). */
export async function withSql<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A source annotation whose title identifies the write. */
export function annotationBody(title: string): Record<string, string> {
  return { kind: "source", url: `https://example.org/resilience/${encodeURIComponent(title)}`, title, stance: "supports" };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function errorMessageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * What the server logged about an unexpected error: the API answers a 500 with
 * "error id <uuid>" and logs the error under that id (lib/http/respond.ts).
 */
export function serverLogFor(logFile: string, body: unknown, maxLines = 6): string | undefined {
  const id = /error id ([0-9a-f-]{36})/.exec(JSON.stringify(body ?? ""))?.[1];
  if (!id) return undefined;
  let lines: string[];
  try {
    lines = fs.readFileSync(logFile, "utf8").split("\n");
  } catch {
    return undefined;
  }
  const at = lines.findIndex((line) => line.includes(id));
  if (at < 0) return undefined;
  return lines
    .slice(at, at + maxLines)
    .map((line) => line.trim())
    .filter(Boolean)
    .join(" | ");
}
