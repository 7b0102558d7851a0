// Stand-in for Prisma's native `schema-engine` binary, run through ./schema-engine.
//
// WHY THIS EXISTS
// Prisma 7's CLI (`prisma generate`, `migrate dev/deploy/status/diff/reset/resolve`,
// `db push/pull/execute`) downloads a native `schema-engine` binary on first use. These machines
// reach only the npm registry, so that download fails (getaddrinfo ENOTFOUND). The CLI skips the
// download when PRISMA_SCHEMA_ENGINE_BINARY names an existing file (prisma.config.ts sets it to
// ./schema-engine). This program speaks the binary's surface as the CLI uses it
// (node_modules/prisma/build/cli.js, class `SchemaEngineCLI`):
//
//   schema-engine --version
//   schema-engine --datasource '{"url":..}' cli can-connect-to-database|create-database|drop-database
//       -> exit 0, or exit 1 with JSON log lines on stderr; the CLI skips the first stderr line and
//          reads `{"level":"ERROR","target":"schema_engine::logger","fields":{error_code,message}}`
//          (P1003 "database does not exist" makes `migrate dev/deploy` create the database).
//   schema-engine [--datamodels <schema file>]... [--datasource <json>] [--enabled-preview-features a,b]
//       -> line-delimited JSON-RPC 2.0: requests on stdin, responses on stdout, JSON log lines on
//          stderr; exits 0 when stdin closes. Errors: `error.data = {is_panic, message, error_code?,
//          meta?}`. For `diff` the engine sends the CLI a `print` request with the text to show.
//
// Each RPC call is forwarded to Prisma's own WebAssembly schema engine
// (@prisma/schema-engine-wasm 7.10.0-4.0edf323e..., the exact engine hash of prisma 7.10.0), which
// reaches PostgreSQL through @prisma/adapter-pg bound with bindMigrationAwareSqlAdapterFactory.
//
// FOLDER: schema-engine (entry, sh) -> engine.mjs (this file) + pg-adapter.mjs (driver adapter);
// migrate.mjs (`migrateDeploy(url)`, `runPrismaCli(args)`); migrate-dev.ts (new migration on a
// throwaway embedded PostgreSQL); schema-engine.integration.test.ts.
//
// UPSTREAM BUGS WORKED AROUND (details in ./pg-adapter.mjs and below)
//  - adapter-pg cannot read PostgreSQL's one-byte `"char"` type (oid 18) returned by the engine's
//    catalog queries ("Column type 'char' could not be deserialized from the database").
//  - PostgreSQL 18 NOT NULL constraint rows (contype = 'n') make the engine panic
//    (prisma/orm#29635); we use PostgreSQL 17, a guard patches the query anyway.
//  - PrismaPg's shadow database, when given a connection string, connects to the main database and
//    drops the shadow database before closing its pool; we create a temporary database on the same
//    server (or use `shadowDatabaseUrl`) and drop it after.
//  - adapter-pg's executeScript splits scripts on ";" (breaks function bodies).
//  - A WebAssembly panic can leave the pending call unanswered; the engine then exits 0 and the CLI
//    exits 0 silently as if all went well. We answer every pending call with a panic error
//    (`is_panic: true`), so the CLI fails loudly (non-zero exit).
//  - The Wasm engine no longer accepts `url` diff targets and has no `createDatabase`: the CLI's
//    `createDatabase` RPC and the `cli` subcommands are done here with `pg`.
//  - The Wasm engine's `evaluateDataLoss`/`createMigration` never open a shadow database: they only
//    read the "schema of the migrations" from a cache that `diagnoseMigrationHistory` fills (through
//    the adapter factory) for the migrations applied at that time. `migrate dev` on a database that
//    is behind fails ("PostgreSQL shadow DB must be provided through an external factory"); we fill
//    the cache and retry (see `callEngine`).

import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import readline from "node:readline";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { createAdapterFactory, dropLeftoverShadowDatabases, runAdminQuery } from "./pg-adapter.mjs";

const require = createRequire(import.meta.url);
const WASM_PKG = "@prisma/schema-engine-wasm";
const WASM_BG_JS = require.resolve(`${WASM_PKG}/schema_engine_bg`); // package.json is not exported
const wasmPkgJson = JSON.parse(readFileSync(path.join(path.dirname(WASM_BG_JS), "package.json"), "utf8"));
const ENGINE_HASH = String(wasmPkgJson.version).split(".").at(-1);

// ---------------------------------------------------------------------------------------------
// Logging: the CLI reads stderr as JSON lines shaped like the Rust engine's tracing output.

function log(level, message, extra = {}, target = "schema_engine::logger") {
  const line = { timestamp: new Date().toISOString(), level, fields: { message, ...extra }, target };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}

// ---------------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const args = { datamodels: [], datasource: undefined, previewFeatures: [], command: undefined, version: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`Missing value for ${a}`);
      return v;
    };
    if (a === "--version" || a === "-V" || a === "-v") args.version = true;
    else if (a === "--datamodels" || a === "-d") args.datamodels.push(value());
    else if (a === "--datasource") args.datasource = JSON.parse(value());
    else if (a === "--enabled-preview-features") args.previewFeatures = value().split(",").filter(Boolean);
    else if (a === "--extension-types") value(); // Only meaningful for extensions, which we do not use.
    else if (a === "cli") {
      args.command = argv[++i];
      break;
    } else throw new Error(`Unknown argument: ${a}`);
  }
  return args;
}

// ---------------------------------------------------------------------------------------------
// `cli` subcommands, done with pg directly (the Wasm engine has no create/drop database).

/** Map a pg connection error to the Prisma error code the CLI looks for. */
function connectorError(error, url) {
  const u = new URL(url);
  const db = decodeURIComponent(u.pathname.slice(1)) || "postgres";
  const where = `${u.hostname}:${u.port || 5432}`;
  const code = error && typeof error === "object" && "code" in error ? String(error.code) : "";
  if (code === "3D000") return { error_code: "P1003", message: `Database \`${db}\` does not exist on the database server at \`${where}\`.` };
  if (code === "28P01" || code === "28000")
    return { error_code: "P1000", message: `Authentication failed against database server at \`${where}\`, the provided database credentials for \`${decodeURIComponent(u.username)}\` are not valid.` };
  if (["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH"].includes(code))
    return { error_code: "P1001", message: `Can't reach database server at \`${where}\`\n\nPlease make sure your database server is running at \`${where}\`.` };
  if (code === "42P04") return { error_code: "P1009", message: `Database \`${db}\` already exists on the database server at \`${where}\`` };
  return { error_code: undefined, message: error instanceof Error ? error.message : String(error) };
}

function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

async function createDatabase(url) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name) throw new Error("The datasource url names no database to create.");
  try {
    await runAdminQuery(withDatabase(url, "postgres"), `CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } catch (error) {
    if (error && typeof error === "object" && error.code === "42P04") return name; // already exists
    throw error;
  }
  return name;
}

async function runCliCommand(command, datasource) {
  // The CLI drops the first stderr line before parsing the rest as JSON.
  log("INFO", `Starting schema engine CLI (Wasm stand-in, ${ENGINE_HASH})`, {}, "schema_engine_cli");
  const url = datasource?.url;
  try {
    if (!url) throw new Error("The --datasource argument with a url is required.");
    if (command === "can-connect-to-database") await runAdminQuery(url, "SELECT 1");
    else if (command === "create-database") await createDatabase(url);
    else if (command === "drop-database") {
      const name = decodeURIComponent(new URL(url).pathname.slice(1));
      await runAdminQuery(withDatabase(url, "postgres"), `DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}" WITH (FORCE)`);
    } else throw new Error(`Unknown cli subcommand: ${command}`);
    return 0;
  } catch (error) {
    const { error_code, message } = url ? connectorError(error, url) : { error_code: undefined, message: String(error) };
    log("ERROR", message, error_code ? { error_code } : {});
    return 1;
  }
}

// ---------------------------------------------------------------------------------------------
// The Wasm engine

/** Set by the engine's panic hook (it calls globalThis.PRISMA_WASM_PANIC_REGISTRY.set_message). */
let panicMessage;
let onPanic = () => {};
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  set_message(message) {
    panicMessage = message;
    // The panicking future may never settle; answer pending calls once the stack has unwound.
    setTimeout(() => onPanic(message), 0);
  },
};

async function loadWasmEngine() {
  // The package's entry does `import * as wasm from "./schema_engine_bg.wasm"`, which Node 20
  // cannot import without --experimental-wasm-modules: instantiate the module by hand instead.
  const bg = await import(WASM_BG_JS);
  const bytes = await readFile(WASM_BG_JS.replace(/\.js$/, ".wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return bg;
}

function isWasmPanic(error) {
  return error instanceof WebAssembly.RuntimeError || (error instanceof Error && error.name === "RuntimeError");
}

/** Turn what the Wasm engine (or our own code) threw into a JSON-RPC error object. */
function rpcError(error, errorRegistry) {
  if (isWasmPanic(error)) return panicError(panicMessage ?? String(error?.message ?? error));
  const message = error instanceof Error ? error.message : String(error);
  const data = { is_panic: false, message };
  if (error && typeof error === "object" && "code" in error && typeof error.code === "string") {
    data.error_code = error.code;
    if ("meta" in error) data.meta = error.meta;
    // User-facing errors carry a span trace ("   0: schema_engine_wasm::...") the native engine omits.
    data.message = message.replace(/\n\s+0: [\s\S]*$/, "");
  }
  // Errors thrown inside the adapter reach the engine as GenericJs ids ("External error id#0");
  // show the original error instead.
  data.message = data.message.replace(/External error id#(\d+)/g, (text, id) => {
    const record = errorRegistry?.consumeError(Number(id));
    if (!record) return text;
    const e = record.error;
    return `Driver adapter error: ${e instanceof Error ? e.message : String(e)}`;
  });
  return { code: 4466, message: data.message, data };
}

function panicError(message) {
  return {
    code: 4466,
    message: `The schema engine (WebAssembly) panicked: ${message}`,
    data: { is_panic: true, message, error: { message } },
  };
}

/** CLI method name -> call on the Wasm engine. */
const METHODS = {
  applyMigrations: (e, p) => e.applyMigrations(p),
  createMigration: (e, p) => e.createMigration(p),
  dbExecute: (e, p) => e.dbExecute(p),
  debugPanic: (e) => e.debugPanic(),
  devDiagnostic: (e, p) => e.devDiagnostic(p),
  diagnoseMigrationHistory: (e, p) => e.diagnoseMigrationHistory(p),
  diff: (e, p) => e.diff(p),
  ensureConnectionValidity: (e, p) => e.ensureConnectionValidity(p),
  evaluateDataLoss: (e, p) => e.evaluateDataLoss(p),
  getDatabaseVersion: (e, p) => e.version(p ?? null),
  introspect: (e, p) => e.introspect({ namespaces: null, ...p }),
  introspectSql: (e, p) => e.introspectSql(p),
  markMigrationApplied: (e, p) => e.markMigrationApplied(p),
  markMigrationRolledBack: (e, p) => e.markMigrationRolledBack(p),
  reset: (e, p) => e.reset(p),
  schemaPush: (e, p) => e.schemaPush(p),
};

// Workaround for the Wasm engine's `migrate dev` path (prisma-engines 0edf323e, schema-engine-wasm):
// `evaluateDataLoss` and `createMigration` are not given the adapter factory, so they cannot create a
// shadow database; they take the schema the migrations produce from the engine's
// MigrationSchemaCache (keyed by the list of migration directories), and on a cache miss fall back
// to the connector's shadow-database path, which on Wasm only returns "PostgreSQL shadow DB must be
// provided through an external factory" (sql-schema-connector flavour/postgres/connector/wasm/
// shadow_db.rs). The cache is filled only by `diagnoseMigrationHistory`/`devDiagnostic` (with the
// adapter factory), keyed by the migrations APPLIED at that moment. The CLI calls `devDiagnostic`,
// then `applyMigrations` for pending ones, then `evaluateDataLoss`: whenever the database was behind
// (always so on migrate-dev.ts's fresh database) the key differs and the call fails. The native
// engine creates its own shadow database instead. On that error we run `diagnoseMigrationHistory`
// again now that the pending migrations are applied, which fills the cache under the key the failed
// call looks up (on a temporary shadow database from our adapter factory), and retry once.
const SHADOW_DB_CACHE_MISS = "PostgreSQL shadow DB must be provided through an external factory";
const NEEDS_MIGRATIONS_SCHEMA = new Set(["evaluateDataLoss", "createMigration"]);

async function callEngine(engine, method, params) {
  try {
    return await METHODS[method](engine, params);
  } catch (error) {
    const missed = error instanceof Error && error.message.includes(SHADOW_DB_CACHE_MISS);
    if (!missed || !NEEDS_MIGRATIONS_SCHEMA.has(method) || !params?.migrationsList) throw error;
    log("INFO", `${method}: filling the Wasm engine's migration schema cache through diagnoseMigrationHistory`);
    await engine.diagnoseMigrationHistory({
      migrationsList: params.migrationsList,
      optInToShadowDatabase: true,
      filters: params.filters ?? { externalTables: [], externalEnums: [] },
    });
    return await METHODS[method](engine, params);
  }
}

async function runRpcServer(args) {
  const datasource = args.datasource ?? {};
  const datamodels = await Promise.all(
    args.datamodels.map(async (file) => [file, await readFile(path.resolve(file), "utf8")]),
  );
  const factory = bindMigrationAwareSqlAdapterFactory(createAdapterFactory(datasource));

  const write = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);
  /** Calls from the CLI not answered yet: id -> true. */
  const pending = new Map();
  /** Our `print` requests to the CLI: id -> resolve. */
  const printAcks = new Map();
  let nextPrintId = 1_000_000;
  let poisoned; // panic message once the Wasm instance has panicked

  let stdinClosed = false;
  const shutdown = async () => {
    // Drop shadow databases the engine did not dispose, then exit like the binary does.
    await dropLeftoverShadowDatabases();
    process.exit(0);
  };
  const answer = (id, payload) => {
    if (!pending.delete(id)) return;
    write({ jsonrpc: "2.0", id, ...payload });
    if (stdinClosed && pending.size === 0) void shutdown();
  };
  const failAll = (message) => {
    poisoned ??= message;
    log("ERROR", `Schema engine panicked: ${message}`);
    for (const id of [...pending.keys()]) answer(id, { error: panicError(message) });
  };
  onPanic = failAll;
  process.on("uncaughtException", (error) => failAll(panicMessage ?? error?.stack ?? String(error)));
  process.on("unhandledRejection", (error) => failAll(panicMessage ?? error?.stack ?? String(error)));

  const print = (content) =>
    new Promise((resolve) => {
      const id = nextPrintId++;
      printAcks.set(id, resolve);
      write({ jsonrpc: "2.0", id, method: "print", params: { content } });
    });

  let enginePromise;
  let queue = Promise.resolve();
  const getEngine = () => {
    enginePromise ??= loadWasmEngine().then((bg) =>
      bg.SchemaEngine.new(
        { datamodels: datamodels.length > 0 ? datamodels : undefined },
        (line) => process.stderr.write(`${String(line).trimEnd()}\n`),
        factory,
      ),
    );
    return enginePromise;
  };

  const handle = async (request) => {
    const { id, method, params } = request;
    pending.set(id, true);
    try {
      if (poisoned) throw Object.assign(new Error(poisoned), { name: "RuntimeError" });
      let result;
      if (method === "createDatabase") {
        const url = params?.datasource?.url ?? datasource.url;
        try {
          result = { databaseName: await createDatabase(url) };
        } catch (error) {
          const { error_code, message } = connectorError(error, url);
          throw Object.assign(new Error(message), error_code ? { code: error_code } : {});
        }
      } else if (method in METHODS) {
        const engine = await getEngine();
        // One call at a time: overlapping calls make wasm-bindgen throw "recursive use of an
        // object detected which would lead to unsafe aliasing in rust".
        const run = queue.then(() => callEngine(engine, method, params));
        queue = run.catch(() => {});
        result = await run;
        if (method === "diff" && result?.stdout) {
          // The native engine prints through the CLI; the Wasm one returns the text instead.
          await print(result.stdout.replace(/\n$/, ""));
          result = { ...result, stdout: null };
        }
      } else {
        throw new Error(`Method not supported by the Wasm schema engine stand-in: ${method}`);
      }
      answer(id, { result: result ?? {} });
    } catch (error) {
      if (isWasmPanic(error)) poisoned ??= panicMessage ?? String(error?.message ?? error);
      answer(id, { error: rpcError(error, factory.errorRegistry) });
    }
  };

  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  rl.on("line", (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      log("ERROR", `Could not parse JSON-RPC message: ${line.slice(0, 200)}`);
      return;
    }
    if (message.method === undefined && printAcks.has(message.id)) {
      printAcks.get(message.id)();
      printAcks.delete(message.id);
      return;
    }
    void handle(message);
  });
  rl.on("close", () => {
    // The CLI closes stdin to stop the engine; finish the calls in flight first.
    stdinClosed = true;
    if (pending.size === 0) void shutdown();
  });
}

// ---------------------------------------------------------------------------------------------

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    log("ERROR", String(error instanceof Error ? error.message : error));
    process.exit(1);
  }
  if (args.version) {
    process.stdout.write(`schema-engine-cli ${ENGINE_HASH}\n`);
    return;
  }
  if (args.command) {
    process.exitCode = await runCliCommand(args.command, args.datasource);
    return;
  }
  await runRpcServer(args);
}

await main();
