/**
 * Announcing a change to everyone who has the article open (D9). A change is written to the
 * short log of live events (`live_events`) and announced with `pg_notify`, both inside the
 * transaction of the change: PostgreSQL delivers the notification on commit and drops both on
 * rollback, so a listener never hears of a change that did not happen, and hears of it only
 * once it can be read. Any number of app servers hear it (D8: servers keep no state), and any
 * of them can replay the log to a client that reconnects.
 *
 * The notification carries the event's id and ids of what changed, never content (a draft's
 * text must not reach other people): each server reads the changed claim and sends every
 * subscriber what that subscriber may see (lib/live/change-batch.ts).
 */
import { Prisma, type Tx } from "@/lib/db";

/** The channel every Factdesk server listens on. */
export const LIVE_CHANNEL = "factdesk_changes";

/**
 * The change types of a source's archived copy: someone asked for a new copy (a retry,
 * lib/archives/request-archive.ts), or the archive job took it or could not
 * (lib/archives/archive-source.ts). The change's `id` is the source annotation's. Subscribers
 * who may not see that annotation are told nothing of them (lib/live/change-batch.ts).
 */
export const ARCHIVE_CHANGES = { requested: "archive.requested", archived: "archive.archived", failed: "archive.failed" } as const;
export type ArchiveChangeType = (typeof ARCHIVE_CHANGES)[keyof typeof ARCHIVE_CHANGES];

/** What changed, as a use case announces it. */
export interface LiveChange {
  articleId: string;
  /**
   * The audit action of the change, e.g. "claim.created" or "annotation.updated", or what a
   * background job did (`ARCHIVE_CHANGES`).
   */
  type: string;
  /** The id of the changed claim, annotation, revision or published version. */
  id: string;
  /** The claim the change is about: the claim itself, or the claim of the annotation. */
  claimId: string | null;
}

/** A change as logged and heard: `LiveChange` with the id of its log row. */
export interface LoggedChange extends LiveChange {
  /** The log row's id: ids of one article's changes follow commit order. */
  eventId: number;
}

/**
 * The log row and its notification for a change written as one SQL statement: the CTEs
 * `logged` and `notified`, one row each per row of `from` (an SQL source such as the CTE of a
 * locked claim); the fields are SQL expressions over that source or parameters. The statement
 * must read `notified` (PostgreSQL skips a SELECT CTE nobody reads).
 */
export function changeLogCtes(change: {
  from: Prisma.Sql;
  articleId: Prisma.Sql;
  type: string;
  id: string;
  claimId: Prisma.Sql;
}): Prisma.Sql {
  return Prisma.sql`logged AS (
      INSERT INTO live_events (article_id, kind, entity_id, claim_id)
      SELECT ${change.articleId}, ${change.type}::text, ${change.id}::text, ${change.claimId} FROM ${change.from}
      RETURNING id, article_id, kind, entity_id, claim_id
    ), notified AS (
      SELECT pg_notify(${LIVE_CHANNEL}, json_build_object(
        'eventId', logged.id, 'articleId', logged.article_id, 'type', logged.kind,
        'id', logged.entity_id, 'claimId', logged.claim_id)::text)
      FROM logged
    )`;
}

/** Logs a change and queues its notification in `tx`; both take effect when `tx` commits. */
export async function publishChange(tx: Tx, change: LiveChange): Promise<void> {
  await tx.$queryRaw`
    WITH one AS (SELECT 1), ${changeLogCtes({
      from: Prisma.sql`one`,
      articleId: Prisma.sql`${change.articleId}::text`,
      type: change.type,
      id: change.id,
      claimId: Prisma.sql`${change.claimId}::text`,
    })}
    SELECT count(*)::int AS n FROM notified`;
}
