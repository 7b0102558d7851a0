/** The administrators' list of accounts on the desk, a page at a time like every list. */
import { db } from "@/lib/db";
import { parseInput } from "@/lib/validation";
import { assertCan } from "@/lib/auth/policy";
import type { AnyActor } from "@/lib/auth/actor";
import { ListUsersInput } from "@/lib/users/schemas";
import { accountSelect, presentAccount, type AccountDTO } from "@/lib/users/present";

export interface AccountPage {
  items: AccountDTO[];
  /** Pass back as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

/** How many accounts there are, for the list's summary line (the list itself may be partial). */
export interface AccountTotals {
  accounts: number;
  activeAdmins: number;
  disabled: number;
}

/**
 * Accounts by name (then email, then id: a stable order for the cursor), with their role and
 * status; never a hash. `input` is `{cursor?, limit?}` (1–100, default 50).
 */
export async function listUsers({ actor, input = {} }: { actor: AnyActor | null; input?: unknown }): Promise<AccountPage> {
  assertCan(actor, "user.manage");
  const { cursor, limit } = parseInput(ListUsersInput, input);
  const rows = await db.user.findMany({
    orderBy: [{ name: "asc" }, { email: "asc" }, { id: "asc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    select: accountSelect,
  });
  const page = rows.slice(0, limit);
  return { items: page.map(presentAccount), nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}

/** The totals of the summary line: every account, the enabled administrators, the disabled. */
export async function accountTotals({ actor }: { actor: AnyActor | null }): Promise<AccountTotals> {
  assertCan(actor, "user.manage");
  const [accounts, activeAdmins, disabled] = await Promise.all([
    db.user.count(),
    db.user.count({ where: { role: "admin", disabledAt: null } }),
    db.user.count({ where: { disabledAt: { not: null } } }),
  ]);
  return { accounts, activeAdmins, disabled };
}
