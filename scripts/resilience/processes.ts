/**
 * Processes of the resilience suite: the production build, `next start`, and finding the
 * very process that listens on the app's port so it can be killed with SIGKILL.
 */
import fs from "node:fs";
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { appServerArgs } from "../lib/app-server.ts";
import { buildIfNeeded } from "../lib/build.ts";
import { waitForServer } from "../lib/wait-for-server.ts";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function readProc(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

function pids(): number[] {
  return fs
    .readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number);
}

/** Pids of `next build` processes run by someone else in this checkout. */
export function otherBuilds(): number[] {
  return pids().filter((pid) => {
    if (pid === process.pid) return false;
    const argv = (readProc(`/proc/${pid}/cmdline`) ?? "").split("\0");
    // `next build` renames itself "next-build (vX)"; before that its argv is `… next build`.
    const at = argv.findIndex((arg) => path.basename(arg) === "next");
    const building = argv[0]?.startsWith("next-build") || (at >= 0 && argv[at + 1] === "build");
    if (!building) return false;
    try {
      return fs.realpathSync(`/proc/${pid}/cwd`) === ROOT;
    } catch {
      return false;
    }
  });
}

/** Waits (up to `maxMs`) while another `next build` rewrites the shared `.next` folder. */
export async function waitForOtherBuilds(log: (message: string) => void, maxMs = 600_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  let told = false;
  while (otherBuilds().length > 0 && Date.now() < deadline) {
    if (!told) log(`Another next build is running (pid ${otherBuilds().join(", ")}); waiting for it to finish…`);
    told = true;
    await sleep(2_000);
  }
}

/**
 * `buildIfNeeded()`, tolerant of colleagues' builds: the `.next` folder is shared and
 * `next build` refuses to run while another holds its lock, so wait for theirs and retry.
 */
export async function buildWhenFree(log: (message: string) => void): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    await waitForOtherBuilds(log);
    try {
      buildIfNeeded(log);
      return;
    } catch (error) {
      if (attempt >= 4) throw error;
      log(`The build failed (attempt ${attempt}); another build may have held the lock. Retrying in 5 s…`);
      await sleep(5_000);
    }
  }
}

/** The parent pid of every process. */
function parents(): Map<number, number> {
  const result = new Map<number, number>();
  for (const pid of pids()) {
    const stat = readProc(`/proc/${pid}/stat`);
    if (!stat) continue;
    // "pid (comm) state ppid …": comm may contain spaces and parentheses, so parse after the last ")".
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (Number.isFinite(ppid)) result.set(pid, ppid);
  }
  return result;
}

/** `root` and all its descendants. */
export function processTree(root: number): number[] {
  const parentOf = parents();
  const tree = [root];
  for (let index = 0; index < tree.length; index += 1) {
    for (const [pid, ppid] of parentOf) if (ppid === tree[index]) tree.push(pid);
  }
  return tree;
}

/** Socket inodes listening on TCP `port` (IPv4 or IPv6). */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of (readProc(table) ?? "").split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      const local = fields[1];
      const state = fields[3];
      const inode = fields[9];
      if (!local || state !== "0A" || !inode) continue; // 0A = LISTEN
      if (Number.parseInt(local.slice(local.lastIndexOf(":") + 1), 16) === port) inodes.add(inode);
    }
  }
  return inodes;
}

/** The process in `root`'s tree that holds the socket listening on `port`, if any. */
export function listeningPid(root: number, port: number): number | undefined {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return undefined;
  for (const pid of processTree(root)) {
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      let target: string;
      try {
        target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode && inodes.has(inode)) return pid;
    }
  }
  return undefined;
}

/** The name a process gives itself (`next start` calls itself "next-server (vX)"). */
export function processName(pid: number): string {
  return (readProc(`/proc/${pid}/cmdline`) ?? "").split("\0").filter(Boolean).join(" ") || "?";
}

export interface AppServer {
  url: string;
  port: number;
  child: ChildProcess;
  /** The process that listens on the port: the one to kill. */
  pid: number;
  /** Resolves with the exit code or signal once the spawned process has exited. */
  exited: Promise<string>;
  isRunning: () => boolean;
  /** SIGTERM, then SIGKILL after 10 s; resolves when gone. */
  stop: () => Promise<void>;
}

/** `next start` on 127.0.0.1:`port`, its output appended to `logFile`. */
export async function startApp(options: { port: number; databaseUrl: string; secret: string; logFile: string }): Promise<AppServer> {
  const url = `http://127.0.0.1:${options.port}`;
  const log = fs.createWriteStream(options.logFile, { flags: "a" });
  const child = spawn(
    process.execPath,
    appServerArgs({ port: options.port, hostname: "127.0.0.1" }),
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: options.databaseUrl,
        NEXTAUTH_URL: url,
        NEXTAUTH_SECRET: options.secret,
        NEXT_TELEMETRY_DISABLED: "1",
        // No worker runs here, but nothing a test writes may ever be fetched beyond loopback.
        FACTDESK_FETCH_PUBLIC: "off",
        FACTDESK_FETCH_ALLOW: "127.0.0.1",
        PORT: String(options.port),
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const exited = new Promise<string>((resolve) => {
    child.once("exit", (code, signal) => {
      log.end();
      resolve(signal ?? `code ${code}`);
    });
  });
  const isRunning = () => child.exitCode === null && child.signalCode === null;
  const stop = async () => {
    if (!isRunning()) return;
    // Whatever the tree holds (next start serves in-process, but be sure).
    const tree = processTree(child.pid ?? 0).slice(1);
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
    for (const pid of tree) killQuietly(pid, "SIGKILL");
  };
  try {
    await waitForServer(`${url}/signin`, child, 60_000);
    const pid = listeningPid(child.pid ?? 0, options.port);
    if (pid === undefined) throw new Error(`No process of the app's tree listens on port ${options.port}.`);
    return { url, port: options.port, child, pid, exited, isRunning, stop };
  } catch (error) {
    await stop();
    const tail = (readProc(options.logFile) ?? "").trim().split("\n").slice(-5).join(" | ");
    throw new Error(`${error instanceof Error ? error.message : String(error)} Server log: ${tail}`);
  }
}

/**
 * `startApp` that copes with the shared `.next` folder: it waits while a colleague's build
 * rewrites it, and when the start fails because the build is missing or half written, it
 * builds (or waits for their build) and tries again.
 */
export async function startAppWhenBuilt(
  options: Parameters<typeof startApp>[0],
  log: (message: string) => void,
  maxWaitMs = 300_000,
): Promise<AppServer> {
  for (let attempt = 1; ; attempt += 1) {
    await waitForOtherBuilds(log, maxWaitMs);
    try {
      return await startApp(options);
    } catch (error) {
      if (attempt >= 3) throw error;
      log(`The app did not start (attempt ${attempt}); the shared build may have been changing. Rebuilding if needed…`);
      await buildWhenFree(log);
    }
  }
}

/** `process.kill` that ignores a process already gone. */
export function killQuietly(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}
