import { api } from "@/lib/api-client";
import type { MemberDTO } from "@/lib/users/list-members";

/** The desk's members, loaded once per page when someone first types `@` (replies and rationales share them). */
let membersPromise: Promise<MemberDTO[]> | null = null;
export function loadMembers(): Promise<MemberDTO[]> {
  membersPromise ??= api<{ items: MemberDTO[] }>("/api/members").then(
    (page) => page.items,
    (error: unknown) => {
      membersPromise = null;
      throw error;
    },
  );
  return membersPromise;
}

/** The members whose name contains `query`, at most `limit`. */
export function matchingMembers(members: readonly MemberDTO[], query: string, limit = 6): MemberDTO[] {
  const wanted = query.toLowerCase();
  return members.filter((member) => member.name.toLowerCase().includes(wanted)).slice(0, limit);
}
