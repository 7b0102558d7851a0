/** A signed-in user ends every session of their account, on every device. */
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import type { Credential } from "@/lib/auth/credential";
import { parseInput } from "@/lib/validation";
import { recordEvent } from "@/lib/audit/record-event";
import { NoInput } from "@/lib/users/schemas";

/**
 * Bumps the actor's token version: every browser session of the account, this one included,
 * gets 401 from its next request. Personal access tokens are separate credentials, revoked one
 * by one on the settings page, and keep working. `forbidden` over an access token.
 */
export async function signOutEverywhere({
  actor,
  credential,
  input = {},
}: {
  actor: Actor | null;
  credential: Credential | null;
  input?: unknown;
}): Promise<void> {
  assertCan(actor, "account.manage.own");
  if (credential !== "session") {
    throw new AppError("forbidden", "Signing out everywhere needs a signed-in browser session; revoke a token on the settings page instead.");
  }
  parseInput(NoInput, input);
  await db.$transaction(async (tx) => {
    const { tokenVersion } = await tx.user.update({
      where: { id: actor.id },
      data: { tokenVersion: { increment: 1 } },
      select: { tokenVersion: true },
    });
    await recordEvent(tx, {
      actor,
      action: "user.signed_out_everywhere",
      targetType: "user",
      targetId: actor.id,
      before: { tokenVersion: tokenVersion - 1 },
      after: { tokenVersion },
    });
  });
}
