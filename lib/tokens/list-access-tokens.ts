/** The acting user's personal access tokens, as shown on their settings page. */
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { accessTokenSelect, presentAccessToken, type AccessTokenDTO } from "@/lib/tokens/present";

/** Revoked tokens shown, most recent first; older ones stay in the database for the audit trail. */
const REVOKED_SHOWN = 50;

/** Lists the actor's own tokens: live ones first, each group newest first. Never the hashes. */
export async function listAccessTokens({ actor }: { actor: Actor }): Promise<AccessTokenDTO[]> {
  const order = [{ createdAt: "desc" as const }, { id: "desc" as const }];
  const [live, revoked] = await Promise.all([
    db.accessToken.findMany({ where: { userId: actor.id, revokedAt: null }, orderBy: order, select: accessTokenSelect }),
    db.accessToken.findMany({
      where: { userId: actor.id, revokedAt: { not: null } },
      orderBy: order,
      take: REVOKED_SHOWN,
      select: accessTokenSelect,
    }),
  ]);
  return [...live, ...revoked].map(presentAccessToken);
}
