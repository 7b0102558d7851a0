/**
 * The text of notification mails: plain text and simple HTML, pure functions of what the
 * database holds. Everything people typed (names, article titles, summaries with quotes of
 * replies) is escaped in the HTML; links are built on the desk's public origin, never on a
 * request's Host.
 */
import { escapeHtml } from "@/lib/exports/escape";
import { notificationHref } from "@/lib/notifications/present";
import type { NotificationDTO } from "@/lib/notifications/present";

/** One notification as a mail shows it. */
export interface MailItem {
  actorName: string | null;
  summary: string;
  articleTitle: string;
  target: NotificationDTO["target"];
  createdAt: Date;
}

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

/** A header value on one line, of at most `max` characters. */
function oneLine(text: string, max: number): string {
  const flat = text.replace(/[\s\u2028\u2029]+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** "Bob mentioned you: …", or the summary alone when the actor's account is gone. */
function line(item: MailItem): string {
  const summary = oneLine(item.summary, 300);
  return item.actorName ? `${oneLine(item.actorName, 100)} ${summary}` : summary.charAt(0).toUpperCase() + summary.slice(1);
}

function link(origin: string, item: MailItem): string {
  return `${origin}${notificationHref(item.target)}`;
}

function timeOf(date: Date): string {
  return `${date.toISOString().slice(11, 16)} UTC`;
}

const FOOTER_TEXT = (origin: string) =>
  `You get this email because of your notification settings. Change them, or turn email off, at ${origin}/settings`;

function footerHtml(origin: string): string {
  const settings = escapeHtml(`${origin}/settings`);
  return `<p style="color:#6b7280;font-size:12px;margin-top:24px">You get this email because of your notification settings. <a href="${settings}">Change them, or turn email off</a>.</p>`;
}

function page(body: string): string {
  return `<!doctype html><html><body style="font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:15px;line-height:1.5;color:#111827;max-width:600px">${body}</body></html>`;
}

function itemHtml(origin: string, item: MailItem, withTime: boolean): string {
  const href = escapeHtml(link(origin, item));
  const time = withTime ? `<span style="color:#6b7280">${escapeHtml(timeOf(item.createdAt))}</span> ` : "";
  return `<li style="margin-bottom:12px">${time}${escapeHtml(line(item))}<br><span style="color:#6b7280">in “${escapeHtml(oneLine(item.articleTitle, 200))}”</span> · <a href="${href}">Open</a></li>`;
}

/** The mail about one notification, sent as soon as it happens. */
export function composeImmediate({ recipientName, item, origin }: { recipientName: string; item: MailItem; origin: string }): ComposedMail {
  const title = oneLine(item.articleTitle, 200);
  const text = [
    `Hello ${oneLine(recipientName, 100)},`,
    "",
    line(item),
    `in “${title}”`,
    "",
    `Open it: ${link(origin, item)}`,
    "",
    "-- ",
    FOOTER_TEXT(origin),
    "",
  ].join("\n");
  const html = page(
    `<p>Hello ${escapeHtml(oneLine(recipientName, 100))},</p><ul style="padding-left:18px">${itemHtml(origin, item, false)}</ul>${footerHtml(origin)}`,
  );
  return { subject: oneLine(`[Factdesk] ${line(item)}`, 150), text, html };
}

/** The hourly mail: every notification of the hour, oldest first. */
export function composeDigest({ recipientName, items, origin }: { recipientName: string; items: MailItem[]; origin: string }): ComposedMail {
  const count = items.length === 1 ? "1 notification" : `${items.length} notifications`;
  const text = [
    `Hello ${oneLine(recipientName, 100)},`,
    "",
    `${count} since the last email:`,
    "",
    ...items.flatMap((item) => [
      `- ${timeOf(item.createdAt)} ${line(item)}`,
      `  in “${oneLine(item.articleTitle, 200)}”`,
      `  ${link(origin, item)}`,
      "",
    ]),
    `Your inbox: ${origin}/`,
    "",
    "-- ",
    FOOTER_TEXT(origin),
    "",
  ].join("\n");
  const html = page(
    `<p>Hello ${escapeHtml(oneLine(recipientName, 100))},</p><p>${escapeHtml(count)} since the last email:</p><ul style="padding-left:18px">${items
      .map((item) => itemHtml(origin, item, true))
      .join("")}</ul>${footerHtml(origin)}`,
  );
  return { subject: `[Factdesk] ${count}`, text, html };
}
