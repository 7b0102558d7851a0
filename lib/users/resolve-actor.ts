/** Turns a session's claims into the acting user, reading role and status from the database. */
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { toActor, userSelect } from "@/lib/users/present";

/**
 * The actor for a session, or null when the account is gone, disabled, or the session
 * predates a sign-out everywhere, a password change or a disabling (its token version is
 * older). A role change needs no new version: the role is read here, on every request.
 */
export async function resolveActor({ userId, tokenVersion }: { userId: string; tokenVersion: number }): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { ...userSelect, tokenVersion: true, disabledAt: true },
  });
  if (!user || user.disabledAt !== null || user.tokenVersion !== tokenVersion) return null;
  return toActor(user);
}
