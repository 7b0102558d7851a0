/**
 * What the benchmark runs on: a throwaway embedded PostgreSQL, the production build served by
 * `next start`, and a list of clean-ups run in reverse order at the end, on an error, and on
 * Ctrl-C or SIGTERM, so nothing is left running.
 */
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { appServerArgs } from "../lib/app-server.ts";
import { startEmbeddedDatabase, type RunningDatabase } from "../lib/embedded-database.ts";
import { waitForServer } from "../lib/wait-for-server.ts";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");

/** Clean-ups, newest first. Each runs once, whatever happens. */
export class Cleanup {
  private readonly tasks: Array<{ label: string; run: () => Promise<void> | void }> = [];
  private running: Promise<void> | null = null;

  add(label: string, run: () => Promise<void> | void): void {
    this.tasks.push({ label, run });
  }

  runAll(): Promise<void> {
    this.running ??= (async () => {
      for (const task of this.tasks.reverse()) {
        try {
          await task.run();
        } catch (error) {
          console.error(`[bench] clean-up "${task.label}" failed:`, error);
        }
      }
    })();
    return this.running;
  }
}

/** Ctrl-C and SIGTERM (once or more) run the clean-ups, then exit (130 / 143). */
export function stopOnSignals(cleanup: Cleanup): void {
  let stopping = false;
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.error(`\n[bench] ${signal}: stopping the app, the browser and the database…`);
      void cleanup.runAll().finally(() => process.exit(code));
    });
  }
}

/**
 * Runs this script again as a plain `node --import tsx` child and waits for it, forwarding
 * SIGINT and SIGTERM. Why: `npm run bench` starts it under the tsx CLI, which SIGKILLs its
 * child when the child does not acknowledge a Ctrl-C within ~60 ms, as happens while a
 * measurement keeps the event loop busy; the clean-ups would then never run. The child here
 * is outside that relay and stops everything itself.
 */
export function runDetachedFromTsx(script: string, marker: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...process.argv.slice(2)], {
      stdio: "inherit",
      env: { ...process.env, [marker]: "1" },
    });
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.on(signal, () => {
        if (child.exitCode === null) child.kill(signal);
      });
    }
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 130 : 1)));
  });
}

/**
 * The embedded PostgreSQL with the settings `npm start` uses (fsync on), plus
 * pg_stat_statements, which the read line uses to count the SQL statements of one request.
 */
export async function startBenchDatabase(dataDir: string): Promise<RunningDatabase> {
  return startEmbeddedDatabase({
    dataDir,
    ephemeral: true,
    settings: {
      shared_preload_libraries: "pg_stat_statements",
      "pg_stat_statements.track": "top",
      "pg_stat_statements.track_utility": "on",
    },
  });
}

export interface RunningServer {
  url: string;
  stop: () => Promise<void>;
  /** CPU time (user + system) the server process has used so far, in ms; NaN where /proc is missing. */
  cpuMs: () => number;
  /** The server's process id (the process that listens), for a line that kills it on purpose. */
  pid: number | undefined;
}

/** User + system CPU time of a process from /proc (Linux), in ms. */
export function processCpuMs(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces, hence the last ")"): utime is the 12th, stime the 13th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return Number.NaN;
  }
}

/** `next start` on `port` with FACTDESK_BENCH=1 (enables the floor route); output goes to `logFile`. */
export async function startServer(options: {
  port: number;
  databaseUrl: string;
  secret: string;
  logFile: string;
  /** Extra Node.js flags for the server (e.g. --cpu-prof when looking into a slow line). */
  nodeArgs?: readonly string[];
}): Promise<RunningServer> {
  const url = `http://127.0.0.1:${options.port}`;
  const log = fs.createWriteStream(options.logFile);
  const server = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), ...appServerArgs({ port: options.port, hostname: "127.0.0.1" })],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: options.databaseUrl,
        NEXTAUTH_URL: url,
        NEXTAUTH_SECRET: options.secret,
        NEXT_TELEMETRY_DISABLED: "1",
        FACTDESK_BENCH: "1",
        // Benchmarks fetch only from fixture servers on 127.0.0.1.
        FACTDESK_FETCH_PUBLIC: "off",
        FACTDESK_FETCH_ALLOW: "127.0.0.1",
        PORT: String(options.port),
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  // Should this process exit before stop() ran (see runDetachedFromTsx and bench.ts), no app is left behind.
  process.on("exit", () => {
    if (server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
  });
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
      server.kill("SIGTERM");
      const timer = setTimeout(() => server.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    log.end();
  };
  try {
    await waitForServer(`${url}/signin`, server, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop, cpuMs: () => processCpuMs(server.pid), pid: server.pid };
}
