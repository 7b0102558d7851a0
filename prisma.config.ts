// Prisma 7 configuration (read by every `prisma` CLI command).
//
// The CLI cannot download its native schema engine on these machines (only the npm registry is
// reachable), so PRISMA_SCHEMA_ENGINE_BINARY points at a stand-in that runs Prisma's WebAssembly
// schema engine: see scripts/prisma-engine/engine.mjs.
import { accessSync, chmodSync, constants } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

const standIn = fileURLToPath(new URL("./scripts/prisma-engine/schema-engine", import.meta.url));
try {
  accessSync(standIn, constants.X_OK);
} catch {
  // A checkout or copy that lost the executable bit: restore it rather than fail on spawn.
  try {
    chmodSync(standIn, 0o755);
  } catch {
    // Read-only tree: the CLI will report the spawn error.
  }
}

process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= standIn;
// The update check waits on the closed network for seconds per command.
process.env.CHECKPOINT_DISABLE ??= "1";

// `prisma generate` runs at `npm install`, where no database exists: never throw for a missing
// DATABASE_URL. The `.invalid` host (RFC 2606) never resolves, so a command that needs a database
// fails at once with "Can't reach database server at `database-url-is-not-set.invalid:5432`".
const PLACEHOLDER_URL = "postgresql://placeholder@database-url-is-not-set.invalid:5432/placeholder";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
  },
  datasource: {
    url: process.env.DATABASE_URL || PLACEHOLDER_URL,
  },
});
