import Link from "next/link";
import type { UserDTO } from "@/lib/users/present";
import { Card } from "@/components/ui/card";
import { RoleBadge } from "@/components/role-badge";

/** The signed-in user's account, read-only: name, email and role. */
export function AccountSummary({ account }: { account: UserDTO }) {
  return (
    <section aria-labelledby="account-heading">
      <Card className="p-6">
        <h2 id="account-heading" className="text-base font-semibold">
          Account
        </h2>
        <dl className="mt-4 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[8rem_1fr]">
          <dt className="text-muted">Name</dt>
          <dd className="font-medium">{account.name}</dd>
          <dt className="text-muted">Email</dt>
          <dd className="break-all font-medium">{account.email}</dd>
          <dt className="text-muted">Role</dt>
          <dd className="flex flex-wrap items-center gap-2">
            <RoleBadge role={account.role} />
            {account.role === "admin" ? (
              <span className="text-xs text-muted">
                Roles are changed on the{" "}
                <Link href="/admin/users" className="text-accent underline">
                  Users
                </Link>{" "}
                page, by another administrator for your own.
              </span>
            ) : (
              <span className="text-xs text-muted">Roles are changed by an administrator.</span>
            )}
          </dd>
        </dl>
      </Card>
    </section>
  );
}
