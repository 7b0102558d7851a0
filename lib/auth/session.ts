/** The acting user of the current request, from the session cookie. */
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/options";
import type { Actor } from "@/lib/auth/actor";
import { resolveActor } from "@/lib/users/resolve-actor";

/** The signed-in user, checked against the database, or null. */
export async function getSessionActor(): Promise<Actor | null> {
  return (await readSession()).actor;
}

/**
 * The session cookie's user, checked against the database. `refusedUserId` names the account
 * of a valid cookie that no longer counts (the account is disabled, or signed out everywhere
 * since): such a request is anonymous, but its refusal is worth recording against the account.
 */
export async function readSession(): Promise<{ actor: Actor | null; refusedUserId: string | null }> {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return { actor: null, refusedUserId: null };
  const actor = await resolveActor({ userId: session.user.id, tokenVersion: session.tokenVersion });
  return { actor, refusedUserId: actor ? null : session.user.id };
}

/** For pages: the signed-in user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requirePageActor(returnTo: string): Promise<Actor> {
  const actor = await getSessionActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return actor;
}
