/**
 * Line 1, the database floor: raw `pg` (no Prisma, no HTTP) single-row INSERT of an
 * annotation-shaped row into the real `annotations` table (same indexes and foreign keys the
 * app's insert meets), and SELECT of one such row by primary key, at concurrency 1, 8 and 32.
 * Each worker runs its statements back to back on its own pooled connection, autocommit.
 *
 * A third, diagnostic operation runs the same INSERT together with `SELECT pg_notify(…)` in one
 * transaction, as every annotation change does (lib/live/publish.ts): PostgreSQL serialises the
 * commits of notifying transactions (a database-wide lock taken at commit), so this shows what
 * group commit can still do for the app's writes.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { percentile } from "./stats.ts";

export const FLOOR_CONCURRENCY = [1, 8, 32] as const;

export interface PgLoad {
  operation: "insert" | "select" | "insert+notify";
  concurrency: number;
  ops: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

const INSERT = `INSERT INTO annotations (id, claim_id, kind, status, version, author_id, url, title, publisher, stance, updated_at)
  VALUES ($1, $2, 'source', 'draft', 1, $3, $4, $5, $6, 'supports', now())`;
const SELECT = `SELECT * FROM annotations WHERE id = $1`;
const NOTIFY = `SELECT pg_notify('factdesk_bench_floor', $1)`;

async function run(
  pool: pg.Pool,
  concurrency: number,
  seconds: number,
  statement: (client: pg.PoolClient, index: number) => Promise<void>,
): Promise<{ ops: number; seconds: number; latencies: number[]; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  let counter = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const client = await pool.connect();
      try {
        while (performance.now() < deadline) {
          const at = performance.now();
          try {
            await statement(client, counter++);
            latencies.push(performance.now() - at);
          } catch {
            errors += 1;
          }
        }
      } finally {
        client.release();
      }
    }),
  );
  return { ops: latencies.length, seconds: (performance.now() - started) / 1000, latencies, errors };
}

/** INSERT then SELECT at each concurrency, `seconds` each after a one-second warm-up. */
export async function measurePgFloor(options: {
  databaseUrl: string;
  claimId: string;
  authorId: string;
  seconds: number;
  log: (message: string) => void;
}): Promise<PgLoad[]> {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: Math.max(...FLOOR_CONCURRENCY) });
  pool.on("error", () => undefined); // an idle connection closed by the server going away on Ctrl-C
  const ids: string[] = [];
  const insert = async (client: pg.PoolClient) => {
    const id = randomUUID();
    await client.query(INSERT, [id, options.claimId, options.authorId, "https://statistics.example.org/floor", "Floor row", "Bench"]);
    ids.push(id);
  };
  const select = async (client: pg.PoolClient, index: number) => {
    // A fixed stride through the inserted rows: deterministic, and spread over the table.
    const id = ids[(index * 7919) % ids.length];
    const { rowCount } = await client.query(SELECT, [id]);
    if (rowCount !== 1) throw new Error("row not found");
  };
  const insertNotify = async (client: pg.PoolClient) => {
    const id = randomUUID();
    await client.query("BEGIN");
    try {
      await client.query(INSERT, [id, options.claimId, options.authorId, "https://statistics.example.org/floor", "Floor row", "Bench"]);
      await client.query(NOTIFY, [id]);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
  };
  const results: PgLoad[] = [];
  try {
    for (const [operation, statement] of [
      ["insert", insert],
      ["select", select],
      ["insert+notify", insertNotify],
    ] as const) {
      for (const concurrency of FLOOR_CONCURRENCY) {
        await run(pool, concurrency, 1, statement);
        const measured = await run(pool, concurrency, options.seconds, statement);
        const load: PgLoad = {
          operation,
          concurrency,
          ops: measured.ops,
          rps: measured.ops / measured.seconds,
          p50: percentile(measured.latencies, 0.5),
          p99: percentile(measured.latencies, 0.99),
          errors: measured.errors,
        };
        options.log(
          `pg ${operation} c=${concurrency}: ${load.rps.toFixed(0)} ops/s, p50 ${load.p50.toFixed(2)} ms, p99 ${load.p99.toFixed(2)} ms` +
            (load.errors ? `, ${load.errors} errors` : ""),
        );
        results.push(load);
      }
    }
  } finally {
    await pool.end();
  }
  return results;
}
