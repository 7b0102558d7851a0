/**
 * Every kind of background job the app has: its name, the shape of its data and its retry
 * policy. Add a job here (and its handler in `lib/jobs/handlers.ts`, which the type checker then
 * demands); enqueue it with `enqueue(name, data, options)` from `lib/jobs`.
 */
import { z } from "zod";
import type { JobSpecs } from "@/lib/jobs/queue";

/**
 * How a mail is sent: a mail server that is down is tried again after about 10 s, 20 s, 40 s…
 * up to 30 minutes apart, for about three hours; a worker that dies mid-send misses its
 * heartbeats and the job is retried at once.
 */
const MAIL_DELIVERY = {
  retryLimit: 12,
  retryDelaySeconds: 10,
  retryDelayMaxSeconds: 1800,
  expireInSeconds: 300,
  heartbeatSeconds: 10,
  concurrency: 2,
} as const;

export const JOB_SPECS = {
  /** Takes the copy of a cited source's page (lib/archives/archive-source.ts). */
  "archive-source": {
    data: z.strictObject({ archiveId: z.string().min(1).max(64) }),
    // A server that is down or slow gets three more tries: after about 10 s, 20 s and 40 s.
    retryLimit: 3,
    retryDelaySeconds: 10,
    retryDelayMaxSeconds: 300,
    expireInSeconds: 120,
    // Eight pages at a time per worker, fetched two by two so that a backlog (a desk citing a
    // hundred sources at once, an instance back from a restart) drains without waiting for polls.
    concurrency: 8,
    batchSize: 2,
    // The pages a killed worker was archiving are taken up by another within about half a minute.
    heartbeatSeconds: 10,
  },
  /**
   * Refits the desk's triage weights on its own examples each night (lib/triage/refit.ts); a
   * desk with too few examples keeps the weights it has.
   */
  "refit-triage": {
    data: z.strictObject({}),
    retryLimit: 2,
    retryDelaySeconds: 300,
    expireInSeconds: 600,
    concurrency: 1,
    cron: "15 3 * * *",
  },
  /**
   * Every 15 minutes, tells each assignee of a claim or article due within 24 hours, once per
   * due date (lib/assignments/due-soon.ts).
   */
  "notify-due-soon": {
    data: z.strictObject({}),
    retryLimit: 2,
    retryDelaySeconds: 60,
    expireInSeconds: 300,
    concurrency: 1,
    cron: "*/15 * * * *",
  },
  /**
   * The mail about one notification, for someone whose email is immediate
   * (lib/mail/deliver.ts). Queued in the transaction that writes the notification. A mail
   * server that is down is tried again after about 10 s, 20 s, 40 s… up to 30 minutes apart,
   * for about three hours; the sweep below queues it again after that, for up to a day.
   * A worker that dies mid-send misses its heartbeats and the job is retried at once.
   */
  "email-notification": {
    data: z.strictObject({ notificationId: z.string().min(1).max(64) }),
    ...MAIL_DELIVERY,
  },
  /** The hourly mail of someone whose email is hourly: what was pending before `until` (a full hour). */
  "email-digest": {
    data: z.strictObject({ userId: z.string().min(1).max(64), until: z.iso.datetime() }),
    ...MAIL_DELIVERY,
  },
  /** Every 5 minutes: queues the hourly digests when the hour has turned, and re-queues lost mails (lib/mail/sweep.ts). */
  "email-sweep": {
    data: z.strictObject({}),
    retryLimit: 1,
    retryDelaySeconds: 60,
    expireInSeconds: 240,
    concurrency: 1,
    cron: "*/5 * * * *",
  },
  /**
   * Every minute, folds the dashboard's kept totals written since the last run into one row per
   * person, figure, day and key (lib/dashboard/totals.ts). The dashboard is right without it;
   * it keeps it fast.
   */
  "compact-dashboard-totals": {
    data: z.strictObject({}),
    retryLimit: 1,
    retryDelaySeconds: 30,
    expireInSeconds: 120,
    concurrency: 1,
    cron: "* * * * *",
  },
} satisfies JobSpecs;

export type AppJobSpecs = typeof JOB_SPECS;
