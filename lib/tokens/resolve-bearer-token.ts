/** Turns the secret of an `Authorization: Bearer` header into the acting user. */
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { toActor, type UserDTO } from "@/lib/users/present";
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
  // One statement with its user: this runs before every request made with a token, and a
  // nested Prisma select would cost a second round trip.
  const rows = await db.$queryRaw<TokenOwnerRow[]>`
    SELECT t.id AS "tokenId", t.revoked_at AS "revokedAt", t.last_used_at AS "lastUsedAt",
           u.id, u.name, u.email, u.role::text AS role, u.disabled_at AS "disabledAt"
    FROM access_tokens t JOIN users u ON u.id = t.user_id
    WHERE t.token_hash = ${hashTokenSecret(secret)}`;
  const token = rows[0];
  if (!token || token.revokedAt !== null || token.disabledAt !== null) return null;
  const now = new Date();
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (token.lastUsedAt === null || token.lastUsedAt < staleBefore) {
    // Conditional, so concurrent requests of one client write once per interval at most.
    await db.accessToken.updateMany({
      where: { id: token.tokenId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] },
      data: { lastUsedAt: now },
    });
  }
  return toActor(token);
}

/** A token with its owner, as the lookup returns it. */
interface TokenOwnerRow extends UserDTO {
  tokenId: string;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  disabledAt: Date | null;
}
