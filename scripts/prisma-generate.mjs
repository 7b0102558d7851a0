// `npm install`'s postinstall: `prisma generate` through the real CLI, offline.
//
// The CLI would first download its native schema engine, which these machines cannot; the
// stand-in in scripts/prisma-engine/ (named by PRISMA_SCHEMA_ENGINE_BINARY) avoids that. Exits
// non-zero, with the CLI's output, when generation fails or leaves no client behind.

import { existsSync } from "node:fs";
import path from "node:path";
import { repoRoot, runPrismaCli } from "./prisma-engine/migrate.mjs";

const GENERATED_ENTRY = path.join(repoRoot, "lib", "generated", "prisma", "client.ts");

const result = await runPrismaCli(["generate"], { timeoutMs: 180_000 });
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
if (result.code !== 0) {
  console.error(`\nprisma generate failed (exit code ${result.code}).`);
  process.exit(result.code || 1);
}
if (!existsSync(GENERATED_ENTRY)) {
  console.error(`\nprisma generate exited 0 but ${path.relative(repoRoot, GENERATED_ENTRY)} does not exist.`);
  process.exit(1);
}
