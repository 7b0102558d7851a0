/**
 * The background worker: runs the jobs of `lib/jobs/registry.ts` until SIGTERM or SIGINT, then
 * stops taking jobs, lets running ones finish (up to 10 s; an unfinished one is retried later by
 * whichever worker is left) and exits. `npm start` and the end-to-end runner start one per app
 * instance; any number may run against one database.
 */
import { startWorker } from "../lib/jobs/index.ts";
import { db } from "../lib/db.ts";
import { describeMail } from "../lib/mail/config.ts";

function log(message: string): void {
  console.log(`[factdesk worker] ${message}`);
}

async function main(): Promise<void> {
  const worker = await startWorker();
  log("Working background jobs.");
  log(describeMail());
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    log("Stopping: finishing running jobs…");
    await worker.stop({ graceful: true, timeoutMs: 10_000 }).catch((error: unknown) => console.error(error));
    await db.$disconnect();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}

main().catch((error: unknown) => {
  console.error(`[factdesk worker] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
