/** A signed-in user changes their own password; their other sessions end. */
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import type { Credential } from "@/lib/auth/credential";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS, WINDOW_MS } from "@/lib/auth/sign-in-throttle";
import { recordEvent } from "@/lib/audit/record-event";
import { ChangePasswordInput } from "@/lib/users/schemas";
import { presentUser, userSelect, type UserDTO } from "@/lib/users/present";

const WRONG_PASSWORD = "That is not your current password.";

/**
 * Whether this account has had too many wrong current passwords lately. The same limit as
 * sign-in (5 in 15 minutes), counted from the audit log so every app instance agrees: a
 * session left open on a shared computer must not become a way to guess the password.
 */
async function passwordChangeThrottled(userId: string): Promise<boolean> {
  const failures = await db.auditEvent.count({
    where: {
      action: "user.password_change_failed",
      targetType: "user",
      targetId: userId,
      createdAt: { gte: new Date(Date.now() - WINDOW_MS) },
    },
  });
  return failures >= MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS;
}

/**
 * Replaces the actor's password after checking the current one, with the rules of sign-up.
 * The token version is bumped, so every session of the account ends on its next request,
 * this browser's included: the caller signs in again with the new password (the settings
 * page does so at once). Personal access tokens are separate credentials and keep working.
 *
 * Errors: `forbidden` over an access token; `invalid_input` naming `currentPassword` for a
 * wrong current password (recorded, and counted towards the limit); `rate_limited` past it;
 * `conflict` when the password changed meanwhile in another request.
 */
export async function changePassword({
  actor,
  credential,
  input,
}: {
  actor: Actor | null;
  credential: Credential | null;
  input: unknown;
}): Promise<UserDTO> {
  assertCan(actor, "account.manage.own");
  // A leaked token must not be able to take over the account by guessing its password.
  if (credential !== "session") {
    throw new AppError("forbidden", "Passwords can only be changed from a signed-in browser session, not with a token.");
  }
  const data = parseInput(ChangePasswordInput, input);
  if (await passwordChangeThrottled(actor.id)) {
    throw new AppError("rate_limited", "Too many wrong passwords. Wait 15 minutes and try again.");
  }
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, data.currentPassword))) {
    // Written on purpose although the request fails: the failure is the evidence the limit counts.
    await db.$transaction(async (tx) => {
      await recordEvent(tx, { actor, action: "user.password_change_failed", targetType: "user", targetId: actor.id });
    });
    throw new AppError("invalid_input", WRONG_PASSWORD, { fields: { currentPassword: WRONG_PASSWORD } });
  }
  const passwordHash = await hashPassword(data.newPassword);
  return db.$transaction(async (tx) => {
    // Compare-and-set on the hash just verified: of two changes racing from the same old
    // password, one wins and the other is told, rather than silently overwriting it.
    const { count } = await tx.user.updateMany({
      where: { id: actor.id, passwordHash: user.passwordHash },
      data: { passwordHash, tokenVersion: { increment: 1 } },
    });
    if (count === 0) throw new AppError("conflict", "Your password was changed meanwhile. Reload the page and try again.");
    // The event says that it changed, never to or from what: no password or hash in it.
    await recordEvent(tx, { actor, action: "user.password_changed", targetType: "user", targetId: actor.id });
    return presentUser(await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: userSelect }));
  });
}
