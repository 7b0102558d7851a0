/**
 * The app's job queue (see `lib/jobs/queue.ts`):
 *
 *   await enqueue("archive-source", { annotationId });         // from any use case
 *   const worker = await startWorker();  …  await worker.stop(); // the worker process
 *
 * One queue per process, on `DATABASE_URL`.
 */
import { JobQueue, type EnqueueOptions, type JobData, type JobName, type WorkerHandle } from "@/lib/jobs/queue";
import { JOB_SPECS, type AppJobSpecs } from "@/lib/jobs/registry";
import type { Tx } from "@/lib/db";

export type AppJobName = JobName<AppJobSpecs>;
export type { EnqueueOptions, WorkerHandle };

const globalForJobs = globalThis as typeof globalThis & { factdeskJobQueue?: JobQueue<AppJobSpecs> };

/** The process-wide queue; kept across hot reloads in development. */
export function appQueue(): JobQueue<AppJobSpecs> {
  globalForJobs.factdeskJobQueue ??= new JobQueue(JOB_SPECS, { max: Number(process.env.FACTDESK_JOBS_POOL_SIZE ?? 4) });
  return globalForJobs.factdeskJobQueue;
}

/** Adds a job of the app's registry; resolves with its id (null when a queued singleton already exists). */
export function enqueue<N extends AppJobName>(name: N, data: JobData<AppJobSpecs, N>, options?: EnqueueOptions): Promise<string | null> {
  return appQueue().enqueue(name, data, options);
}

/**
 * Adds a job inside the open transaction `tx`: it is stored when `tx` commits and never when it
 * rolls back, so a worker cannot look for rows that do not exist (yet), and a crash between
 * the commit and the enqueue cannot lose it.
 */
export function enqueueInTransaction<N extends AppJobName>(
  tx: Tx,
  name: N,
  data: JobData<AppJobSpecs, N>,
  options: Omit<EnqueueOptions, "db"> = {},
): Promise<string | null> {
  const executeSql = async (text: string, values: unknown[] = []) => ({
    // pg-boss's own fixed statement, with the job as a bound parameter ($1): nothing is spliced in.
    // eslint-disable-next-line no-restricted-syntax
    rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values),
  });
  return appQueue().enqueue(name, data, { ...options, db: { executeSql } });
}

/** Runs every job of the registry in this process until `stop()`. */
export async function startWorker(): Promise<WorkerHandle> {
  const { JOB_HANDLERS } = await import("@/lib/jobs/handlers");
  return appQueue().work(JOB_HANDLERS);
}
