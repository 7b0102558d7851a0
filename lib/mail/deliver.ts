/**
 * Sending notification mails, from the job queue only (never in a request).
 *
 * A notification written while mail is configured, for someone who wants email, is stored with
 * `email_state = 'pending'` (lib/notifications/notify.ts). A mail job then, in ONE database
 * transaction:
 *   1. locks the pending notifications it is about (`FOR UPDATE SKIP LOCKED`): a row another
 *      job is sending right now is skipped, never sent twice at once;
 *   2. checks them again as of now: the recipient still enabled and still wanting this kind and
 *      this mode of email, and still allowed to see what it is about (a colleague's draft is
 *      not); the others become `skipped`;
 *   3. hands the mail to the SMTP server and waits for its acceptance;
 *   4. marks them `sent` and commits.
 *
 * A worker that dies before the server accepted the mail (killed, its machine gone, the
 * connection cut) holds no lock any more (PostgreSQL rolls its transaction back when the
 * connection drops), the rows are still pending, and the job is retried (heartbeat) and sends
 * the mail once. The only window for a second copy is a worker dying after the server's
 * acceptance and before the commit a few milliseconds later; that copy carries the same
 * Message-ID, which many mail stores collapse.
 */
import nodemailer from "nodemailer";
import { db, Prisma, type Tx } from "@/lib/db";
import { publicOrigin } from "@/lib/settings";
import { sqlTimestamp } from "@/lib/sql";
import type { Actor } from "@/lib/auth/actor";
import { ROLES } from "@/lib/auth/actor";
import { visibleAnnotationWhere } from "@/lib/annotations/access";
import { mailConfig, type MailConfig } from "@/lib/mail/config";
import { composeDigest, composeImmediate, type ComposedMail, type MailItem } from "@/lib/mail/compose";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";

/** How long the mail server may take: to connect, to greet, and between answers. */
export const SMTP_TIMEOUTS_MS = { connection: 15_000, greeting: 15_000, socket: 30_000 };

/** Longest a sending transaction stays open: well past the SMTP timeouts above. */
const TRANSACTION_TIMEOUT_MS = 120_000;

/** Mail is about notifications at most this old; older ones still pending are skipped. */
export const EMAIL_MAX_AGE_MS = 24 * 60 * 60_000;

type Mode = "immediate" | "hourly";

interface Loaded {
  recipient: Actor;
  mode: string;
  disabledKinds: string[];
  items: (MailItem & { id: string; kind: string })[];
}

/** Loads the locked notifications with what the mail shows and what decides whether it may go. */
async function load(tx: Tx, ids: string[]): Promise<Loaded | null> {
  const rows = await tx.notification.findMany({
    where: { id: { in: ids } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      kind: true,
      summary: true,
      targetType: true,
      targetId: true,
      articleId: true,
      claimId: true,
      createdAt: true,
      actor: { select: { name: true } },
      recipient: {
        select: { id: true, name: true, email: true, role: true, disabledAt: true, notificationSettings: { select: { emailMode: true, disabledKinds: true } } },
      },
    },
  });
  const first = rows[0];
  if (!first) return null;
  const user = first.recipient;
  if (user.disabledAt || !(ROLES as readonly string[]).includes(user.role)) return null;
  const recipient: Actor = { kind: "user", id: user.id, name: user.name, email: user.email, role: user.role as Actor["role"] };
  const articles = await tx.article.findMany({ where: { id: { in: [...new Set(rows.map((row) => row.articleId))] } }, select: { id: true, title: true } });
  const titles = new Map(articles.map((article) => [article.id, article.title]));
  return {
    recipient,
    mode: user.notificationSettings?.emailMode ?? "immediate",
    disabledKinds: user.notificationSettings?.disabledKinds ?? [],
    items: rows.flatMap((row) => {
      const articleTitle = titles.get(row.articleId);
      if (articleTitle === undefined) return [];
      return [
        {
          id: row.id,
          kind: row.kind,
          actorName: row.actor?.name ?? null,
          summary: row.summary,
          articleTitle,
          createdAt: row.createdAt,
          target: {
            type: row.targetType === "claim" || row.targetType === "article" ? row.targetType : "annotation",
            id: row.targetId,
            articleId: row.articleId,
            claimId: row.claimId,
          },
        },
      ];
    }),
  };
}

/**
 * The items `recipient` may see now: the notification rules (lib/notifications/notify.ts) as of
 * this moment. An annotation must still exist and be past draft or their own (one withdrawn to
 * a draft since is not); a claim must still exist; the article exists (checked by `load`).
 */
async function visibleNow(tx: Tx, recipient: Actor, items: Loaded["items"]): Promise<Loaded["items"]> {
  const annotationIds = items.filter((item) => item.target.type === "annotation").map((item) => item.target.id);
  const claimIds = items.flatMap((item) => (item.target.claimId ? [item.target.claimId] : []));
  // One after the other: a transaction is one connection.
  const annotations = annotationIds.length
    ? await tx.annotation.findMany({ where: { id: { in: annotationIds }, ...visibleAnnotationWhere(recipient) }, select: { id: true } })
    : [];
  const claims = claimIds.length ? await tx.claim.findMany({ where: { id: { in: claimIds } }, select: { id: true } }) : [];
  const seenAnnotations = new Set(annotations.map((row) => row.id));
  const seenClaims = new Set(claims.map((row) => row.id));
  return items.filter(
    (item) =>
      (item.target.type !== "annotation" || seenAnnotations.has(item.target.id)) && (item.target.claimId === null || seenClaims.has(item.target.claimId)),
  );
}

async function mark(tx: Tx, ids: string[], state: "sent" | "skipped", at: Date | null): Promise<void> {
  if (ids.length === 0) return;
  await tx.notification.updateMany({ where: { id: { in: ids }, emailState: "pending" }, data: { emailState: state, emailedAt: at } });
}

/** Hands one mail to the SMTP server of `config`; resolves once the server accepted it. */
async function send(config: MailConfig, to: { name: string; email: string }, mail: ComposedMail, messageKey: string): Promise<void> {
  const transport = nodemailer.createTransport({
    url: config.smtpUrl,
    connectionTimeout: SMTP_TIMEOUTS_MS.connection,
    greetingTimeout: SMTP_TIMEOUTS_MS.greeting,
    socketTimeout: SMTP_TIMEOUTS_MS.socket,
  });
  try {
    await transport.sendMail({
      from: config.from,
      to: { name: to.name, address: to.email },
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      // The same mail always has the same id, so a mail store can drop a repeat.
      messageId: `<${messageKey}@${new URL(publicOrigin()).hostname}>`,
    });
  } finally {
    transport.close();
  }
}

/**
 * Locks `ids` that are still pending (skipping rows another job holds), decides, sends at most
 * one mail and marks the rows, all in one transaction. `mode` is the email mode this mail is
 * for: rows of someone who now wants the other mode stay pending for it.
 */
async function deliver(
  config: MailConfig,
  mode: Mode,
  lockSql: Prisma.Sql,
  compose: (recipient: Actor, items: Loaded["items"]) => { mail: ComposedMail; messageKey: string },
): Promise<number> {
  return db.$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>(lockSql);
      if (locked.length === 0) return 0;
      const ids = locked.map((row) => row.id);
      const loaded = await load(tx, ids);
      const now = new Date();
      if (!loaded || loaded.mode === "off") {
        await mark(tx, ids, "skipped", null);
        return 0;
      }
      // Someone who switched to the other mode is mailed by that mode's job.
      if (loaded.mode !== mode && (loaded.mode === "immediate" || loaded.mode === "hourly")) return 0;
      const fresh = loaded.items.filter(
        (item) =>
          now.getTime() - item.createdAt.getTime() <= EMAIL_MAX_AGE_MS &&
          !loaded.disabledKinds.includes(item.kind) &&
          (NOTIFICATION_KINDS as readonly string[]).includes(item.kind),
      );
      const visible = await visibleNow(tx, loaded.recipient, fresh);
      const visibleIds = new Set(visible.map((item) => item.id));
      await mark(
        tx,
        ids.filter((id) => !visibleIds.has(id)),
        "skipped",
        null,
      );
      if (visible.length === 0) return 0;
      const { mail, messageKey } = compose(loaded.recipient, visible);
      await send(config, loaded.recipient, mail, messageKey);
      await mark(tx, [...visibleIds], "sent", new Date());
      return visible.length;
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 10_000 },
  );
}

/**
 * Job `email-notification`: the mail about one notification, for someone whose email is
 * immediate. Without `SMTP_URL` it does nothing (the notification stays pending until mail is
 * configured again or it is a day old).
 */
export async function sendNotificationEmail({ notificationId }: { notificationId: string }): Promise<void> {
  const config = mailConfig();
  if (!config) return;
  const origin = publicOrigin();
  await deliver(
    config,
    "immediate",
    Prisma.sql`SELECT id FROM notifications WHERE id = ${notificationId} AND email_state = 'pending' FOR UPDATE SKIP LOCKED`,
    (recipient, [item]) => ({
      mail: composeImmediate({ recipientName: recipient.name, item: item!, origin }),
      messageKey: `notification.${notificationId}`,
    }),
  );
}

/**
 * Job `email-digest`: one mail with every pending notification of `userId` written before
 * `until` (a full hour), for someone whose email is hourly.
 */
export async function sendEmailDigest({ userId, until }: { userId: string; until: string }): Promise<void> {
  const config = mailConfig();
  if (!config) return;
  const origin = publicOrigin();
  const before = new Date(until);
  await deliver(
    config,
    "hourly",
    Prisma.sql`SELECT id FROM notifications
               WHERE recipient_id = ${userId} AND email_state = 'pending' AND created_at < ${sqlTimestamp(before)}
               ORDER BY created_at, id
               LIMIT 200
               FOR UPDATE SKIP LOCKED`,
    (recipient, items) => ({
      mail: composeDigest({ recipientName: recipient.name, items, origin }),
      // A late notification of the same hour goes in a mail of its own, with an id of its own.
      messageKey: `digest.${userId}.${before.toISOString().slice(0, 13).replace(/[^0-9]/g, "")}.${items[0]?.id ?? ""}`,
    }),
  );
}
