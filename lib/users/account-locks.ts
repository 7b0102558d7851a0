/**
 * Row locks for changes to someone's account, and the rule that keeps the desk administered:
 * at least one enabled administrator must remain after every role change or disabling.
 */
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AnyActor } from "@/lib/auth/actor";

/**
 * Locks every enabled administrator, then the target, always in that order (and each set in
 * id order), so two administrators demoting or disabling each other at once serialise instead
 * of deadlocking, and the second one sees the first one's change before it counts.
 * Returns the ids of the enabled administrators as they stand once locked.
 */
export async function lockAccountForChange(tx: Tx, userId: string): Promise<string[]> {
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM users WHERE role = 'admin' AND disabled_at IS NULL ORDER BY id FOR UPDATE`;
  await tx.$queryRaw`SELECT id FROM users WHERE id = ${userId} FOR UPDATE`;
  return admins.map((row) => row.id);
}

/** `conflict` when taking `userId` out of the enabled administrators would leave none. */
export function assertAnotherAdminRemains(enabledAdminIds: string[], userId: string): void {
  if (enabledAdminIds.some((id) => id !== userId)) return;
  throw new AppError(
    "conflict",
    "This is the desk's last active administrator. Make someone else an administrator first.",
  );
}

/**
 * `forbidden` when an administrator acts on their own account: nobody demotes or disables
 * themselves by accident, and another administrator always has to agree.
 */
export function assertNotSelf(actor: AnyActor, userId: string, message: string): void {
  if (actor.kind === "user" && actor.id === userId) throw new AppError("forbidden", message);
}
