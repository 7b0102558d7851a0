// Types for ./migrate.mjs.

export interface PrismaCliOptions {
  /** Sets DATABASE_URL for the CLI (prisma.config.ts reads it). */
  databaseUrl?: string;
  /** Defaults to the repository root, where prisma.config.ts lives. */
  cwd?: string;
  /** Extra environment variables for the CLI. */
  env?: Record<string, string>;
  /** Kill the CLI after this long (default 300 000 ms). */
  timeoutMs?: number;
}

export interface PrismaCliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved as received. */
  output: string;
}

/** An Error from migrateDeploy when the CLI exits non-zero. */
export interface MigrateDeployError extends Error {
  output: string;
  exitCode: number;
}

export const repoRoot: string;
export const prismaCli: string;
export const schemaEngineStandIn: string;

/** Run `prisma <args>`; resolves with the exit code and output, never rejects for a non-zero exit. */
export function runPrismaCli(args: readonly string[], options?: PrismaCliOptions): Promise<PrismaCliResult>;

/**
 * `prisma migrate deploy` against `databaseUrl`. Resolves with the CLI's output; rejects with a
 * MigrateDeployError holding the output (password redacted) when the CLI exits non-zero.
 */
export function migrateDeploy(databaseUrl: string, options?: Omit<PrismaCliOptions, "databaseUrl">): Promise<string>;
