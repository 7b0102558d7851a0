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
      // In name order: a table's rows come back in no promised order without ORDER BY.
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name",
    );
    expect(applied.rows.map((row: { migration_name: string }) => row.migration_name)).toEqual(
      fs
        .readdirSync(path.resolve(import.meta.dirname, "../../prisma/migrations"))
        .filter((entry) => /^\d+_/.test(entry))
        .sort(),
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

  it("migrate dev --name creates and applies a migration for a new model on a database that is behind", async () => {
    // A copy of the migrations and the schema plus one model, outside the repository's prisma/ folder.
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-migrate-dev-"));
    const repoPrisma = path.resolve(import.meta.dirname, "../../prisma");
    fs.cpSync(path.join(repoPrisma, "migrations"), path.join(work, "prisma", "migrations"), { recursive: true });
    const schema = fs.readFileSync(path.join(repoPrisma, "schema.prisma"), "utf8");
    fs.writeFileSync(path.join(work, "prisma", "schema.prisma"), `${schema}\nmodel EngineTestProbe {\n  id String @id\n}\n`);
    fs.writeFileSync(
      path.join(work, "prisma.config.mjs"),
      'export default { schema: "prisma/schema.prisma", migrations: { path: "prisma/migrations" }, datasource: { url: process.env.DATABASE_URL } };\n',
    );
    // A fresh database: the existing migrations are pending when `migrate dev` starts, the case in
    // which the Wasm engine used to fail with "PostgreSQL shadow DB must be provided through an
    // external factory" (see callEngine in ./engine.mjs).
    const database = `${new URL(databaseUrl).pathname.slice(1)}_dev`;
    const devUrl = withDatabase(databaseUrl, database);
    await adminQuery(databaseUrl, `CREATE DATABASE "${database}"`);
    try {
      const before = new Set(fs.readdirSync(path.join(work, "prisma", "migrations")));
      const result = await runPrismaCli(
        ["migrate", "dev", "--name", "added_model", "--config", path.join(work, "prisma.config.mjs")],
        { databaseUrl: devUrl, cwd: work },
      );
      expect(result.output).toContain("Your database is now in sync with your schema.");
      expect(result.code).toBe(0);

      const created = fs.readdirSync(path.join(work, "prisma", "migrations")).filter((entry) => !before.has(entry));
      expect(created).toEqual([expect.stringMatching(/^\d{14}_added_model$/)]);
      const migrationName = created[0] ?? "";
      const sql = fs.readFileSync(path.join(work, "prisma", "migrations", migrationName, "migration.sql"), "utf8");
      expect(sql).toContain('CREATE TABLE "EngineTestProbe"');
      // The hand-written CHECK constraints (…_check_constraints) are read by the describer
      // without a panic (workaround 5 in ./pg-adapter.mjs) and left alone by the diff.
      expect(sql).not.toMatch(/_check\b|CHECK \(|DROP CONSTRAINT/);
      const checks = await adminQuery(devUrl, "SELECT count(*)::int AS n FROM pg_constraint WHERE contype = 'c' AND conname LIKE '%\\_check' ");
      expect(checks.rows[0].n).toBeGreaterThanOrEqual(20);

      const table = await adminQuery(devUrl, `SELECT to_regclass('public."EngineTestProbe"') AS oid`);
      expect(table.rows[0].oid).not.toBeNull();
      const applied = await adminQuery(
        devUrl,
        `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND migration_name = '${migrationName}'`,
      );
      expect(applied.rowCount).toBe(1);
      const shadows = await adminQuery(databaseUrl, "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_shadow_%'");
      expect(shadows.rows).toEqual([]);
    } finally {
      await adminQuery(databaseUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      fs.rmSync(work, { recursive: true, force: true });
    }
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
