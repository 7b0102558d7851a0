import type { Metadata } from "next";
import Link from "next/link";
import { refusePage, requirePageActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { accountTotals, listUsers } from "@/lib/users/list-users";
import { Card } from "@/components/ui/card";
import { UserList } from "@/components/admin/user-list";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requirePageActor("/admin/users");
  // The page only decides what to draw; listUsers and every /api/users route refuse non-admins themselves.
  if (!can(actor, "user.manage")) {
    await refusePage(actor, "/admin/users");
    return (
      <Card className="mx-auto mt-8 max-w-md p-8 text-center" role="alert">
        <h1 className="text-lg font-semibold">Only administrators manage accounts</h1>
        <p className="mt-1 text-sm text-muted">Ask an administrator of your desk to change a role or an account.</p>
        <Link href="/articles" className="mt-4 inline-block text-sm font-medium text-accent hover:underline">
          Back to articles
        </Link>
      </Card>
    );
  }
  const [firstPage, totals] = await Promise.all([listUsers({ actor }), accountTotals({ actor })]);
  return (
    <div className="mx-auto grid w-full max-w-5xl gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
        <p className="mt-1 text-sm text-muted">Everyone with an account on this desk: give them a role, or disable an account.</p>
      </div>
      <UserList initialPage={firstPage} initialTotals={totals} selfId={actor.id} />
    </div>
  );
}
