/** Turns the secret of an `Authorization: Bearer` header into the acting user. */
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { toActor, userSelect } from "@/lib/users/present";
import { hashTokenSecret, isWellFormedTokenSecret } from "@/lib/tokens/secret";

/** `lastUsedAt` is refreshed at most this often, so busy clients do not cost a write per request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The token's owner as an actor, or null for a malformed, unknown or revoked token or a
 * disabled account. The role is read from the user row on every call, so a role change
 * applies to tokens at once. Tokens are deliberately independent of the session token
 * version: signing out everywhere ends browser sessions, revoking ends a token.
 */
export async function resolveBearerToken(secret: string): Promise<Actor | null> {
  if (!isWellFormedTokenSecret(secret)) return null;
  // Looked up by hash: the secret has 256 random bits, so an indexed equality on its hash
  // leaks nothing useful through timing, and the database never sees the secret itself.
  const token = await db.accessToken.findUnique({
    where: { tokenHash: hashTokenSecret(secret) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: { ...userSelect, disabledAt: true } } },
  });
  if (!token || token.revokedAt !== null || token.user.disabledAt !== null) return null;
  const now = new Date();
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (token.lastUsedAt === null || token.lastUsedAt < staleBefore) {
    // Conditional, so concurrent requests of one client write once per interval at most.
    await db.accessToken.updateMany({
      where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] },
      data: { lastUsedAt: now },
    });
  }
  return toActor(token.user);
}
