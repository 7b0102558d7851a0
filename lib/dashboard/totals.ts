/**
 * Upkeep of the dashboard's kept totals (`dashboard_totals`, dashboard_totals migration).
 *
 * The database's triggers write one delta row per figure, day and person a change touches, in
 * the change's transaction; deltas are only ever inserted, so people changing claims at once
 * never wait on one shared counter. This folds the deltas of each (person, figure, day, key)
 * into one row, every minute (job `compact-dashboard-totals`), so that a dashboard sums a few
 * thousand rows however busy the desk has been. A sum is the same before and after, and the
 * dashboard is right whether or not this has run.
 */
import { db } from "@/lib/db";

/** The lock shared with factdesk_rebuild_dashboard_totals(): one fold or rebuild at a time. */
const TOTALS_LOCK = "factdesk.dashboard_totals";

export interface CompactionResult {
  /** Delta rows read and folded. */
  folded: number;
  /** Rows written in their place (keys whose sum is zero leave none). */
  written: number;
}

export async function compactDashboardTotals(): Promise<CompactionResult> {
  const [, rows] = await db.$transaction([
    db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${TOTALS_LOCK}))`,
    // One statement: the rows it deletes and the sums it writes are of one snapshot, and deltas
    // committed meanwhile stay as they are, to be folded next time.
    db.$queryRaw<{ folded: number; written: number }[]>`
      WITH keys AS (
        SELECT user_id, figure, day, key FROM dashboard_totals
        GROUP BY user_id, figure, day, key HAVING count(*) > 1 OR sum(n) = 0
      ), folded AS (
        DELETE FROM dashboard_totals d USING keys k
        WHERE d.user_id = k.user_id AND d.figure = k.figure AND d.day = k.day AND d.key = k.key
        RETURNING d.user_id, d.figure, d.day, d.key, d.n
      ), written AS (
        INSERT INTO dashboard_totals (user_id, figure, day, key, n)
        SELECT f.user_id, f.figure, f.day, f.key, sum(f.n)::int FROM folded f
        GROUP BY f.user_id, f.figure, f.day, f.key HAVING sum(f.n) <> 0
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM folded)::int AS folded, (SELECT count(*) FROM written)::int AS written`,
  ]);
  return rows[0] ?? { folded: 0, written: 0 };
}

/** The job: folds the deltas written since the last run. */
export async function compactDashboardTotalsJob(): Promise<void> {
  await compactDashboardTotals();
}
