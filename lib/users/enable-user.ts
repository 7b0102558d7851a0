/** An administrator re-enables a disabled account. */
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertCan } from "@/lib/auth/policy";
import type { AnyActor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { NoInput } from "@/lib/users/schemas";
import { accountSelect, presentAccount, type AccountDTO } from "@/lib/users/present";

/**
 * Re-enables `userId`: its owner can sign in again, with the role the account had. Sessions
 * from before the disabling stay ended (lib/users/disable-user.ts). An enabled account is
 * returned unchanged.
 */
export async function enableUser({
  actor,
  userId,
  input = {},
}: {
  actor: AnyActor | null;
  userId: string;
  input?: unknown;
}): Promise<AccountDTO> {
  assertCan(actor, "user.manage");
  parseInput(NoInput, input);
  return db.$transaction(async (tx) => {
    // Locked so two administrators re-enabling at once record one event, not two.
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${userId} FOR UPDATE`;
    const user = await tx.user.findUnique({ where: { id: userId }, select: accountSelect });
    if (!user) throw new AppError("not_found", "No such account.");
    if (user.disabledAt === null) return presentAccount(user);
    const updated = await tx.user.update({ where: { id: userId }, data: { disabledAt: null }, select: accountSelect });
    await recordEvent(tx, {
      actor,
      action: "user.enabled",
      targetType: "user",
      targetId: userId,
      before: { disabledAt: user.disabledAt.toISOString() },
      after: { disabledAt: null },
    });
    return presentAccount(updated);
  });
}
