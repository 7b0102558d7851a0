// The driver adapter the WebAssembly schema engine talks to: @prisma/adapter-pg 7.10.0 plus the
// fixes the schema engine's path needs. See ./engine.mjs for why this folder exists.
//
// Upstream bugs worked around here:
//  1. adapter-pg cannot read PostgreSQL's one-byte `"char"` type (oid 18): its column type mapping
//     throws UnsupportedNativeDataType, and the engine's catalog queries return such columns
//     (pg_class.relkind, pg_constraint.contype, pg_attribute.attidentity, ...), so every describe
//     failed with "Column type 'char' could not be deserialized from the database". `CharSafeClient`
//     reports those columns as `text` (oid 25); pg has already parsed the value as a string.
//  2. PostgreSQL 18 returns NOT NULL constraint rows (contype = 'n') from pg_constraint, which make
//     the engine panic (prisma/orm#29635). We run PostgreSQL 17, where this cannot happen; as a
//     cheap guard `CharSafeClient` also excludes 'n' from the engine's constraint query (untested
//     on 18, harmless on 17).
//  3. PrismaPg#connectToShadowDb, when given a connection string, spreads `{ ...config, database }`
//     but pg lets `connectionString` win, so the "shadow" pool connects to the MAIN database; and
//     its dispose drops the shadow database before ending the pool that still holds connections to
//     it. `connectToShadowDb` below creates a temporary database on the same server, connects to
//     it by rewriting the URL, ends the pool first and then drops it (WITH (FORCE)). A
//     `shadowDatabaseUrl` from prisma.config.ts is used as is when given.
//  5. With workaround 1 alone, `"char"` columns arrive as text, and the engine reads most of them as
//     strings; but it reads the constraint query's `constraint_type` (postgres.rs, the CHECK and
//     exclusion constraints of the describer) with `get_char`, which fails on text: every describe
//     panicked as soon as the database had a CHECK constraint ("Getting constraint_type from
//     ResultRow ... as char failed"), i.e. on the next `migrate dev` after a migration that adds one
//     (prisma/migrations/20261207073800_check_constraints). `CharSafeClient` notes which columns were
//     `"char"` and `connectAdapter` reports those as ColumnTypeEnum.Character, the type adapter-pg
//     would give them if it supported them, so the engine's `get_char` gets a char.
//  4. PrismaPgAdapter#executeScript splits the script on ";" and sends each piece through the
//     pool (possibly on different connections), which breaks `$$ ... ; ... $$` bodies. We send the
//     whole script as one simple-protocol query on one connection, which is what the native engine
//     does (PostgreSQL runs a multi-statement simple query as one implicit transaction).

import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/** On a result's `rows` array: the indices of the columns that were `"char"` (workaround 5). */
const CHAR_COLUMNS = Symbol("factdesk.charColumns");

/** @param {unknown} res */
function fixResult(res) {
  for (const r of Array.isArray(res) ? res : [res]) {
    if (r && Array.isArray(r.fields)) {
      /** @type {number[]} */
      const charColumns = [];
      r.fields.forEach((field, index) => {
        if (field.dataTypeID !== PG_CHAR_OID) return;
        field.dataTypeID = PG_TEXT_OID;
        charColumns.push(index);
      });
      // adapter-pg returns this same array as the result's rows.
      if (charColumns.length > 0 && Array.isArray(r.rows)) Object.defineProperty(r.rows, CHAR_COLUMNS, { value: charColumns });
    }
  }
  return res;
}

/**
 * Workaround 5: the columns that were `"char"` become ColumnTypeEnum.Character in a queryRaw
 * result. Only `constraint_type` needs it, and only it is changed: the engine reads the other
 * `"char"` columns (relkind, contype, attidentity, …) as strings, which works with text.
 * @param {{ queryRaw: (query: unknown) => Promise<{ columnNames: string[]; columnTypes: number[]; rows: unknown[] }> }} queryable
 */
function reportCharColumns(queryable) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    const charColumns = /** @type {number[] | undefined} */ (Reflect.get(result.rows, CHAR_COLUMNS));
    for (const index of charColumns ?? []) {
      if (result.columnNames[index] === "constraint_type") result.columnTypes[index] = ColumnTypeEnum.Character;
    }
    return result;
  };
}

/** @param {string} sql */
function fixSql(sql) {
  // Workaround 2 (prisma/orm#29635): the engine's check/exclusion constraint query.
  return sql.replace("AND contype NOT IN ('p', 'u', 'f')", "AND contype NOT IN ('p', 'u', 'f', 'n')");
}

/** pg.Client that reports `"char"` columns as text (workaround 1) and patches one catalog query (2). */
export class CharSafeClient extends pg.Client {
  query(config, values, callback) {
    // Submittables (cursors, streams) and odd call shapes go through untouched.
    if (config == null || typeof config.submit === "function") return super.query(config, values, callback);
    if (typeof config === "string") config = fixSql(config);
    else if (typeof config.text === "string") config = { ...config, text: fixSql(config.text) };
    if (typeof values === "function") {
      callback = values;
      values = undefined;
    }
    if (typeof callback === "function") {
      return super.query(config, values, (err, res) => callback(err, err ? res : fixResult(res)));
    }
    return super.query(config, values).then(fixResult);
  }
}

/** pg pool config for a Prisma-style postgres URL (honours `?schema=`). */
export function poolConfig(url) {
  const schema = new URL(url).searchParams.get("schema") ?? undefined;
  /** @type {import("pg").PoolConfig & { Client: typeof CharSafeClient }} */
  const config = { connectionString: url, Client: CharSafeClient, max: 4 };
  if (schema) config.options = `-c search_path="${schema.replaceAll('"', '""')}"`;
  return { config, schema };
}

/** Connect a PrismaPg adapter to `url`, with workarounds 1, 2 and 4 applied. */
async function connectAdapter(url, onDispose) {
  const { config, schema } = poolConfig(url);
  const adapter = await new PrismaPg(config, schema ? { schema } : undefined).connect();
  const pool = adapter.underlyingDriver();
  reportCharColumns(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args) => {
    const transaction = await startTransaction(...args);
    reportCharColumns(transaction);
    return transaction;
  };
  // Workaround 4: one simple-protocol query for the whole script.
  adapter.executeScript = async (script) => {
    try {
      await pool.query(script);
    } catch (error) {
      adapter.onError(error); // maps to DriverAdapterError and throws, like the original
    }
  };
  if (onDispose) {
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await onDispose();
    };
  }
  return adapter;
}

/** Run one statement on a short-lived connection to `url`. */
export async function runAdminQuery(url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end().catch(() => {});
  }
}

function quoteIdent(name) {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Names of the temporary shadow databases still alive, dropped at exit if the engine did not dispose them. */
const liveShadowDatabases = new Map();

async function dropShadowDatabase(adminUrl, name) {
  liveShadowDatabases.delete(name);
  await runAdminQuery(adminUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
}

/** Drop every shadow database this process created and that is still alive (best effort). */
export async function dropLeftoverShadowDatabases() {
  await Promise.allSettled([...liveShadowDatabases].map(([name, adminUrl]) => dropShadowDatabase(adminUrl, name)));
}

/**
 * A SqlMigrationAwareDriverAdapterFactory (to be wrapped by bindMigrationAwareSqlAdapterFactory)
 * for the datasource the CLI passes with `--datasource`.
 * @param {{ url?: string, shadowDatabaseUrl?: string }} datasource
 */
export function createAdapterFactory(datasource) {
  // pg connects lazily, so without a url only the commands that touch a database fail (P1001 naming
  // this host), as with the native engine; `migrate diff --from-empty --to-schema ...` still works.
  const requireUrl = () => datasource.url ?? "postgresql://datasource-url-not-set.invalid/none";
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connectAdapter(requireUrl()),
    // Workaround 3.
    async connectToShadowDb() {
      if (datasource.shadowDatabaseUrl) return connectAdapter(datasource.shadowDatabaseUrl);
      const mainUrl = requireUrl();
      const name = `prisma_shadow_${process.pid}_${randomUUID().slice(0, 8)}`;
      await runAdminQuery(mainUrl, `CREATE DATABASE ${quoteIdent(name)}`);
      liveShadowDatabases.set(name, mainUrl);
      const shadowUrl = new URL(mainUrl);
      shadowUrl.pathname = `/${encodeURIComponent(name)}`;
      try {
        return await connectAdapter(shadowUrl.toString(), () => dropShadowDatabase(mainUrl, name));
      } catch (error) {
        await dropShadowDatabase(mainUrl, name).catch(() => {});
        throw error;
      }
    },
  };
}
