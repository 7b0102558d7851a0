/** Fails fast, and clearly, when an external PostgreSQL cannot be reached. */
import pg from "pg";

/** Where a connection string points, without its password: `host:port/database`. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const database = parsed.pathname.replace(/^\//, "") || "(default database)";
    return `${parsed.hostname}:${parsed.port || "5432"}/${database}`;
  } catch {
    return "(an unparseable DATABASE_URL)";
  }
}

/** Connects once with a short timeout; throws an error naming the host (never the password). */
export async function assertDatabaseReachable(url: string, timeoutMs = 5_000): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version_num: string }>("SHOW server_version_num");
    const version = Number(rows[0]?.server_version_num ?? 0);
    if (version < 140000) {
      throw new Error(`PostgreSQL at ${describeDatabaseUrl(url)} is version ${version}; Factdesk needs 14 or newer.`);
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message.replaceAll(url, describeDatabaseUrl(url)) : String(error);
    throw new Error(`Cannot reach PostgreSQL at ${describeDatabaseUrl(url)}: ${reason}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
