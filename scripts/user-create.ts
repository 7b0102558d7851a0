/**
 * `npm run user:create -- --email … --role admin [--name …] [--password …]`
 *
 * Creates an account directly in the database of DATABASE_URL (or the embedded one in
 * `.data/`), e.g. the first administrator of a desk on an external PostgreSQL. Without
 * --password it asks for one on the terminal.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import readline from "node:readline/promises";
import { attachEmbeddedDatabase, type RunningDatabase } from "./lib/embedded-database.ts";
import { migrateDeploy } from "./prisma-engine/migrate.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");

async function askPassword(): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  try {
    return await rl.question("Password (8+ characters): ");
  } finally {
    rl.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      role: { type: "string", default: "reviewer" },
      name: { type: "string" },
      password: { type: "string" },
    },
  });
  if (!values.email) throw new Error("Usage: npm run user:create -- --email you@example.org --role admin [--name 'Your Name']");

  let database: RunningDatabase | undefined;
  if (!process.env.DATABASE_URL) {
    database = await attachEmbeddedDatabase(path.join(ROOT, ".data", "postgres"));
    process.env.DATABASE_URL = database.url;
  }
  try {
    await migrateDeploy(process.env.DATABASE_URL);
    const password = values.password ?? (await askPassword());
    const { createUser } = await import("../lib/users/create-user.ts");
    const { SYSTEM } = await import("../lib/auth/actor.ts");
    const { db } = await import("../lib/db.ts");
    try {
      const user = await createUser({
        actor: SYSTEM,
        input: { email: values.email, role: values.role, name: values.name ?? values.email.split("@")[0], password },
      });
      console.log(`Created ${user.role} ${user.email}.`);
    } finally {
      await db.$disconnect();
    }
  } finally {
    await database?.stop();
  }
}

main().catch((error: unknown) => {
  const { fields } = (error ?? {}) as { fields?: Record<string, string> };
  console.error(error instanceof Error ? error.message : String(error));
  if (fields) for (const [field, message] of Object.entries(fields)) console.error(`  ${field}: ${message}`);
  process.exit(1);
});
