/**
 * The short log of live events in PostgreSQL (`live_events`, written by lib/live/publish.ts):
 * what a page that reconnects has missed, readable from any server (D8).
 *
 * Ids of one article's events follow commit order (a trigger draws them under a per-article
 * lock, see the migration), so "everything after id N" is exact: an event of the article not
 * yet committed will get a higher id than every one already visible.
 *
 * The log is short on purpose: rows older than `LOG_MAX_AGE_MS`, and beyond the newest
 * `LOG_MAX_ROWS`, are pruned, and each article's highest pruned id is kept
 * (`live_event_horizons`). A client that last saw an id below its article's horizon, or that
 * is more than `REPLAY_LIMIT` events behind, is told to reload everything instead.
 */
import { db, Prisma } from "@/lib/db";
import type { LoggedChange } from "@/lib/live/publish";

/** How long events are kept. */
export const LOG_MAX_AGE_MS = 15 * 60_000;
/** How many events are kept at most, all articles together. */
export const LOG_MAX_ROWS = 20_000;
/** More events than this since a client's last one: it reloads instead of replaying. */
export const REPLAY_LIMIT = 500;

/** What a client that last saw `after` has missed: the events, or `reset` when they are gone. */
export type Replay = { kind: "events"; events: LoggedChange[]; head: number } | { kind: "reset"; head: number };

/**
 * The article's events after id `after`, in order, read with the article's prune horizon in
 * one statement; `head` is the id of the last one (or `after` when there are none).
 */
export async function readEventsAfter(articleId: string, after: number): Promise<Replay> {
  const rows = await db.$queryRaw<
    { horizon: bigint; newest: bigint; eventId: bigint | null; type: string | null; id: string | null; claimId: string | null }[]
  >`
    WITH bounds AS (
      SELECT coalesce((SELECT pruned_through FROM live_event_horizons WHERE article_id = ${articleId}), 0) AS horizon,
             coalesce((SELECT max(id) FROM live_events WHERE article_id = ${articleId}), 0) AS newest
    ), missed AS (
      SELECT id, kind, entity_id, claim_id FROM live_events
      WHERE article_id = ${articleId} AND id > ${after}
      ORDER BY id LIMIT ${REPLAY_LIMIT + 1}
    )
    SELECT bounds.horizon, bounds.newest, missed.id AS "eventId", missed.kind AS type, missed.entity_id AS id,
           missed.claim_id AS "claimId"
    FROM bounds LEFT JOIN missed ON true
    ORDER BY missed.id`;
  const horizon = Number(rows[0]?.horizon ?? 0);
  const newest = Math.max(horizon, Number(rows[0]?.newest ?? 0));
  const events: LoggedChange[] = [];
  for (const row of rows) {
    if (row.eventId === null || row.type === null || row.id === null) continue;
    events.push({ articleId, eventId: Number(row.eventId), type: row.type, id: row.id, claimId: row.claimId });
  }
  // Pruned past the client's last id, too far behind, or an id this article never had (say,
  // a page left open across a database restore): only a full reload is certain.
  if (after < horizon || events.length > REPLAY_LIMIT || after > newest) {
    return { kind: "reset", head: newest };
  }
  return { kind: "events", events, head: events.at(-1)?.eventId ?? after };
}

/**
 * The id a reader of the article's current state continues from: its newest event, or its
 * prune horizon, or 0. Read it in the same statement as that state, or before it.
 * `articleId` is an SQL expression: a column (`Prisma.sql\`a.id\``) or a parameter.
 */
export function liveHeadSql(articleId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`coalesce((SELECT max(le.id) FROM live_events le WHERE le.article_id = ${articleId}),
    (SELECT lh.pruned_through FROM live_event_horizons lh WHERE lh.article_id = ${articleId}), 0)`;
}

/** The id a reader of the article's current state continues from (`liveHeadSql`). */
export async function readHead(articleId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ head: bigint }[]>`SELECT ${liveHeadSql(Prisma.sql`${articleId}::text`)} AS head`;
  return Number(row?.head ?? 0);
}

/**
 * Deletes events older than `maxAgeMs` and beyond the newest `maxRows`, and moves each
 * article's horizon to its highest id deleted. Any server may run it at any time; returns how
 * many were deleted.
 */
export async function pruneLiveEvents({ maxAgeMs = LOG_MAX_AGE_MS, maxRows = LOG_MAX_ROWS } = {}): Promise<number> {
  const [row] = await db.$queryRaw<{ deleted: number }[]>`
    WITH cut AS (
      SELECT id FROM live_events ORDER BY id DESC OFFSET ${maxRows} LIMIT 1
    ), gone AS (
      DELETE FROM live_events
      WHERE created_at < LOCALTIMESTAMP - make_interval(secs => ${maxAgeMs / 1000})
         OR id <= (SELECT id FROM cut)
      RETURNING id, article_id
    ), moved AS (
      INSERT INTO live_event_horizons (article_id, pruned_through)
      SELECT article_id, max(id) FROM gone GROUP BY article_id
      ON CONFLICT (article_id) DO UPDATE SET pruned_through = greatest(live_event_horizons.pruned_through, excluded.pruned_through)
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM gone)::int AS deleted, (SELECT count(*) FROM moved)::int AS moved`;
  return row?.deleted ?? 0;
}
