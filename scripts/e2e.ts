/**
 * `npm run test:e2e`: builds if needed, starts a throwaway embedded PostgreSQL with the seed
 * and the demo accounts, serves the production build on a free port, runs Playwright, and
 * stops everything. Extra arguments go to `playwright test`.
 *
 * A second app instance on the same database serves FACTDESK_E2E_SECOND_URL, so the tests can
 * show that a change made through one instance reaches editors served by another (D8, D9).
 * A background worker (`scripts/worker.ts`) runs the job queue beside them.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import { spawn, type ChildProcess } from "node:child_process";
import { startEmbeddedDatabase } from "./lib/embedded-database.ts";
import { freePort } from "./lib/free-port.ts";
import { buildIfNeeded } from "./lib/build.ts";
import { migrateDeploy } from "./prisma-engine/migrate.mjs";
import { waitForServer } from "./lib/wait-for-server.ts";
import { appServerArgs } from "./lib/app-server.ts";

const ROOT = path.resolve(import.meta.dirname, "..");

async function main(): Promise<number> {
  buildIfNeeded();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-e2e-"));
  fs.chmodSync(dataDir, 0o755);
  const database = await startEmbeddedDatabase({ dataDir: path.join(dataDir, "pg"), ephemeral: true, settings: { fsync: "off" } });
  const servers: ChildProcess[] = [];
  try {
    await migrateDeploy(database.url);
    process.env.DATABASE_URL = database.url;
    const { seed } = await import("../prisma/seed.ts");
    const { db } = await import("../lib/db.ts");
    await seed({ demoAccounts: true });
    await db.$disconnect();

    const port = await freePort();
    const secondPort = await freePort();
    const baseURL = `http://localhost:${port}`;
    const env = {
      ...process.env,
      DATABASE_URL: database.url,
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
      FACTDESK_E2E_BASE_URL: baseURL,
      FACTDESK_E2E_SECOND_URL: `http://localhost:${secondPort}`,
      NEXT_TELEMETRY_DISABLED: "1",
      // The tests' sources name public addresses; only fixture servers on 127.0.0.1 are fetched.
      FACTDESK_FETCH_PUBLIC: "off",
      FACTDESK_FETCH_ALLOW: "127.0.0.1",
      PORT: String(port),
    };
    const serverLog = fs.createWriteStream(path.join(dataDir, "server.log"));
    for (const instancePort of [port, secondPort]) {
      const server = spawn(
        process.execPath,
        appServerArgs({ port: instancePort }),
        { cwd: ROOT, env: { ...env, PORT: String(instancePort) }, stdio: ["ignore", "pipe", "pipe"] },
      );
      server.stdout?.pipe(serverLog);
      server.stderr?.pipe(serverLog);
      servers.push(server);
    }
    const worker = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "worker.ts")], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    worker.stdout?.pipe(serverLog);
    worker.stderr?.pipe(serverLog);
    const webServers = [...servers];
    servers.push(worker);
    await Promise.all(
      webServers.map((server, index) => waitForServer(`http://localhost:${index === 0 ? port : secondPort}/signin`, server, 60_000)),
    );

    const playwright = spawn(
      process.execPath,
      [path.join(ROOT, "node_modules/@playwright/test/cli.js"), "test", ...process.argv.slice(2)],
      { cwd: ROOT, env, stdio: "inherit" },
    );
    const code = await new Promise<number>((resolve) => playwright.once("exit", (exitCode) => resolve(exitCode ?? 1)));
    if (code !== 0) {
      console.error(`[e2e] server log: ${path.join(dataDir, "server.log")}`);
      const tail = fs.readFileSync(path.join(dataDir, "server.log"), "utf8").split("\n").slice(-40).join("\n");
      console.error(tail);
    }
    return code;
  } finally {
    await Promise.all(
      servers
        .filter((server) => server.exitCode === null)
        .map((server) => {
          server.kill("SIGTERM");
          return new Promise((resolve) => server.once("exit", resolve));
        }),
    );
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
