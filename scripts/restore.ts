/**
 * `npm run restore -- FILE [--force]`: loads a backup made by `npm run backup` into the desk's
 * database (DATABASE_URL, or the embedded one in .data/). Checks the file against its manifest
 * first; refuses a database that holds any rows unless --force, which replaces its contents.
 * Stop the app first: a restore under a running app would mix its writes with the backup's.
 */
import path from "node:path";
import { attachEmbeddedDatabase, type RunningDatabase } from "./lib/embedded-database.ts";
import { restoreDatabase } from "./lib/backup.ts";

const ROOT = path.resolve(import.meta.dirname, "..");

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const force = args.includes("--force");
  const file = args.find((arg) => !arg.startsWith("--"));
  if (!file) throw new Error("Usage: npm run restore -- FILE [--force]");
  let database: RunningDatabase | undefined;
  const url = process.env.DATABASE_URL ?? (database = await attachEmbeddedDatabase(path.join(ROOT, ".data", "postgres"))).url;
  try {
    const manifest = await restoreDatabase(url, path.resolve(file), { force, log: (message) => console.log(`[factdesk] ${message}`) });
    const rows = Object.values(manifest.tables).reduce((sum, count) => sum + count, 0);
    console.log(`[factdesk] Restored ${rows} rows from the backup of ${manifest.createdAt} (schema ${manifest.schemaVersion}).`);
  } finally {
    await database?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`[factdesk] Restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
