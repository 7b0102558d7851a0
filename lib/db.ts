/**
 * The Prisma client. Only `lib/` imports this module (D6): pages, route handlers,
 * scripts and tests go through the use cases.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// The namespace is a value too: `Prisma.sql` composes tagged raw queries.
export { Prisma } from "@/lib/generated/prisma/client";

const globalForPrisma = globalThis as unknown as { factdeskPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: process.env.DATABASE_URL,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    connectionTimeoutMillis: 5_000,
    // A database that stops answering (a network partition, a frozen host) must not hold a
    // request forever: the server abandons statements after 15 s, and the client gives up on
    // a reply after 20 s even if the server never sends one. Either becomes a 503.
    statement_timeout: 15_000,
    query_timeout: 20_000,
  });
  return new PrismaClient({ adapter });
}

/** The process-wide client; reused across hot reloads in development. */
export const db: PrismaClient = globalForPrisma.factdeskPrisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.factdeskPrisma = db;

/** A transaction client, as handed to `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
