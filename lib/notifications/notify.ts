/**
 * Writing notifications, always inside the transaction of the change that causes them: they
 * exist exactly when the change does. Never for the actor; never for a disabled account or
 * someone who turned the kind off; never about something the recipient may not see (the
 * caller names who may: `audience`). Each new notification is announced on its recipient's
 * live channel (lib/notifications/events.ts), delivered on commit. It is not written to the
 * article event log (`live_events`): a reconnecting bell reads the inbox again instead.
 *
 * With mail configured (`SMTP_URL`), a notification for someone whose email is not off is
 * written as owing a mail (`email_state = 'pending'`), and for someone whose email is
 * immediate its `email-notification` job is queued in the same transaction (lib/mail).
 */
import { Prisma, type Tx } from "@/lib/db";
import type { AnyActor } from "@/lib/auth/actor";
import { LIVE_CHANNEL } from "@/lib/live/publish";
import { newId } from "@/lib/ids";
import { sqlTimestamp } from "@/lib/sql";
import type { NotificationKind } from "@/lib/notifications/kinds";
import { userChannelKey } from "@/lib/notifications/channel";
import { mailEnabled } from "@/lib/mail/config";
import { enqueueInTransaction } from "@/lib/jobs";

export interface NotificationInput {
  /** Who caused it; the system (a script, the seed) is named as nobody. */
  actor: AnyActor;
  kind: NotificationKind;
  recipients: Iterable<string>;
  target: { type: "annotation" | "claim" | "article"; id: string; articleId: string; claimId: string | null };
  /** What happened, in a line, without the actor's name (shown next to it). */
  summary: string;
  /**
   * Who may see the target: null for every signed-in user, or the only user who may (the
   * author of a draft).
   */
  audience: string | null;
  /**
   * For a "due" notification, the due date it warns of: a recipient is notified once per kind,
   * target and due date (a unique key in the database; a repeat is silently skipped).
   */
  dueAt?: Date;
}

/** Who may see an annotation: everyone once it is past draft, its author alone before. */
export function annotationAudience(annotation: { status: string; authorId: string }): string | null {
  return annotation.status === "draft" ? annotation.authorId : null;
}

/** Longest summary kept; quotes are cut to fit. */
export const MAX_SUMMARY_CHARS = 200;

/** `text` cut to `max` characters on a word, with an ellipsis. */
export function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/**
 * Inserts one notification per permitted recipient in one statement, and queues each one's
 * live announcement; returns the ids of the people notified.
 */
export async function notify(tx: Tx, input: NotificationInput): Promise<string[]> {
  const recipients = [...new Set(input.recipients)].filter(
    (id) => id !== input.actor.id && (input.audience === null || id === input.audience),
  );
  if (recipients.length === 0) return [];
  const now = sqlTimestamp(new Date());
  const rows = recipients.map((recipientId) => Prisma.sql`(${newId()}, ${recipientId})`);
  const summary = input.summary.slice(0, MAX_SUMMARY_CHARS);
  const dueAt = input.dueAt ? sqlTimestamp(input.dueAt) : Prisma.sql`NULL::timestamp(3)`;
  const mail = mailEnabled();
  const notified = await tx.$queryRaw<{ recipientId: string; id: string; mailNow: boolean }[]>`
    WITH wanted (id, recipient_id) AS (VALUES ${Prisma.join(rows)}),
    inserted AS (
      INSERT INTO notifications (id, recipient_id, actor_id, kind, target_type, target_id, article_id, claim_id, summary, due_at, created_at, email_state)
      SELECT w.id, w.recipient_id, ${input.actor.id ?? null}, ${input.kind}, ${input.target.type}, ${input.target.id},
             ${input.target.articleId}, ${input.target.claimId}, ${summary}, ${dueAt}, ${now},
             CASE WHEN ${mail} AND coalesce(s.email_mode, 'immediate') <> 'off' THEN 'pending' END
      FROM wanted w
      JOIN users u ON u.id = w.recipient_id AND u.disabled_at IS NULL
      LEFT JOIN notification_settings s ON s.user_id = w.recipient_id
      WHERE NOT (${input.kind} = ANY (coalesce(s.disabled_kinds, ARRAY[]::text[])))
      ON CONFLICT (recipient_id, kind, target_id, due_at) DO NOTHING
      RETURNING id, recipient_id, email_state
    )
    SELECT i.recipient_id AS "recipientId", i.id,
           (i.email_state = 'pending' AND coalesce(s.email_mode, 'immediate') = 'immediate') IS TRUE AS "mailNow",
           pg_notify(${LIVE_CHANNEL}, json_build_object(
             'articleId', ${userChannelKey("")} || i.recipient_id, 'type', 'notification.created', 'id', i.id,
             'claimId', NULL, 'eventId', 0)::text)::text AS notified
    FROM inserted i
    LEFT JOIN notification_settings s ON s.user_id = i.recipient_id`;
  const mailNow = notified.filter((row) => row.mailNow);
  if (mailNow.length > 0) await queueMails(tx, mailNow.map((row) => row.id));
  return notified.map((row) => row.recipientId);
}

/**
 * Queues the immediate mails of new notifications in `tx`. A queue that fails must not fail the
 * change itself: the savepoint undoes a half-written job, and the mails stay owed for the
 * sweep (lib/mail/sweep.ts) to queue.
 */
async function queueMails(tx: Tx, notificationIds: string[]): Promise<void> {
  await tx.$executeRaw`SAVEPOINT notification_mail`;
  try {
    for (const id of notificationIds) await enqueueInTransaction(tx, "email-notification", { notificationId: id }, { singletonKey: id });
    await tx.$executeRaw`RELEASE SAVEPOINT notification_mail`;
  } catch (error) {
    await tx.$executeRaw`ROLLBACK TO SAVEPOINT notification_mail`;
    console.error("[factdesk] could not queue notification mails; the sweep will:", error);
  }
}
