/**
 * Create a migration from prisma/schema.prisma without a development database:
 *
 *   npx tsx scripts/prisma-engine/migrate-dev.ts --name add_claims [--create-only]
 *
 * Starts a throwaway embedded PostgreSQL, runs the real `prisma migrate dev <args>` against it
 * (existing migrations are applied first, the new one is diffed on a temporary shadow database),
 * then stops the server and deletes its files. Writes prisma/migrations/<timestamp>_<name>/.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedDatabase } from "../lib/embedded-database.ts";
import { runPrismaCli } from "./migrate.mjs";

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (!args.includes("--name") && !args.some((arg) => arg.startsWith("--name="))) {
    console.error("Usage: tsx scripts/prisma-engine/migrate-dev.ts --name <migration_name> [other `prisma migrate dev` flags]");
    return 2;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-migrate-dev-"));
  fs.chmodSync(tmp, 0o755); // the server runs as the OS user `postgres` when we are root
  const database = await startEmbeddedDatabase({ dataDir: path.join(tmp, "pg"), ephemeral: true, settings: { fsync: "off" } });
  try {
    const result = await runPrismaCli(["migrate", "dev", ...args], { databaseUrl: database.url });
    process.stdout.write(result.output);
    return result.code;
  } finally {
    await database.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
