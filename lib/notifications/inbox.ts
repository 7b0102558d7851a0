/** One's own notifications: the inbox, marking read, and the unread count. */
import { db, Prisma } from "@/lib/db";
import { parseInput } from "@/lib/validation";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { decodeCursor, encodeCursor } from "@/lib/reviews/cursor";
import { ListNotificationsInput, MarkReadInput } from "@/lib/notifications/schemas";
import type { NotificationDTO, NotificationPageDTO } from "@/lib/notifications/present";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/lib/notifications/kinds";

const select = {
  id: true,
  kind: true,
  createdAt: true,
  readAt: true,
  targetType: true,
  targetId: true,
  articleId: true,
  claimId: true,
  summary: true,
  actor: { select: { id: true, name: true } },
} as const satisfies Prisma.NotificationSelect;

type Row = Prisma.NotificationGetPayload<{ select: typeof select }>;

function present(row: Row): NotificationDTO {
  return {
    id: row.id,
    kind: (NOTIFICATION_KINDS as readonly string[]).includes(row.kind) ? (row.kind as NotificationKind) : "mention",
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt ? row.readAt.toISOString() : null,
    actor: row.actor ? { id: row.actor.id, name: row.actor.name } : null,
    target: {
      type: row.targetType === "claim" || row.targetType === "article" ? row.targetType : "annotation",
      id: row.targetId,
      articleId: row.articleId,
      claimId: row.claimId,
    },
    summary: row.summary,
  };
}

/** How many of `actor`'s notifications are unread. */
export async function countUnread({ actor }: { actor: Actor }): Promise<number> {
  return db.notification.count({ where: { recipientId: actor.id, readAt: null } });
}

/** A page of `actor`'s notifications, newest first (`unread: "1"`: unread ones only), and the unread count. */
export async function listNotifications({ actor, input = {} }: { actor: Actor | null; input?: unknown }): Promise<NotificationPageDTO> {
  assertCan(actor, "account.notifications");
  const { cursor, limit, unread } = parseInput(ListNotificationsInput, input);
  const after = cursor ? decodeCursor(cursor) : null;
  const rows = await db.notification.findMany({
    where: {
      recipientId: actor.id,
      ...(unread === "1" ? { readAt: null } : {}),
      ...(after
        ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(present),
    nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null,
    unread: await countUnread({ actor }),
  };
}

/** Marks some (`{ids}`) or all (`{all: true}`) of `actor`'s notifications read; the unread count after. */
export async function markNotificationsRead({ actor, input }: { actor: Actor | null; input: unknown }): Promise<{ unread: number }> {
  assertCan(actor, "account.notifications");
  const data = parseInput(MarkReadInput, input);
  await db.notification.updateMany({
    // Someone else's ids simply match nothing.
    where: { recipientId: actor.id, readAt: null, ...("ids" in data ? { id: { in: data.ids } } : {}) },
    data: { readAt: new Date() },
  });
  return { unread: await countUnread({ actor }) };
}
