// Runs the real Prisma CLI (node_modules/prisma/build/index.js) in a child process, offline, with
// the schema engine stand-in of this folder (see ./engine.mjs for why it exists).
// Types: ./migrate.d.mts.

import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

/** The repository root (holds prisma.config.ts). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
/** The Prisma CLI entry point. */
export const prismaCli = require.resolve("prisma/build/index.js", { paths: [repoRoot] });
/** The executable the CLI spawns instead of the native schema engine. */
export const schemaEngineStandIn = path.join(repoRoot, "scripts", "prisma-engine", "schema-engine");

/**
 * Run `prisma <args>` with the repository's prisma.config.ts.
 * Resolves with the exit code and output; never rejects for a non-zero exit.
 */
export function runPrismaCli(args, options = {}) {
  const { databaseUrl, cwd = repoRoot, env = {}, timeoutMs = 300_000 } = options;
  const childEnv = {
    ...process.env,
    ...env,
    CHECKPOINT_DISABLE: "1",
    PRISMA_SCHEMA_ENGINE_BINARY: env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? schemaEngineStandIn,
  };
  if (databaseUrl !== undefined) childEnv.DATABASE_URL = databaseUrl;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prismaCli, ...args], { cwd, env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => {
      stdout += chunk;
      output += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk) => {
      stderr += chunk;
      output += chunk;
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (timedOut) output += `\n[prisma ${args.join(" ")} was killed after ${timeoutMs} ms]`;
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr, output });
    });
  });
}

/** Hide the password of a connection string in messages. */
function redact(text, databaseUrl) {
  try {
    const { password } = new URL(databaseUrl);
    return password ? text.split(password).join("****").split(decodeURIComponent(password)).join("****") : text;
  } catch {
    return text;
  }
}

/**
 * `prisma migrate deploy` against `databaseUrl`: applies the pending migrations of
 * prisma/migrations. Resolves with the CLI's output; rejects with an Error whose message holds
 * the CLI's output (password redacted) when the CLI exits non-zero.
 */
export async function migrateDeploy(databaseUrl, options = {}) {
  if (!databaseUrl) throw new Error("migrateDeploy: a database url is required");
  const result = await runPrismaCli(["migrate", "deploy"], { ...options, databaseUrl });
  const output = redact(result.output, databaseUrl).trim();
  if (result.code !== 0) {
    const error = new Error(`prisma migrate deploy failed (exit code ${result.code}):\n${output}`);
    error.output = output;
    error.exitCode = result.code;
    throw error;
  }
  return output;
}
