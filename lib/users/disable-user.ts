/** An administrator disables an account. */
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertCan } from "@/lib/auth/policy";
import type { AnyActor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { NoInput } from "@/lib/users/schemas";
import { accountSelect, presentAccount, type AccountDTO } from "@/lib/users/present";
import { assertAnotherAdminRemains, assertNotSelf, lockAccountForChange } from "@/lib/users/account-locks";

/**
 * Disables `userId`: its sessions and access tokens get 401 from their next request, and it
 * cannot sign in. The token version is bumped too, so re-enabling the account later does not
 * bring back the sessions open now (one may be why it was disabled); its access tokens, which
 * their owner revokes on the settings page, work again once it is re-enabled.
 * Refuses the actor's own account (`forbidden`) and the last enabled administrator (`conflict`);
 * an account already disabled is returned unchanged.
 */
export async function disableUser({
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
  assertNotSelf(actor, userId, "You cannot disable your own account. Another administrator can.");
  return db.$transaction(async (tx) => {
    const admins = await lockAccountForChange(tx, userId);
    const user = await tx.user.findUnique({ where: { id: userId }, select: accountSelect });
    if (!user) throw new AppError("not_found", "No such account.");
    if (user.disabledAt !== null) return presentAccount(user);
    if (user.role === "admin") assertAnotherAdminRemains(admins, userId);
    const updated = await tx.user.update({
      where: { id: userId },
      data: { disabledAt: new Date(), tokenVersion: { increment: 1 } },
      select: accountSelect,
    });
    await recordEvent(tx, {
      actor,
      action: "user.disabled",
      targetType: "user",
      targetId: userId,
      before: { disabledAt: null },
      after: { disabledAt: updated.disabledAt?.toISOString() ?? null },
    });
    return presentAccount(updated);
  });
}
