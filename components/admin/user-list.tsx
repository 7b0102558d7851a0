"use client";

import { useRef, useState } from "react";
import type { AccountDTO } from "@/lib/users/present";
import type { AccountPage, AccountTotals } from "@/lib/users/list-users";
import { ROLES, type Role } from "@/lib/auth/actor";
import { api, ApiError } from "@/lib/api-client";
import { formatDate, plural } from "@/lib/format";
import { cn } from "@/lib/cn";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/select";
import { ConfirmDialog, useConfirmation } from "@/components/ui/confirm-dialog";
import { RoleBadge } from "@/components/role-badge";

const ROLE_LABELS: Record<Role, string> = { reviewer: "Reviewer", editor: "Editor", admin: "Admin" };

interface UserListProps {
  /** The first page of accounts, by name; more are fetched with its cursor. */
  initialPage: AccountPage;
  /** Totals over every account, not only the loaded ones. */
  initialTotals: AccountTotals;
  /** The signed-in administrator, whose own row cannot be changed here. */
  selfId: string;
}

function messageOf(caught: unknown, fallback: string): string {
  return caught instanceof ApiError || caught instanceof Error ? caught.message : fallback;
}

/** Whether an account counts as an enabled administrator. */
const activeAdmin = (account: AccountDTO) => account.role === "admin" && account.status === "active";

/** The totals after one account changed from `before` to `after`. */
function adjustTotals(totals: AccountTotals, before: AccountDTO | undefined, after: AccountDTO): AccountTotals {
  if (!before) return totals;
  return {
    accounts: totals.accounts,
    activeAdmins: totals.activeAdmins - Number(activeAdmin(before)) + Number(activeAdmin(after)),
    disabled: totals.disabled - Number(before.status === "disabled") + Number(after.status === "disabled"),
  };
}

/** The administrators' list of accounts: change a role, disable and re-enable. */
export function UserList({ initialPage, initialTotals, selfId }: UserListProps) {
  const [accounts, setAccounts] = useState(initialPage.items);
  const [nextCursor, setNextCursor] = useState(initialPage.nextCursor);
  const [totals, setTotals] = useState(initialTotals);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const disable = useConfirmation<AccountDTO>();
  const heading = useRef<HTMLHeadingElement>(null);

  const replace = (account: AccountDTO) => {
    setTotals((current) => adjustTotals(current, accounts.find((item) => item.id === account.id), account));
    setAccounts((current) => current.map((item) => (item.id === account.id ? account : item)));
  };

  async function onMore() {
    if (!nextCursor) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await api<AccountPage>(`/api/users?cursor=${encodeURIComponent(nextCursor)}`);
      // An account changed elsewhere meanwhile may already be listed: keep one row per account.
      setAccounts((current) => [...current, ...page.items.filter((item) => !current.some((known) => known.id === item.id))]);
      setNextCursor(page.nextCursor);
      setAnnouncement(`${plural(page.items.length, "more account")} shown.`);
    } catch (caught) {
      setMoreError(messageOf(caught, "Could not load more accounts."));
    } finally {
      setLoadingMore(false);
    }
  }

  async function onRole(account: AccountDTO, role: Role) {
    setBusy(account.id);
    setError(null);
    setAnnouncement("");
    try {
      const updated = await api<AccountDTO>(`/api/users/${encodeURIComponent(account.id)}/role`, { method: "PUT", body: { role } });
      replace(updated);
      setAnnouncement(`${updated.name} is now ${updated.role === "reviewer" ? "a" : "an"} ${updated.role}.`);
    } catch (caught) {
      // The select shows the stored role again: nothing changed.
      setError(messageOf(caught, "Could not change the role."));
    } finally {
      setBusy(null);
    }
  }

  async function onEnable(account: AccountDTO) {
    setBusy(account.id);
    setError(null);
    setAnnouncement("");
    try {
      const updated = await api<AccountDTO>(`/api/users/${encodeURIComponent(account.id)}/enable`, { method: "POST", body: {} });
      replace(updated);
      setAnnouncement(`${updated.name} can sign in again.`);
    } catch (caught) {
      setError(messageOf(caught, "Could not re-enable the account."));
    } finally {
      setBusy(null);
    }
  }

  async function onDisable() {
    const account = disable.target;
    if (!account) return;
    setBusy(account.id);
    disable.setError(null);
    try {
      const updated = await api<AccountDTO>(`/api/users/${encodeURIComponent(account.id)}/disable`, { method: "POST", body: {} });
      replace(updated);
      // Its Disable button has become Re-enable; the heading is a stable place for focus.
      disable.done(heading.current);
      setAnnouncement(`${updated.name} is disabled and signed out.`);
    } catch (caught) {
      disable.setError(messageOf(caught, "Could not disable the account."));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="accounts-heading" className="min-w-0">
      <Card className="grid gap-4 p-6">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 ref={heading} id="accounts-heading" tabIndex={-1} className="text-base font-semibold focus:outline-none">
            Accounts
          </h2>
          <p className="text-xs text-muted">
            {accounts.length < totals.accounts ? `${accounts.length} of ` : ""}
            {plural(totals.accounts, "account")} · {plural(totals.activeAdmins, "active admin")}
            {totals.disabled > 0 ? ` · ${totals.disabled} disabled` : ""}
          </p>
        </div>
        <p role="status" className="sr-only">
          {announcement}
        </p>
        {error ? <Alert tone="danger">{error}</Alert> : null}
        {accounts.length === 0 ? (
          <div className="rounded-md border border-dashed border-border-strong px-6 py-8 text-center">
            <p className="text-sm font-medium">No accounts yet</p>
            <p className="mt-1 text-sm text-muted">
              People join through the sign-up page, or you create them with <code className="font-mono">npm run user:create</code>.
            </p>
          </div>
        ) : (
          <div className="relative min-w-0 overflow-x-auto rounded-md border border-border" aria-busy={busy !== null || undefined}>
            <table className="w-full text-left text-sm">
              <thead className="border-b border-border bg-canvas text-xs uppercase tracking-wide text-muted">
                <tr>
                  <th scope="col" className="px-3 py-2.5 font-medium sm:px-4">Name</th>
                  <th scope="col" className="px-3 py-2.5 font-medium sm:px-4">Role</th>
                  <th scope="col" className="hidden px-4 py-2.5 font-medium sm:table-cell">Status</th>
                  <th scope="col" className="hidden px-4 py-2.5 font-medium md:table-cell">Created</th>
                  <th scope="col" className="px-3 py-2.5 text-right font-medium sm:px-4">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-border">
                {accounts.map((account) => (
                  <AccountRow
                    key={account.id}
                    account={account}
                    self={account.id === selfId}
                    busy={busy === account.id}
                    onRole={(role) => void onRole(account, role)}
                    onDisable={(trigger) => disable.open(account, trigger)}
                    onEnable={() => void onEnable(account)}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
        {moreError ? <Alert tone="danger">{moreError}</Alert> : null}
        {nextCursor ? (
          <div className="flex justify-center">
            <Button variant="secondary" size="sm" disabled={loadingMore} onClick={() => void onMore()}>
              {loadingMore ? "Loading…" : "Show more accounts"}
            </Button>
          </div>
        ) : null}
        <p className="text-xs text-muted">
          A change applies from the person’s next click or API request; they do not need to sign in again. You cannot
          change your own role or disable yourself: another administrator can, so the desk always keeps one.
        </p>
      </Card>

      {disable.target ? (
        <ConfirmDialog
          title={`Disable ${disable.target.name}?`}
          confirmLabel="Disable account"
          pendingLabel="Disabling…"
          pending={busy === disable.target.id}
          error={disable.error}
          onCancel={disable.cancel}
          onConfirm={() => void onDisable()}
        >
          <p>
            <span className="font-medium text-ink">{disable.target.email}</span> is signed out everywhere at once: their next
            click or API request is refused, and they cannot sign in. Their claims, annotations and reviews stay on the
            desk.
          </p>
          <p>
            You can re-enable the account later. Their access tokens then work again; the sessions open now do not come
            back.
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

interface AccountRowProps {
  account: AccountDTO;
  self: boolean;
  busy: boolean;
  onRole: (role: Role) => void;
  onDisable: (trigger: HTMLElement) => void;
  onEnable: () => void;
}

function AccountRow({ account, self, busy, onRole, onDisable, onEnable }: AccountRowProps) {
  const disabled = account.status === "disabled";
  return (
    <tr className={cn(disabled && "bg-canvas/60")} data-testid="account-row">
      <td className="px-3 py-3 sm:px-4">
        <div className={cn("font-medium", disabled ? "text-muted" : "text-ink")}>
          {account.name}
          {self ? <span className="ml-2 text-xs font-normal text-muted">(you)</span> : null}
        </div>
        <div className="break-all text-xs text-muted">{account.email}</div>
        <div className="mt-1.5 sm:hidden">
          <StatusBadge account={account} />
        </div>
      </td>
      <td className="px-3 py-3 sm:px-4">
        {self ? (
          <RoleBadge role={account.role} />
        ) : (
          <Select
            aria-label={`Role of ${account.name}`}
            value={account.role}
            disabled={busy}
            onChange={(event) => onRole(event.currentTarget.value as Role)}
            className="w-28 sm:w-32"
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </Select>
        )}
      </td>
      <td className="hidden px-4 py-3 sm:table-cell">
        <StatusBadge account={account} />
      </td>
      <td className="hidden px-4 py-3 whitespace-nowrap text-muted md:table-cell">{formatDate(account.createdAt)}</td>
      <td className="px-3 py-3 text-right sm:px-4">
        {self ? null : disabled ? (
          <Button variant="secondary" size="sm" disabled={busy} aria-label={`Re-enable ${account.name}`} onClick={onEnable}>
            {busy ? "Re-enabling…" : "Re-enable"}
          </Button>
        ) : (
          <Button
            variant="secondary"
            size="sm"
            disabled={busy}
            aria-label={`Disable ${account.name}`}
            onClick={(event) => onDisable(event.currentTarget)}
          >
            Disable
          </Button>
        )}
      </td>
    </tr>
  );
}

/** "Active", or "Disabled" with the date. */
function StatusBadge({ account }: { account: AccountDTO }) {
  if (account.status === "disabled") {
    return (
      <>
        <span className="whitespace-nowrap rounded-full border border-danger/25 bg-danger-soft px-2 py-0.5 text-xs font-medium text-danger">
          Disabled
        </span>
        <span className="mt-1 block whitespace-nowrap text-xs text-muted">since {formatDate(account.disabledAt)}</span>
      </>
    );
  }
  return (
    <span className="rounded-full border border-success/25 bg-success-soft px-2 py-0.5 text-xs font-medium text-success">
      Active
    </span>
  );
}
