/** An administrator changes someone's role. */
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertCan } from "@/lib/auth/policy";
import type { AnyActor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { ChangeRoleInput } from "@/lib/users/schemas";
import { accountSelect, presentAccount, type AccountDTO } from "@/lib/users/present";
import { assertAnotherAdminRemains, assertNotSelf, lockAccountForChange } from "@/lib/users/account-locks";

/**
 * Sets the role of `userId` to `input.role`. It applies from the user's next request, with
 * no new sign-in: every request reads the role from the database (lib/users/resolve-actor.ts).
 * Refuses the actor's own account (`forbidden`) and the last enabled administrator (`conflict`);
 * the same role again changes nothing and records nothing.
 */
export async function changeUserRole({
  actor,
  userId,
  input,
}: {
  actor: AnyActor | null;
  userId: string;
  input: unknown;
}): Promise<AccountDTO> {
  assertCan(actor, "user.manage");
  const { role } = parseInput(ChangeRoleInput, input);
  assertNotSelf(actor, userId, "You cannot change your own role. Another administrator can, so the desk always keeps one.");
  return db.$transaction(async (tx) => {
    const admins = await lockAccountForChange(tx, userId);
    const user = await tx.user.findUnique({ where: { id: userId }, select: accountSelect });
    if (!user) throw new AppError("not_found", "No such account.");
    if (user.role === role) return presentAccount(user);
    if (user.role === "admin") assertAnotherAdminRemains(admins, userId);
    const updated = await tx.user.update({ where: { id: userId }, data: { role }, select: accountSelect });
    await recordEvent(tx, {
      actor,
      action: "user.role_changed",
      targetType: "user",
      targetId: userId,
      before: { role: user.role },
      after: { role: updated.role },
    });
    return presentAccount(updated);
  });
}
