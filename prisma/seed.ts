/**
 * Seeds the first article and, on the embedded demo database only, the demo accounts.
 * Idempotent: running it again finds what exists and adds only what is missing.
 *
 * Run directly with `npx prisma db seed` (or `tsx prisma/seed.ts`); `npm start` calls `seed()`.
 */
import { pathToFileURL } from "node:url";
import { SYSTEM } from "@/lib/auth/actor";
import { seedArticle, seedUser, type SeedUser } from "@/lib/seed/seed-helpers";
import { readSeedArticle, SEED_HEADINGS } from "./seed-article";

/** The password of every demo account. For demonstrations only; never on a real desk. */
export const DEMO_PASSWORD = "factdesk-demo";

export const DEMO_USERS: SeedUser[] = [
  { email: "alice@factdesk.test", name: "Alice Martin", role: "reviewer" },
  { email: "bob@factdesk.test", name: "Bob Keller", role: "reviewer" },
  { email: "erin@factdesk.test", name: "Erin Novak", role: "editor" },
  { email: "admin@factdesk.test", name: "Ada Admin", role: "admin" },
];

export { SEED_HEADINGS } from "./seed-article";

export const SEED_ARTICLE_KEY = "seed:nato-allies-reject-troops";

/** Creates what is missing of the seed; `demoAccounts` adds the demo users. */
export async function seed({ demoAccounts }: { demoAccounts: boolean }): Promise<{ created: string[] }> {
  const created: string[] = [];
  if (demoAccounts) {
    for (const user of DEMO_USERS) {
      if (await seedUser(SYSTEM, user, DEMO_PASSWORD)) created.push(user.email);
    }
  }
  const wasCreated = await seedArticle(SYSTEM, {
    seedKey: SEED_ARTICLE_KEY,
    headings: SEED_HEADINGS,
    input: readSeedArticle(),
  });
  if (wasCreated) created.push("seed article");
  return { created };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const demoAccounts = process.env.FACTDESK_DEMO_ACCOUNTS === "1" || process.argv.includes("--demo");
  const { db } = await import("@/lib/db");
  try {
    const { created } = await seed({ demoAccounts });
    console.log(created.length ? `Seeded: ${created.join(", ")}` : "Seed data already present.");
  } finally {
    await db.$disconnect();
  }
}
