/**
 * What each job of `lib/jobs/registry.ts` does. Only the worker imports this module, so code
 * that merely enqueues a job never loads its implementation.
 */
import type { JobHandlers } from "@/lib/jobs/queue";
import type { AppJobSpecs } from "@/lib/jobs/registry";
import { archiveSource } from "@/lib/archives/archive-source";
import { refitTriageNightly } from "@/lib/triage/refit";
import { notifyDueSoonJob } from "@/lib/assignments/due-soon";
import { sendEmailDigest, sendNotificationEmail } from "@/lib/mail/deliver";
import { sweepNotificationEmailJob } from "@/lib/mail/sweep";
import { compactDashboardTotalsJob } from "@/lib/dashboard/totals";

export const JOB_HANDLERS: JobHandlers<AppJobSpecs> = {
  "archive-source": archiveSource,
  "refit-triage": refitTriageNightly,
  "notify-due-soon": notifyDueSoonJob,
  "email-notification": sendNotificationEmail,
  "email-digest": sendEmailDigest,
  "email-sweep": sweepNotificationEmailJob,
  "compact-dashboard-totals": compactDashboardTotalsJob,
};
