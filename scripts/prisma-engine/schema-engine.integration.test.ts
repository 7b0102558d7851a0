/**
 * The real Prisma CLI, run through the schema engine stand-in (./engine.mjs), against a throwaway
 * PostgreSQL: an embedded server of its own, or a fresh database on the server of
 * TEST_DATABASE_URL (created and dropped here).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedDatabase } from "../lib/embedded-database.ts";
import { migrateDeploy, runPrismaCli, type MigrateDeployError } from "./migrate.mjs";

let databaseUrl = "";
let cleanup: () => Promise<void> = async () => {};

async function adminQuery(serverUrl: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}

beforeAll(async () => {
  const name = `factdesk_engine_${process.pid}_${Date.now().toString(36)}`;
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
    databaseUrl = withDatabase(serverUrl, name);
    cleanup = async () => {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    };
  } else {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-engine-"));
    fs.chmodSync(tmp, 0o755); // the server runs as the OS user `postgres` when we are root
    const database = await startEmbeddedDatabase({
      dataDir: path.join(tmp, "pg"),
      database: name,
      ephemeral: true,
      settings: { fsync: "off" },
    });
    databaseUrl = database.url;
    cleanup = async () => {
      await database.stop();
      fs.rmSync(tmp, { recursive: true, force: true });
    };
  }
});

afterAll(async () => {
  await cleanup();
});

describe("prisma CLI through the Wasm schema engine stand-in", () => {
  it("migrate deploy applies the migrations and creates the tables", async () => {
    const output = await migrateDeploy(databaseUrl);
    expect(output).toContain("All migrations have been successfully applied.");

    const tables = await adminQuery(
      databaseUrl,
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    const names = tables.rows.map((row: { tablename: string }) => row.tablename);
    expect(names).toEqual(expect.arrayContaining(["users", "articles", "article_revisions", "audit_events", "_prisma_migrations"]));

    const applied = await adminQuery(
      databaseUrl,
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    expect(applied.rows.map((row: { migration_name: string }) => row.migration_name)).toEqual(
      fs.readdirSync(path.resolve(import.meta.dirname, "../../prisma/migrations")).filter((entry) => /^\d+_/.test(entry)),
    );
  });

  it("migrate status says the database is up to date, and deploy again applies nothing", async () => {
    const status = await runPrismaCli(["migrate", "status"], { databaseUrl });
    expect(status.output).toContain("Database schema is up to date!");
    expect(status.code).toBe(0);

    await expect(migrateDeploy(databaseUrl)).resolves.toContain("No pending migrations to apply.");
  });

  it("migrate diff finds no difference between the migrations and the schema, and drops its shadow database", async () => {
    const diff = await runPrismaCli(
      ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--exit-code"],
      { databaseUrl },
    );
    expect(diff.output).toContain("No difference detected.");
    expect(diff.code).toBe(0);

    const shadows = await adminQuery(databaseUrl, "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_shadow_%'");
    expect(shadows.rows).toEqual([]);
  });

  it("fails loudly (non-zero) when it cannot sign in", async () => {
    const badUrl = new URL(databaseUrl);
    badUrl.username = "no_such_user_factdesk";
    badUrl.password = "wrong-password";
    const error = (await migrateDeploy(badUrl.toString()).catch((caught: unknown) => caught)) as MigrateDeployError;
    expect(error).toBeInstanceOf(Error);
    expect(error.exitCode).not.toBe(0);
    expect(error.output).toContain("P1000");
    expect(error.output).not.toContain("wrong-password");
  });

  it("fails loudly (non-zero) when the WebAssembly engine panics", async () => {
    const result = await runPrismaCli(["migrate", "deploy"], {
      databaseUrl,
      env: { FORCE_PANIC_SCHEMA_ENGINE: "1" },
    });
    expect(result.output).toContain("This is the debugPanic artificial panic");
    expect(result.code).not.toBe(0);
  });
});
