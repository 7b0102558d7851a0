/**
 * Job `email-sweep`, every 5 minutes (cron): queues the hourly digests once an hour has turned,
 * and is the safety net of the immediate mails.
 *
 * - Pending notifications older than a day are skipped: mail about old news is noise.
 * - Pending notifications of someone whose email is now off are skipped.
 * - For everyone whose email is hourly and who has pending notifications written before the
 *   last full hour, one `email-digest` job for that hour (a singleton per person and hour).
 * - Pending notifications of someone whose email is immediate, older than 10 minutes, get
 *   their `email-notification` job again (a job that gave up while the mail server was down,
 *   or someone who switched from hourly to immediate).
 *
 * Queueing a job twice is harmless: each job locks and re-checks its rows (lib/mail/deliver.ts).
 */
import { db } from "@/lib/db";
import { enqueue } from "@/lib/jobs";
import { mailEnabled } from "@/lib/mail/config";
import { EMAIL_MAX_AGE_MS } from "@/lib/mail/deliver";
import { sqlTimestamp } from "@/lib/sql";

/** An immediate mail still pending this long after its notification is queued again. */
export const IMMEDIATE_RETRY_AFTER_MS = 10 * 60_000;

/** Most jobs one sweep queues of each kind; the next sweep takes the rest. */
const BATCH = 500;

/** The full hour at or before `now`. */
export function hourStart(now: Date): Date {
  const at = new Date(now);
  at.setUTCMinutes(0, 0, 0);
  return at;
}

/** Runs the sweep as of `now`; answers how many jobs it queued. */
export async function sweepNotificationEmail({ now = new Date() }: { now?: Date } = {}): Promise<{ digests: number; immediate: number }> {
  await db.$executeRaw`
    UPDATE notifications n SET email_state = 'skipped'
    WHERE n.email_state = 'pending'
      AND (n.created_at < ${sqlTimestamp(new Date(now.getTime() - EMAIL_MAX_AGE_MS))}
           OR EXISTS (SELECT 1 FROM notification_settings s WHERE s.user_id = n.recipient_id AND s.email_mode = 'off'))`;
  if (!mailEnabled()) return { digests: 0, immediate: 0 };

  const until = hourStart(now);
  const digestRecipients = await db.$queryRaw<{ userId: string }[]>`
    SELECT DISTINCT n.recipient_id AS "userId"
    FROM notifications n
    JOIN notification_settings s ON s.user_id = n.recipient_id AND s.email_mode = 'hourly'
    WHERE n.email_state = 'pending' AND n.created_at < ${sqlTimestamp(until)}
    LIMIT ${BATCH}`;
  const iso = until.toISOString();
  for (const { userId } of digestRecipients) {
    await enqueue("email-digest", { userId, until: iso }, { singletonKey: `${userId}@${iso}` });
  }

  const stale = await db.$queryRaw<{ id: string }[]>`
    SELECT n.id
    FROM notifications n
    LEFT JOIN notification_settings s ON s.user_id = n.recipient_id
    WHERE n.email_state = 'pending' AND coalesce(s.email_mode, 'immediate') = 'immediate'
      AND n.created_at < ${sqlTimestamp(new Date(now.getTime() - IMMEDIATE_RETRY_AFTER_MS))}
    ORDER BY n.created_at
    LIMIT ${BATCH}`;
  for (const { id } of stale) {
    await enqueue("email-notification", { notificationId: id }, { singletonKey: id });
  }
  return { digests: digestRecipients.length, immediate: stale.length };
}

/** The cron handler. */
export async function sweepNotificationEmailJob(): Promise<void> {
  await sweepNotificationEmail();
}
