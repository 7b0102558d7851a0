/**
 * `npm run backup [-- FILE]`: a consistent backup of the desk's database (DATABASE_URL, or the
 * embedded one in .data/, running or not) to FILE, by default backups/factdesk-<UTC time>.sql.gz,
 * with FILE.manifest.json beside it (time, schema version, sha256). See scripts/lib/backup.ts.
 */
import fs from "node:fs";
import path from "node:path";
import { attachEmbeddedDatabase, type RunningDatabase } from "./lib/embedded-database.ts";
import { backupDatabase, defaultBackupName, manifestPath } from "./lib/backup.ts";

const ROOT = path.resolve(import.meta.dirname, "..");

async function main(): Promise<void> {
  const target = path.resolve(process.argv[2] ?? path.join(ROOT, "backups", defaultBackupName()));
  if (fs.existsSync(target)) throw new Error(`${target} already exists; name another file.`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  let database: RunningDatabase | undefined;
  const url = process.env.DATABASE_URL ?? (database = await attachEmbeddedDatabase(path.join(ROOT, ".data", "postgres"))).url;
  try {
    const manifest = await backupDatabase(url, target);
    const rows = Object.values(manifest.tables).reduce((sum, count) => sum + count, 0);
    console.log(`[factdesk] Backed up ${rows} rows (schema ${manifest.schemaVersion}) to ${target}`);
    console.log(`[factdesk] Manifest: ${manifestPath(target)} (sha256 ${manifest.sha256})`);
  } finally {
    await database?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`[factdesk] Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
