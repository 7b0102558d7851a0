/**
 * `npm start` / `npm run dev`: the whole app from a fresh clone.
 *
 * Without DATABASE_URL it starts the embedded PostgreSQL (data in `.data/`); with it, it
 * checks that server is reachable. Then it applies migrations, seeds what is missing,
 * builds if sources changed (production only) and serves Next.js, with the background worker
 * (`scripts/worker.ts`, the jobs of `lib/jobs`) beside it. Ctrl-C or SIGTERM stops the app and
 * the worker (which lets running jobs finish), then the database.
 */
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { startEmbeddedDatabase, type RunningDatabase } from "./lib/embedded-database.ts";
import { assertDatabaseReachable, describeDatabaseUrl } from "./lib/check-database.ts";
import { resolveSecret } from "./lib/secret.ts";
import { buildIfNeeded } from "./lib/build.ts";
import { migrateDeploy } from "./prisma-engine/migrate.mjs";
import { appServerArgs } from "./lib/app-server.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const DATA_DIR = path.join(ROOT, ".data");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const started = Date.now();

function log(message: string): void {
  console.log(`[factdesk] ${message}`);
}

async function main(): Promise<void> {
  let database: RunningDatabase | undefined;
  let child: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  let stopping = false;

  const stopChild = (process: ChildProcess | undefined, timeoutMs: number) =>
    new Promise<void>((resolve) => {
      if (!process || process.exitCode !== null || process.signalCode !== null) return resolve();
      process.kill("SIGTERM");
      const timer = setTimeout(() => {
        process.kill("SIGKILL");
        resolve();
      }, timeoutMs);
      process.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
    });

  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child || worker) log("Stopping the app and the background worker…");
    // The worker waits up to 10 s for running jobs; give it a little more before SIGKILL.
    await Promise.all([stopChild(child, 10_000), stopChild(worker, 15_000)]);
    if (database) {
      log("Stopping the embedded PostgreSQL…");
      await database.stop().catch((error: unknown) => console.error(error));
    }
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  try {
    const embedded = !process.env.DATABASE_URL;
    if (embedded) {
      log("DATABASE_URL is not set: starting the embedded PostgreSQL (data in .data/postgres)…");
      database = await startEmbeddedDatabase({ dataDir: path.join(DATA_DIR, "postgres") });
      process.env.DATABASE_URL = database.url;
    } else {
      await assertDatabaseReachable(process.env.DATABASE_URL ?? "");
      log(`Using PostgreSQL at ${describeDatabaseUrl(process.env.DATABASE_URL ?? "")}.`);
    }
    const url = process.env.DATABASE_URL ?? "";
    process.env.NEXTAUTH_SECRET = resolveSecret({ embedded, dataDir: DATA_DIR });
    // next-auth builds its redirects on NEXTAUTH_URL: the desk's one public origin (lib/settings.ts).
    process.env.NEXTAUTH_URL ||= process.env.FACTDESK_PUBLIC_URL || `http://localhost:${port}`;

    log("Applying migrations…");
    await migrateDeploy(url);

    const { seed } = await import("../prisma/seed.ts");
    const { db } = await import("../lib/db.ts");
    const { created } = await seed({ demoAccounts: embedded });
    await db.$disconnect();
    if (created.length) log(`Seeded ${created.join(", ")}.`);

    if (!dev) buildIfNeeded(log);

    child = spawn(process.execPath, appServerArgs({ port, dev }), {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    child.once("exit", (code) => {
      if (!stopping) void stop(code ?? 1);
    });
    worker = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "worker.ts")], {
      cwd: ROOT,
      stdio: "inherit",
      env: process.env,
    });
    worker.once("exit", (code) => {
      if (!stopping) void stop(code ?? 1);
    });
    log(`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s of set-up; the app answers on ${process.env.NEXTAUTH_URL}`);
  } catch (error) {
    console.error(`[factdesk] ${error instanceof Error ? error.message : String(error)}`);
    await stop(1);
  }
}

void main();
