/** Creates a personal access token for the acting user; its secret is returned this once only. */
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import type { Actor } from "@/lib/auth/actor";
import type { Credential } from "@/lib/auth/credential";
import { recordEvent } from "@/lib/audit/record-event";
import { CreateAccessTokenInput } from "@/lib/tokens/schemas";
import { displayPrefix, generateTokenSecret, hashTokenSecret } from "@/lib/tokens/secret";
import { accessTokenSelect, presentAccessToken, type AccessTokenDTO } from "@/lib/tokens/present";

/** Live (not revoked) tokens a user may hold at once. */
export const MAX_LIVE_TOKENS = 20;

export interface CreateAccessTokenOptions {
  actor: Actor;
  /** How the actor signed in for this request; only a session may create tokens. */
  credential: Credential;
  input: unknown;
}

/** Creates a token named `input.name`; `forbidden` over a token, `conflict` past the limit. */
export async function createAccessToken({
  actor,
  credential,
  input,
}: CreateAccessTokenOptions): Promise<{ token: AccessTokenDTO; secret: string }> {
  // A leaked token must not be able to mint more tokens that outlive its revocation.
  if (credential !== "session") {
    throw new AppError("forbidden", "Access tokens can only be created from a signed-in browser session, not with a token.");
  }
  const data = parseInput(CreateAccessTokenInput, input);
  const secret = generateTokenSecret();
  const token = await db.$transaction(async (tx) => {
    // Lock the owner's row so two concurrent creates cannot both pass the limit check.
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${actor.id} FOR UPDATE`;
    const live = await tx.accessToken.count({ where: { userId: actor.id, revokedAt: null } });
    if (live >= MAX_LIVE_TOKENS) {
      throw new AppError(
        "conflict",
        `You already have ${MAX_LIVE_TOKENS} active tokens, the most allowed. Revoke one you no longer use first.`,
      );
    }
    const row = await tx.accessToken.create({
      data: { userId: actor.id, name: data.name, tokenHash: hashTokenSecret(secret), prefix: displayPrefix(secret) },
      select: accessTokenSelect,
    });
    // The audit trail names the token; the secret and its hash stay out of it.
    await recordEvent(tx, {
      actor,
      action: "access_token.created",
      targetType: "access_token",
      targetId: row.id,
      after: { name: row.name, prefix: row.prefix },
    });
    return presentAccessToken(row);
  });
  return { token, secret };
}
