/** Find-or-create steps for the seed, built on the ordinary use cases. */
import { db } from "@/lib/db";
import type { Role, SystemActor } from "@/lib/auth/actor";
import { createUser } from "@/lib/users/create-user";
import { createArticle } from "@/lib/articles/create-article";

export interface SeedUser {
  email: string;
  name: string;
  role: Role;
}

/** Creates the user unless the email exists; true when created. */
export async function seedUser(actor: SystemActor, user: SeedUser, password: string): Promise<boolean> {
  const existing = await db.user.findUnique({ where: { email: user.email }, select: { id: true } });
  if (existing) return false;
  await createUser({ actor, input: { ...user, password } });
  return true;
}

/** Creates the article unless one with `seedKey` exists; true when created. */
export async function seedArticle(
  actor: SystemActor,
  options: { seedKey: string; headings: ReadonlySet<string>; input: Record<string, unknown> },
): Promise<boolean> {
  const existing = await db.article.findUnique({ where: { seedKey: options.seedKey }, select: { id: true } });
  if (existing) return false;
  await createArticle({ actor, input: options.input, headings: options.headings, seedKey: options.seedKey });
  return true;
}
