/**
 * Background jobs on PostgreSQL, with pg-boss: no other server to run. Jobs are rows in the
 * app's own database (schema `factdesk_jobs`, created and migrated by pg-boss itself, apart from
 * the `public` schema that Prisma's migrations own), so they survive restarts; a failed job is
 * retried with exponential back-off; every worker process on the database takes jobs with
 * `SKIP LOCKED`, so several app instances share the work and no job runs twice at once.
 *
 * A `JobQueue` is built from a table of job specs (name → data schema + retry policy). The app's
 * own table is `lib/jobs/registry.ts`; `lib/jobs/index.ts` exposes the app's queue as `enqueue()`
 * and the worker as `startWorker()`. Handlers live apart from the specs
 * (`lib/jobs/handlers.ts`), so code that only enqueues never imports what the jobs do.
 */
import { PgBoss, type Job, type SendOptions } from "pg-boss";
import type { z } from "zod";

/** The PostgreSQL schema that holds the job tables (never `public`: Prisma owns that one). */
export const JOBS_SCHEMA = "factdesk_jobs";

/** What a kind of job is: its data, validated on enqueue and again on run, and its retry policy. */
export interface JobSpec<S extends z.ZodType = z.ZodType> {
  data: S;
  /** Retries after the first failure before the job is marked failed (default 5). */
  retryLimit?: number;
  /** First delay before a retry, in seconds; it doubles (with jitter) each time (default 5). */
  retryDelaySeconds?: number;
  /** Longest delay between retries, in seconds (default 600). */
  retryDelayMaxSeconds?: number;
  /** A run longer than this is taken as lost (its worker died) and retried (default 300). */
  expireInSeconds?: number;
  /**
   * A running job's worker proves it is alive this often (every half of it); a job whose worker
   * fell silent this long (killed, its machine gone) is retried at the next check, long before
   * `expireInSeconds`. At least 10; default off.
   */
  heartbeatSeconds?: number;
  /** Jobs of this kind one worker process runs at the same time (default 4). */
  concurrency?: number;
  /**
   * Also run it on this cron schedule (UTC, e.g. "15 3 * * *"), with empty data. The schedule
   * is a row in the job schema, written by every worker at start: however many instances run,
   * each occurrence is sent once.
   */
  cron?: string;
}

export type JobSpecs = Record<string, JobSpec>;
export type JobName<T extends JobSpecs> = Extract<keyof T, string>;
export type JobData<T extends JobSpecs, N extends JobName<T>> = z.input<T[N]["data"]>;

/** What a handler learns about the run it is in. */
export interface JobRun {
  id: string;
  /** 0 on the first attempt, then 1, 2, … on retries. */
  retryCount: number;
  /** Aborted when the job expires or the worker stops without waiting. */
  signal: AbortSignal;
}

export type JobHandler<D> = (data: D, run: JobRun) => Promise<void>;
export type JobHandlers<T extends JobSpecs> = { [N in JobName<T>]: JobHandler<z.output<T[N]["data"]>> };

export interface EnqueueOptions {
  /** Run no earlier than this (a date, or seconds from now). */
  startAfter?: Date | number;
  /** At most one queued (not yet started) job with this key per job name; a second enqueue is dropped. */
  singletonKey?: string;
  /** Higher runs first (default 0). */
  priority?: number;
  /**
   * Insert the job through this connection, inside its open transaction: the job then exists
   * exactly when the transaction commits (`enqueueInTransaction` in lib/jobs).
   */
  db?: SqlExecutor;
}

/** A connection inside an open transaction, as pg-boss wants it. */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

export interface QueueConnection {
  /** PostgreSQL connection string; default `DATABASE_URL`. */
  connectionString?: string;
  /** Pool size of this process's queue connections (default 4). */
  max?: number;
  /** Poll interval of the workers, in seconds (default 2; at least 0.5). */
  pollingIntervalSeconds?: number;
  /**
   * How often a worker checks for lost jobs (expired, or silent past `heartbeatSeconds`), in
   * seconds (default 60). Tests shorten it.
   */
  monitorIntervalSeconds?: number;
}

export interface WorkerHandle {
  /** Stops taking jobs; with `graceful` (default) waits up to `timeoutMs` for running ones. */
  stop(options?: { graceful?: boolean; timeoutMs?: number }): Promise<void>;
}

const DEFAULTS = { retryLimit: 5, retryDelaySeconds: 5, retryDelayMaxSeconds: 600, expireInSeconds: 300, concurrency: 4 };

function queueOptionsOf(spec: JobSpec) {
  return {
    retryLimit: spec.retryLimit ?? DEFAULTS.retryLimit,
    retryDelay: spec.retryDelaySeconds ?? DEFAULTS.retryDelaySeconds,
    retryDelayMax: spec.retryDelayMaxSeconds ?? DEFAULTS.retryDelayMaxSeconds,
    retryBackoff: true,
    expireInSeconds: spec.expireInSeconds ?? DEFAULTS.expireInSeconds,
    ...(spec.heartbeatSeconds !== undefined ? { heartbeatSeconds: spec.heartbeatSeconds } : {}),
  };
}

function log(message: string): void {
  console.error(`[factdesk jobs] ${message}`);
}

export class JobQueue<T extends JobSpecs> {
  readonly specs: T;
  private readonly connection: QueueConnection;
  private boss: PgBoss | null = null;
  private starting: Promise<PgBoss> | null = null;
  private working = false;

  constructor(specs: T, connection: QueueConnection = {}) {
    this.specs = specs;
    this.connection = connection;
  }

  private spec(name: string): JobSpec {
    const spec = this.specs[name];
    if (!spec) throw new Error(`There is no job named "${name}".`);
    return spec;
  }

  /** Connects, installs or migrates the job schema when needed, and creates every queue. Idempotent. */
  private async started(options: { supervise: boolean }): Promise<PgBoss> {
    if (this.boss) return this.boss;
    this.starting ??= (async () => {
      const connectionString = this.connection.connectionString ?? process.env.DATABASE_URL;
      if (!connectionString) throw new Error("The job queue needs DATABASE_URL.");
      const boss = new PgBoss({
        connectionString,
        schema: JOBS_SCHEMA,
        max: this.connection.max ?? 4,
        application_name: "factdesk-jobs",
        // Only workers run the maintenance (expiring lost jobs, retention): a process that just
        // enqueues (a web server) keeps to its requests.
        supervise: options.supervise,
        // Likewise only workers send the jobs of cron schedules.
        schedule: options.supervise,
        ...(this.connection.monitorIntervalSeconds !== undefined
          ? { monitorIntervalSeconds: this.connection.monitorIntervalSeconds, superviseIntervalSeconds: this.connection.monitorIntervalSeconds }
          : {}),
      });
      boss.on("error", (error: Error) => log(`error: ${error.message}`));
      await boss.start({ attempts: 3 });
      for (const [name, spec] of Object.entries(this.specs)) {
        const existing = await boss.getQueue(name);
        if (existing) await boss.updateQueue(name, queueOptionsOf(spec));
        else await boss.createQueue(name, queueOptionsOf(spec));
      }
      this.boss = boss;
      return boss;
    })();
    try {
      return await this.starting;
    } catch (error) {
      this.starting = null;
      throw error;
    }
  }

  /**
   * Adds a job. Its data are checked against the job's schema first (a programming error
   * throws here, not later in a worker). Returns the job id, or null when `singletonKey`
   * matched a job that is still queued.
   */
  async enqueue<N extends JobName<T>>(name: N, data: JobData<T, N>, options: EnqueueOptions = {}): Promise<string | null> {
    const spec = this.spec(name);
    const parsed: unknown = spec.data.parse(data);
    const boss = await this.started({ supervise: false });
    const send: SendOptions = {};
    if (options.startAfter !== undefined) send.startAfter = options.startAfter;
    if (options.singletonKey !== undefined) send.singletonKey = options.singletonKey;
    if (options.priority !== undefined) send.priority = options.priority;
    if (options.db !== undefined) send.db = options.db;
    return boss.send(name, parsed as object, send);
  }

  /**
   * Starts working every job of `handlers` in this process. A handler that throws fails the
   * attempt (retried with back-off until `retryLimit`); one that returns completes the job.
   */
  async work(handlers: Partial<JobHandlers<T>>): Promise<WorkerHandle> {
    if (this.working) throw new Error("This job queue already has a worker.");
    this.working = true;
    const boss = await this.started({ supervise: true });
    const ids: string[] = [];
    for (const name of Object.keys(handlers) as JobName<T>[]) {
      const handler = handlers[name] as JobHandler<unknown> | undefined;
      if (!handler) continue;
      const spec = this.spec(name);
      const concurrency = spec.concurrency ?? DEFAULTS.concurrency;
      const id = await boss.work<object>(
        name,
        {
          batchSize: 1,
          localConcurrency: concurrency,
          pollingIntervalSeconds: this.connection.pollingIntervalSeconds ?? 2,
        },
        async ([job]: Job<object>[]) => {
          if (!job) return;
          const data: unknown = spec.data.parse(job.data);
          await handler(data, { id: job.id, retryCount: job.retryCount, signal: job.signal });
        },
      );
      ids.push(id);
      if (spec.cron) await boss.schedule(name, spec.cron, {}, { tz: "UTC" });
    }
    return {
      stop: async ({ graceful = true, timeoutMs = 10_000 } = {}) => {
        await this.stop({ graceful, timeoutMs });
      },
    };
  }

  /** Closes this process's connections; with `graceful`, running jobs finish first (up to `timeoutMs`). */
  async stop({ graceful = true, timeoutMs = 10_000 }: { graceful?: boolean; timeoutMs?: number } = {}): Promise<void> {
    const boss = this.boss ?? (this.starting ? await this.starting.catch(() => null) : null);
    this.boss = null;
    this.starting = null;
    this.working = false;
    if (boss) await boss.stop({ graceful, timeout: timeoutMs, close: true });
  }

  /** Drops every job of `name` that is waiting to run (queued or waiting for a retry); answers how many. */
  async dropQueued(name: JobName<T>): Promise<number> {
    const boss = await this.started({ supervise: false });
    return boss.deleteQueuedJobs(name);
  }

  /** A job's state, for tests and diagnostics: created, retry, active, completed, cancelled or failed. */
  async jobState(name: JobName<T>, id: string): Promise<{ state: string; retryCount: number; output: unknown } | null> {
    const boss = await this.started({ supervise: false });
    const [job] = await boss.findJobs(name, { id });
    return job ? { state: job.state, retryCount: job.retryCount, output: job.output } : null;
  }
}
