/**
 * Backups of a desk's database and their restore (`npm run backup`, `npm run restore`).
 *
 * PostgreSQL's own `pg_dump` is not available everywhere Factdesk runs: the embedded package
 * ships only `initdb`, `pg_ctl` and `postgres`, and an operating system's `pg_dump` older than
 * the server refuses to dump it (Debian 12 has 15; the embedded server is 17). So the backup
 * uses the mechanism `pg_dump` itself uses, over the ordinary connection: one
 * `REPEATABLE READ, READ ONLY` transaction (every table read from the same snapshot, while
 * the app keeps writing) and `COPY … TO STDOUT` per table, in PostgreSQL's text format.
 *
 * The file is gzip of a plain SQL script in `pg_dump`'s data-section form:
 *
 *   COPY public.users (id, email, …) FROM stdin;
 *   <rows, COPY text format>
 *   \.
 *
 * tables in foreign-key order, so `psql -f` can load it too. The schema is not in the file:
 * it is the migrations, and the manifest names the last one applied (the schema version).
 * Restore migrates an empty database with this checkout's migrations, then loads the rows in
 * one transaction. The manifest (FILE.manifest.json) holds the time, schema version, server
 * version, row counts and the file's sha256, which restore checks first.
 */
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import zlib from "node:zlib";
import readline from "node:readline";
import { once } from "node:events";
import { pipeline } from "node:stream/promises";
import { PassThrough, Writable } from "node:stream";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { migrateDeploy } from "../prisma-engine/migrate.mjs";

export const BACKUP_FORMAT = "factdesk-backup/1";
const MIGRATIONS_TABLE = "_prisma_migrations";
const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "..", "..", "prisma", "migrations");

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  /** When the snapshot was taken (the transaction's start), UTC. */
  createdAt: string;
  /** The last migration applied to the database backed up. */
  schemaVersion: string;
  /** `server_version` of the PostgreSQL backed up. */
  postgresVersion: string;
  /** The backup file's name (beside this manifest). */
  file: string;
  bytes: number;
  /** sha256 (hex) of the backup file's bytes. */
  sha256: string;
  /** Rows per table, in the order they are in the file. */
  tables: Record<string, number>;
}

/** The manifest's path for a backup file. */
export function manifestPath(file: string): string {
  return `${file}.manifest.json`;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The app's tables (schema `public`, not Prisma's bookkeeping), parents before children. */
async function tablesInLoadOrder(client: pg.ClientBase): Promise<string[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> $1 ORDER BY c.relname`,
    [MIGRATIONS_TABLE],
  );
  const { rows: edges } = await client.query<{ child: string; parent: string }>(
    `SELECT child.relname AS child, parent.relname AS parent
       FROM pg_constraint k
       JOIN pg_class child ON child.oid = k.conrelid
       JOIN pg_class parent ON parent.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = child.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public' AND child.oid <> parent.oid`,
  );
  const names = tables.map((table) => table.name);
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (ordered.includes(name)) return;
    if (visiting.has(name)) throw new Error(`Foreign keys form a cycle through ${name}; cannot order the tables.`);
    visiting.add(name);
    for (const edge of edges) if (edge.child === name && names.includes(edge.parent)) visit(edge.parent);
    visiting.delete(name);
    ordered.push(name);
  };
  for (const name of names) visit(name);
  return ordered;
}

async function columnsOf(client: pg.ClientBase, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT a.attname AS name FROM pg_attribute a
      WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY a.attnum`,
    [`public.${quoteIdent(table)}`],
  );
  return rows.map((row) => row.name);
}

/** The last migration applied to the database at `client` (its schema version). */
export async function schemaVersion(client: pg.ClientBase): Promise<string> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT migration_name AS name FROM ${MIGRATIONS_TABLE} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
      ORDER BY migration_name DESC LIMIT 1`,
  );
  const name = rows[0]?.name;
  if (!name) throw new Error("The database has no applied migrations: nothing to back up.");
  return name;
}

async function sha256OfFile(file: string): Promise<string> {
  const hash = crypto.createHash("sha256");
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest("hex");
}

/** A default file name for a backup taken now: factdesk-20261207T083000Z.sql.gz. */
export function defaultBackupName(now = new Date()): string {
  return `factdesk-${now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}.sql.gz`;
}

/**
 * Writes a backup of the database at `databaseUrl` to `file` (gzip) and its manifest beside
 * it. Returns the manifest. Written to a temporary name first, so an interrupted backup never
 * leaves a file that looks complete.
 */
export async function backupDatabase(databaseUrl: string, file: string): Promise<BackupManifest> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const partial = `${file}.partial`;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    // Text as PostgreSQL writes it for any client: UTC, ISO dates, no locale in numbers.
    await client.query("SET LOCAL timezone = 'UTC'; SET LOCAL datestyle = 'ISO, YMD'; SET LOCAL extra_float_digits = 3");
    const { rows: meta } = await client.query<{ at: Date; version: string }>(
      "SELECT transaction_timestamp() AS at, current_setting('server_version') AS version",
    );
    const version = await schemaVersion(client);
    const tables = await tablesInLoadOrder(client);

    const gzip = zlib.createGzip();
    const output = fs.createWriteStream(partial, { mode: 0o600 });
    const written = pipeline(gzip, output);
    const write = async (text: string) => {
      if (!gzip.write(text)) await once(gzip, "drain");
    };
    await write(
      `-- Factdesk backup (${BACKUP_FORMAT}), schema version ${version}, taken ${meta[0]?.at.toISOString()}.\n` +
        "-- Load into a database migrated to that version: npm run restore FILE (or psql -f after gunzip).\n" +
        "SET client_encoding = 'UTF8';\nSET timezone = 'UTC';\nSET datestyle = 'ISO, YMD';\n\n",
    );
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const columns = await columnsOf(client, table);
      const list = columns.map(quoteIdent).join(", ");
      await write(`COPY public.${quoteIdent(table)} (${list}) FROM stdin;\n`);
      const source = client.query(copyTo(`COPY public.${quoteIdent(table)} (${list}) TO STDOUT`));
      let rows = 0;
      await pipeline(
        source,
        new Writable({
          write(chunk: Buffer, _encoding, callback) {
            for (const byte of chunk) if (byte === 0x0a) rows += 1;
            if (gzip.write(chunk)) callback();
            else gzip.once("drain", () => callback());
          },
        }),
      );
      counts[table] = rows;
      await write("\\.\n\n");
    }
    gzip.end();
    await written;
    await client.query("COMMIT");

    fs.renameSync(partial, file);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: meta[0]?.at.toISOString() ?? new Date().toISOString(),
      schemaVersion: version,
      postgresVersion: meta[0]?.version ?? "unknown",
      file: path.basename(file),
      bytes: fs.statSync(file).size,
      sha256: await sha256OfFile(file),
      tables: counts,
    };
    fs.writeFileSync(manifestPath(file), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    return manifest;
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Reads and checks a backup's manifest and the file's sha256 against it. */
export async function verifyBackup(file: string): Promise<BackupManifest> {
  const where = manifestPath(file);
  if (!fs.existsSync(file)) throw new Error(`No backup file at ${file}.`);
  if (!fs.existsSync(where)) throw new Error(`No manifest beside the backup (expected ${where}).`);
  const manifest = JSON.parse(fs.readFileSync(where, "utf8")) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT) throw new Error(`${where} is not a ${BACKUP_FORMAT} manifest.`);
  const actual = await sha256OfFile(file);
  if (actual !== manifest.sha256) {
    throw new Error(`The backup file's sha256 is ${actual}, but its manifest says ${manifest.sha256}: the file is damaged or not this backup.`);
  }
  const known = fs.existsSync(MIGRATIONS_DIR) ? fs.readdirSync(MIGRATIONS_DIR) : [];
  if (!known.includes(manifest.schemaVersion)) {
    throw new Error(
      `The backup's schema version ${manifest.schemaVersion} is not among this checkout's migrations: restore it with the version of Factdesk that made it (or a newer one).`,
    );
  }
  return manifest;
}

/** Whether any of the app's tables in the database at `client` holds a row. */
async function hasRows(client: pg.ClientBase): Promise<string | null> {
  for (const table of await tablesInLoadOrder(client)) {
    const { rowCount } = await client.query(`SELECT 1 FROM public.${quoteIdent(table)} LIMIT 1`);
    if (rowCount) return table;
  }
  return null;
}

export interface RestoreOptions {
  /** Replace whatever the database holds (its `public` schema is dropped first). */
  force?: boolean;
  log?: (message: string) => void;
}

/**
 * Loads the backup `file` into the database at `databaseUrl`: checks the manifest and
 * sha256, refuses a database that holds rows unless `force`, applies the migrations, then
 * loads every table in one transaction (all or nothing).
 */
export async function restoreDatabase(databaseUrl: string, file: string, { force = false, log = () => {} }: RestoreOptions = {}): Promise<BackupManifest> {
  const manifest = await verifyBackup(file);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ exists: boolean }>(`SELECT to_regclass('public.${MIGRATIONS_TABLE}') IS NOT NULL AS exists`);
    const occupied = rows[0]?.exists ? await hasRows(client) : null;
    if (occupied && !force) {
      throw new Error(`The database is not empty (table ${occupied} has rows). Restore into an empty database, or pass --force to replace its contents.`);
    }
    if (force) {
      log("Replacing the database's contents (--force)…");
      await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public");
    }
    log("Applying the migrations…");
    await migrateDeploy(databaseUrl);

    log("Loading the rows…");
    await client.query("BEGIN");
    await client.query("SET LOCAL timezone = 'UTC'; SET LOCAL datestyle = 'ISO, YMD'");
    // The rows go back as they were: triggers that number or stamp new rows (live_events ids)
    // are off while loading. Foreign keys are system triggers and stay checked.
    const tables = await tablesInLoadOrder(client);
    for (const table of tables) await client.query(`ALTER TABLE public.${quoteIdent(table)} DISABLE TRIGGER USER`);
    const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
    let copy: Writable | null = null;
    let finished: Promise<void> | null = null;
    for await (const line of lines) {
      if (copy) {
        if (line === "\\.") {
          copy.end();
          await finished;
          copy = null;
          continue;
        }
        if (!copy.write(`${line}\n`)) await once(copy, "drain");
        continue;
      }
      const start = /^COPY (public\."(?:[^"]|"")+") \((.*)\) FROM stdin;$/.exec(line);
      if (!start) continue;
      const stream = client.query(copyFrom(`COPY ${start[1]} (${start[2]}) FROM STDIN`));
      const feed = new PassThrough();
      finished = pipeline(feed, stream);
      copy = feed;
    }
    if (copy) throw new Error("The backup file ends inside a table: it is truncated.");
    for (const table of tables) await client.query(`ALTER TABLE public.${quoteIdent(table)} ENABLE TRIGGER USER`);
    // Serial columns continue after the restored rows.
    const { rows: serials } = await client.query<{ table_name: string; column_name: string; sequence: string }>(
      `SELECT c.relname AS table_name, a.attname AS column_name, pg_get_serial_sequence(format('public.%I', c.relname), a.attname) AS sequence
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
          AND pg_get_serial_sequence(format('public.%I', c.relname), a.attname) IS NOT NULL`,
    );
    for (const serial of serials) {
      await client.query(
        `SELECT setval($1::regclass, COALESCE((SELECT max(${quoteIdent(serial.column_name)}) FROM public.${quoteIdent(serial.table_name)}), 0) + 1, false)`,
        [serial.sequence],
      );
    }
    await client.query("COMMIT");
    await client.query("ANALYZE");
    return manifest;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** For tests: the rows of every app table, as JSON text ordered by the whole row, per table. */
export async function tableContents(databaseUrl: string): Promise<Record<string, string[]>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const contents: Record<string, string[]> = {};
    for (const table of await tablesInLoadOrder(client)) {
      const { rows } = await client.query<{ row: string }>(
        `SELECT row_to_json(t)::text AS row FROM public.${quoteIdent(table)} t ORDER BY row_to_json(t)::text`,
      );
      contents[table] = rows.map((entry) => entry.row);
    }
    return contents;
  } finally {
    await client.end();
  }
}

