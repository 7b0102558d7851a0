/** Revokes one of the acting user's personal access tokens. */
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { accessTokenSelect, presentAccessToken, type AccessTokenDTO } from "@/lib/tokens/present";

/**
 * Revokes the actor's token `tokenId` and returns it. Another user's token is `not_found`
 * (its existence is not revealed); revoking an already revoked token changes nothing.
 */
export async function revokeAccessToken({ actor, tokenId }: { actor: Actor; tokenId: string }): Promise<AccessTokenDTO> {
  return db.$transaction(async (tx) => {
    const now = new Date();
    // The `revokedAt: null` condition makes this a compare-and-set: of two racing revokes,
    // one changes the row and records the event, the other finds it already revoked.
    const { count } = await tx.accessToken.updateMany({
      where: { id: tokenId, userId: actor.id, revokedAt: null },
      data: { revokedAt: now },
    });
    const row = await tx.accessToken.findFirst({ where: { id: tokenId, userId: actor.id }, select: accessTokenSelect });
    if (!row) {
      // Someone else's token is answered like one that never existed; only the audit log
      // (lib/audit/record-denial.ts) learns that it does.
      const exists = (await tx.accessToken.count({ where: { id: tokenId } })) > 0;
      throw new AppError("not_found", "No such access token.", { concealed: exists });
    }
    if (count > 0) {
      await recordEvent(tx, {
        actor,
        action: "access_token.revoked",
        targetType: "access_token",
        targetId: row.id,
        before: { name: row.name, prefix: row.prefix, revokedAt: null },
        after: { name: row.name, prefix: row.prefix, revokedAt: now.toISOString() },
      });
    }
    return presentAccessToken(row);
  });
}
