/** The administrators' list of every account on the desk. */
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/policy";
import type { AnyActor } from "@/lib/auth/actor";
import { accountSelect, presentAccount, type AccountDTO } from "@/lib/users/present";

/**
 * Every account, by name, with its role and status; never a hash. Not paginated: a desk has
 * tens of accounts, and the administrator needs to see all of them at once.
 */
export async function listUsers({ actor }: { actor: AnyActor | null }): Promise<AccountDTO[]> {
  assertCan(actor, "user.manage");
  const rows = await db.user.findMany({
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: accountSelect,
  });
  return rows.map(presentAccount);
}
