/** The desk's members, for choosing whom to assign (and, later, whom to mention). */
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/actor";

/** A colleague as anyone on the desk sees them: never their email. */
export interface MemberDTO {
  id: string;
  name: string;
  role: Role;
}

/** Every enabled account, by name: a disabled one can be neither assigned nor mentioned. */
export async function listMembers({ actor }: { actor: Actor | null }): Promise<{ items: MemberDTO[] }> {
  assertCan(actor, "article.read");
  const rows = await db.user.findMany({
    where: { disabledAt: null },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, role: true },
  });
  return { items: rows };
}
