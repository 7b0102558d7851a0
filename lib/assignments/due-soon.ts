/**
 * "Due within 24 hours": every 15 minutes (the "notify-due-soon" job of lib/jobs/registry.ts)
 * each assignee of a claim or an article whose due date falls within the next 24 hours is
 * notified, once per target and due date. The unique key of `notifications` (recipient, kind,
 * target, due date) makes repeats, restarts and several instances harmless; a new due date or a
 * new assignee is a new key, so it notifies again. `notify()` skips disabled accounts and people
 * who turned the kind off.
 */
import { db } from "@/lib/db";
import { SYSTEM } from "@/lib/auth/actor";
import { excerpt, notify } from "@/lib/notifications/notify";

/** How far ahead a due date is announced. */
export const DUE_SOON_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Notifies the assignees of what falls due in (now, now + 24 h]; returns how many were notified. */
export async function notifyDueSoon(now: Date = new Date()): Promise<number> {
  const window = { gt: now, lte: new Date(now.getTime() + DUE_SOON_WINDOW_MS) };
  const [claims, articles] = await Promise.all([
    db.claim.findMany({
      where: { assigneeId: { not: null }, dueAt: window },
      select: { id: true, articleId: true, exact: true, assigneeId: true, dueAt: true },
    }),
    db.article.findMany({
      where: { assigneeId: { not: null }, dueAt: window },
      select: { id: true, title: true, assigneeId: true, dueAt: true },
    }),
  ]);
  let notified = 0;
  for (const claim of claims) {
    if (!claim.assigneeId || !claim.dueAt) continue;
    const { assigneeId, dueAt } = claim;
    const sent = await db.$transaction((tx) =>
      notify(tx, {
        actor: SYSTEM,
        kind: "due",
        recipients: [assigneeId],
        target: { type: "claim", id: claim.id, articleId: claim.articleId, claimId: claim.id },
        summary: `Due within 24 hours: claim “${excerpt(claim.exact)}”`,
        audience: null,
        dueAt,
      }),
    );
    notified += sent.length;
  }
  for (const article of articles) {
    if (!article.assigneeId || !article.dueAt) continue;
    const { assigneeId, dueAt } = article;
    const sent = await db.$transaction((tx) =>
      notify(tx, {
        actor: SYSTEM,
        kind: "due",
        recipients: [assigneeId],
        target: { type: "article", id: article.id, articleId: article.id, claimId: null },
        summary: `Due within 24 hours: article ${excerpt(article.title)}`,
        audience: null,
        dueAt,
      }),
    );
    notified += sent.length;
  }
  return notified;
}

/** The job's handler: one pass, logged. */
export async function notifyDueSoonJob(): Promise<void> {
  const notified = await notifyDueSoon();
  if (notified > 0) console.log(`[factdesk assignments] ${notified} due-date notifications sent`);
}
