/**
 * What each job of `lib/jobs/registry.ts` does. Only the worker imports this module, so code
 * that merely enqueues a job never loads its implementation.
 */
import type { JobHandlers } from "@/lib/jobs/queue";
import type { AppJobSpecs } from "@/lib/jobs/registry";
import { archiveSource } from "@/lib/archives/archive-source";
import { refitTriageNightly } from "@/lib/triage/refit";
import { notifyDueSoonJob } from "@/lib/assignments/due-soon";

export const JOB_HANDLERS: JobHandlers<AppJobSpecs> = {
  "archive-source": archiveSource,
  "refit-triage": refitTriageNightly,
  "notify-due-soon": notifyDueSoonJob,
};
