/**
 * Hearing changes (D9): one PostgreSQL connection per server process LISTENs on the live
 * channel and fans each notification out to the in-memory subscribers of its article.
 *
 * The connection is a plain `pg.Client` outside Prisma's pool (a pooled connection would be
 * handed to queries and lose its LISTEN), opened on the first subscription and re-opened with
 * exponential backoff when it drops. Notifications sent while it was down are not heard, so
 * after a reconnect every subscriber gets a `resync` change: catch up from the log of live
 * events (lib/live/event-log.ts), which has them all.
 *
 * While it listens, the hub also prunes that log once a minute (any server may).
 *
 * Note for deployments: LISTEN needs a session, so DATABASE_URL must not point at a
 * transaction-pooling proxy (PgBouncer in transaction mode) for this connection.
 */
import pg from "pg";
import { AppError } from "@/lib/errors";
import { LIVE_CHANNEL, type LoggedChange } from "@/lib/live/publish";
import { pruneLiveEvents } from "@/lib/live/event-log";

/** Called with each change to the subscribed article. */
export type ChangeListener = (change: LoggedChange) => void;

/** The change type sent to subscribers after the connection was re-established. */
export const RESYNC = "resync";

const MIN_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 30_000;
const PRUNE_EVERY_MS = 60_000;

interface Hub {
  listeners: Map<string, Set<ChangeListener>>;
  client: pg.Client | null;
  connecting: boolean;
  retryTimer: ReturnType<typeof setTimeout> | null;
  failures: number;
  /** True once a connection was lost: the next one must tell subscribers to resync. */
  dropped: boolean;
  waiters: Set<() => void>;
  pruneTimer: ReturnType<typeof setInterval> | null;
}

// One hub per process, kept across hot reloads in development so that reloading a module
// does not leave a second LISTEN connection behind.
const globalForLive = globalThis as unknown as { factdeskLiveHub?: Hub };
const hub: Hub = (globalForLive.factdeskLiveHub ??= {
  listeners: new Map(),
  client: null,
  connecting: false,
  retryTimer: null,
  failures: 0,
  dropped: false,
  waiters: new Set(),
  pruneTimer: null,
});

/** Calls `listener` with every committed change to article `articleId`; returns the unsubscribe function. */
export function subscribe(articleId: string, listener: ChangeListener): () => void {
  let set = hub.listeners.get(articleId);
  if (!set) {
    set = new Set();
    hub.listeners.set(articleId, set);
  }
  // A wrapper per subscription, so subscribing one function twice gives two subscriptions.
  const entry: ChangeListener = (change) => listener(change);
  set.add(entry);
  ensureConnected();
  return () => {
    const current = hub.listeners.get(articleId);
    if (!current) return;
    current.delete(entry);
    if (current.size === 0) hub.listeners.delete(articleId);
  };
}

/**
 * Resolves once this process is LISTENing (changes committed after that are heard);
 * `unavailable` when the database cannot be reached within `timeoutMs`.
 */
export function whenListening(timeoutMs = 5_000): Promise<void> {
  if (hub.client) return Promise.resolve();
  ensureConnected();
  return new Promise<void>((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      hub.waiters.delete(done);
      resolve();
    };
    const timer = setTimeout(() => {
      hub.waiters.delete(done);
      reject(new AppError("unavailable", "Live updates are unavailable right now. Try again in a moment."));
    }, timeoutMs);
    hub.waiters.add(done);
  });
}

/** Closes the LISTEN connection and forgets all subscribers (tests and shutdown). */
export async function stopListening(): Promise<void> {
  hub.listeners.clear();
  if (hub.retryTimer) clearTimeout(hub.retryTimer);
  hub.retryTimer = null;
  hub.failures = 0;
  hub.dropped = false;
  if (hub.pruneTimer) clearInterval(hub.pruneTimer);
  hub.pruneTimer = null;
  const client = hub.client;
  hub.client = null;
  if (client) {
    client.removeAllListeners();
    client.on("error", () => {});
    await client.end().catch(() => {});
  }
}

function ensureConnected(): void {
  if (hub.client || hub.connecting || hub.retryTimer) return;
  hub.connecting = true;
  void connect();
}

async function connect(): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL, keepAlive: true });
  client.on("notification", (message) => {
    if (message.channel === LIVE_CHANNEL && message.payload) deliver(message.payload);
  });
  client.on("error", (error) => lose(client, error));
  client.on("end", () => lose(client));
  try {
    await client.connect();
    // The channel name is a constant identifier, not input.
    await client.query(`LISTEN ${LIVE_CHANNEL}`);
  } catch (error) {
    hub.connecting = false;
    // Subscribers waiting through the outage may miss changes: they resync once connected.
    if (hub.listeners.size > 0) hub.dropped = true;
    client.removeAllListeners();
    client.on("error", () => {});
    void client.end().catch(() => {});
    retry(error);
    return;
  }
  hub.connecting = false;
  hub.client = client;
  hub.failures = 0;
  for (const waiter of [...hub.waiters]) waiter();
  hub.pruneTimer ??= setInterval(() => {
    pruneLiveEvents().catch((error: unknown) => {
      console.warn(`[factdesk] live updates: pruning the event log failed (${error instanceof Error ? error.message : error})`);
    });
  }, PRUNE_EVERY_MS);
  hub.pruneTimer.unref?.();
  if (hub.dropped) {
    hub.dropped = false;
    for (const articleId of hub.listeners.keys()) emit({ articleId, type: RESYNC, id: articleId, claimId: null, eventId: 0 });
  }
}

function lose(client: pg.Client, error?: unknown): void {
  if (hub.client !== client) return;
  hub.client = null;
  hub.dropped = true;
  client.removeAllListeners();
  client.on("error", () => {});
  void client.end().catch(() => {});
  // Nobody listening: reconnect lazily on the next subscription instead.
  if (hub.listeners.size > 0) retry(error);
}

function retry(error: unknown): void {
  hub.failures += 1;
  const delay = Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS * 2 ** (hub.failures - 1));
  const jittered = Math.round(delay / 2 + Math.random() * (delay / 2));
  if (hub.failures === 1 || hub.failures % 10 === 0) {
    const reason = error instanceof Error ? error.message : "connection closed";
    console.warn(`[factdesk] live updates: connection lost (${reason}); retrying in ${jittered} ms`);
  }
  hub.retryTimer = setTimeout(() => {
    hub.retryTimer = null;
    // No subscribers left (or stopListening ran): stay down until someone subscribes.
    if (hub.listeners.size === 0 && hub.waiters.size === 0) return;
    ensureConnected();
  }, jittered);
  hub.retryTimer.unref?.();
}

function deliver(payload: string): void {
  let change: unknown;
  try {
    change = JSON.parse(payload);
  } catch {
    return;
  }
  if (isLiveChange(change)) emit(change);
}

function emit(change: LoggedChange): void {
  const set = hub.listeners.get(change.articleId);
  if (!set) return;
  for (const listener of [...set]) {
    try {
      listener(change);
    } catch (error) {
      // One broken subscriber (say, a closed stream) must not keep the others from hearing.
      console.error("[factdesk] live updates: a subscriber failed", error);
    }
  }
}

function isLiveChange(value: unknown): value is LoggedChange {
  if (typeof value !== "object" || value === null) return false;
  const { articleId, type, id, claimId, eventId } = value as Record<string, unknown>;
  return (
    typeof articleId === "string" &&
    typeof type === "string" &&
    typeof id === "string" &&
    (claimId === null || typeof claimId === "string") &&
    typeof eventId === "number" &&
    Number.isSafeInteger(eventId)
  );
}
