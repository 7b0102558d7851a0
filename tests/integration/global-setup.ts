/**
 * One migrated PostgreSQL for an integration run: a throwaway embedded server, or a fresh
 * database on the server of TEST_DATABASE_URL (created and dropped here).
 */
import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedDatabase } from "../../scripts/lib/embedded-database.ts";
import { migrateDeploy } from "../../scripts/prisma-engine/migrate.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

async function createDatabaseOn(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `factdesk_test_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let url: string;
  let cleanup: () => Promise<void>;
  if (process.env.TEST_DATABASE_URL) {
    const created = await createDatabaseOn(process.env.TEST_DATABASE_URL);
    url = created.url;
    cleanup = created.drop;
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-it-"));
    fs.chmodSync(dataDir, 0o755);
    const database = await startEmbeddedDatabase({ dataDir: path.join(dataDir, "pg"), ephemeral: true, settings: { fsync: "off" } });
    url = database.url;
    cleanup = async () => {
      await database.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    };
  }
  await migrateDeploy(url);
  process.env.DATABASE_URL = url;
  project.provide("databaseUrl", url);
  return cleanup;
}
