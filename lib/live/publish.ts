/**
 * Announcing a change to everyone who has the article open (D9), over PostgreSQL
 * LISTEN/NOTIFY so that any number of app servers hear it (D8: servers keep no state).
 *
 * The notification is sent inside the transaction of the change: PostgreSQL delivers it on
 * commit and drops it on rollback, so a listener never hears of a change that did not happen,
 * and hears of it only once it can be read. Payloads carry ids and types only, never content
 * (a draft's text must not reach other people): clients refetch what they are allowed to see.
 */
import { Prisma, type Tx } from "@/lib/db";

/** The channel every Factdesk server listens on. */
export const LIVE_CHANNEL = "factdesk_changes";

/** What changed, as announced: the article it belongs to, what happened, and to which id. */
export interface LiveChange {
  articleId: string;
  /** The audit action of the change, e.g. "claim.created" or "annotation.updated". */
  type: string;
  /** The id of the changed claim or annotation. */
  id: string;
}

/** Queues a change notification in `tx`; it is delivered when `tx` commits. */
export async function publishChange(tx: Tx, change: LiveChange): Promise<void> {
  const payload = JSON.stringify({ articleId: change.articleId, type: change.type, id: change.id });
  await tx.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${payload})`;
}

/**
 * The same notification as a SQL expression, for a change written as one SQL statement: the
 * article id may be a column of that statement (`Prisma.sql\`claim.article_id\``). The payload
 * is the one `publishChange` sends.
 */
export function changeNotification(change: { articleId: Prisma.Sql; type: string; id: string }): Prisma.Sql {
  return Prisma.sql`pg_notify(${LIVE_CHANNEL}, json_build_object('articleId', ${change.articleId}, 'type', ${change.type}::text, 'id', ${change.id}::text)::text)`;
}
