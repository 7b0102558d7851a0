"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import type { AccessTokenDTO } from "@/lib/tokens/present";
import { formatDate } from "@/lib/format";
import { cn } from "@/lib/cn";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { useConfirmation } from "@/components/ui/confirm-dialog";
import { NewTokenSecret } from "@/components/settings/new-token-secret";
import { RevokeTokenDialog } from "@/components/settings/revoke-token-dialog";
import { api, ApiError } from "@/lib/api-client";

interface AccessTokensProps {
  initialTokens: AccessTokenDTO[];
  /** Where this app answers, for the curl example. */
  origin: string;
}

/** The "Personal access tokens" section: create, copy once, list, revoke. */
export function AccessTokens({ initialTokens, origin }: AccessTokensProps) {
  const [tokens, setTokens] = useState(initialTokens);
  const [created, setCreated] = useState<{ id: string; name: string; secret: string } | null>(null);
  const [createPending, setCreatePending] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | undefined>(undefined);
  const revoke = useConfirmation<AccessTokenDTO>();
  const [revokePending, setRevokePending] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const listHeading = useRef<HTMLHeadingElement>(null);

  const active = tokens.filter((token) => token.revokedAt === null).length;

  async function onCreate(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get("name") ?? "");
    setCreatePending(true);
    setCreateError(null);
    setNameError(undefined);
    let value: AccessTokenDTO & { secret: string };
    try {
      value = await api("/api/tokens", { method: "POST", body: { name }, errorMessage: "Could not create the token." });
    } catch (caught) {
      setCreatePending(false);
      if (caught instanceof ApiError && caught.fields.name) setNameError(caught.fields.name);
      else setCreateError(caught instanceof Error ? caught.message : "Could not create the token.");
      return;
    }
    setCreatePending(false);
    const { secret, ...token } = value;
    setTokens((current) => [token, ...current]);
    setCreated({ id: token.id, name: token.name, secret });
    setAnnouncement("");
    form.reset();
  }

  async function onRevoke() {
    const token = revoke.target;
    if (!token) return;
    setRevokePending(true);
    revoke.setError(null);
    try {
      await api(`/api/tokens/${encodeURIComponent(token.id)}`, { method: "DELETE", errorMessage: "Could not revoke the token." });
    } catch (caught) {
      setRevokePending(false);
      revoke.setError(caught instanceof Error ? caught.message : "Could not revoke the token.");
      return;
    }
    const revokedAt = new Date().toISOString();
    setTokens((current) => current.map((item) => (item.id === token.id ? { ...item, revokedAt } : item)));
    if (created?.id === token.id) setCreated(null);
    setRevokePending(false);
    // Its Revoke button is gone; the list heading is the nearest sensible place for focus.
    revoke.done(listHeading.current);
    setAnnouncement(`Token “${token.name}” revoked.`);
    // Then take the server's word for the list (order, timestamps).
    const fresh = await api<{ items: AccessTokenDTO[] }>("/api/tokens").catch(() => null);
    if (fresh) setTokens(fresh.items);
  }

  return (
    <section aria-labelledby="tokens-heading">
      <Card className="grid gap-6 p-6">
        <div>
          <h2 id="tokens-heading" className="text-base font-semibold">
            Personal access tokens
          </h2>
          <p className="mt-1 max-w-2xl text-sm text-muted">
            A token lets a script or another tool call the Factdesk API as you, with your role. Treat it like a
            password: anyone holding it can act as you until you revoke it.
          </p>
        </div>

        <form onSubmit={onCreate} className="grid gap-3" noValidate aria-describedby="create-token-error">
          <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-start">
            <Field
              id="token-name"
              name="name"
              label="Token name"
              placeholder="e.g. Newsroom CMS sync"
              hint="Say what will use it, so you know which one to revoke later."
              maxLength={100}
              autoComplete="off"
              required
              error={nameError}
            />
            <Button type="submit" disabled={createPending} className="sm:mt-[1.625rem]">
              {createPending ? "Creating…" : "Create token"}
            </Button>
          </div>
          <div id="create-token-error">{createError ? <Alert tone="danger">{createError}</Alert> : null}</div>
        </form>

        {created ? <NewTokenSecret name={created.name} secret={created.secret} onDone={() => setCreated(null)} /> : null}

        <div className="grid gap-3">
          <div className="flex items-baseline justify-between gap-4">
            <h3 ref={listHeading} tabIndex={-1} className="text-sm font-semibold focus:outline-none">
              Your tokens
            </h3>
            <p className="text-xs text-muted">{active} of 20 active</p>
          </div>
          <p role="status" className="sr-only">
            {announcement}
          </p>
          {tokens.length === 0 ? (
            <div className="rounded-md border border-dashed border-border-strong px-6 py-8 text-center">
              <p className="text-sm font-medium">No tokens yet</p>
              <p className="mt-1 text-sm text-muted">Create one above when a script needs to reach the API.</p>
            </div>
          ) : (
            <div className="overflow-x-auto rounded-md border border-border" aria-busy={revokePending || undefined}>
              <table className="w-full text-left text-sm">
                <thead className="border-b border-border bg-canvas text-xs uppercase tracking-wide text-muted">
                  <tr>
                    <th scope="col" className="px-3 py-2.5 font-medium sm:px-4">Name</th>
                    <th scope="col" className="hidden px-4 py-2.5 font-medium sm:table-cell">Created</th>
                    <th scope="col" className="hidden px-4 py-2.5 font-medium sm:table-cell">Last used</th>
                    <th scope="col" className="px-3 py-2.5 font-medium sm:px-4">Status</th>
                    <th scope="col" className="px-3 py-2.5 text-right font-medium sm:px-4">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-border">
                  {tokens.map((token) => (
                    <TokenRow key={token.id} token={token} onRevoke={revoke.open} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>

        <div className="grid gap-2 border-t border-border pt-5">
          <h3 className="text-sm font-semibold">Using a token</h3>
          <p className="text-sm text-muted">
            Send it in the <code className="font-mono text-[13px] text-ink">Authorization</code> header of each request:
          </p>
          <pre className="overflow-x-auto rounded-md border border-border bg-canvas px-4 py-3 font-mono text-[13px] leading-relaxed text-ink">
            <code>{`curl -H "Authorization: Bearer fd_…" ${origin}/api/articles`}</code>
          </pre>
          <p className="text-xs text-muted">
            Tokens can read and change what your role allows, but cannot create more tokens. A revoked or mistyped token
            gets 401.
          </p>
          <p className="text-sm text-muted">
            Every route, its parameters and its answers are in the{" "}
            <Link href="/api-docs" className="font-medium text-accent underline-offset-2 hover:underline">
              API reference
            </Link>
            .
          </p>
        </div>
      </Card>

      {revoke.target ? (
        <RevokeTokenDialog
          token={revoke.target}
          pending={revokePending}
          error={revoke.error}
          onCancel={revoke.cancel}
          onConfirm={() => void onRevoke()}
        />
      ) : null}
    </section>
  );
}

function TokenRow({ token, onRevoke }: { token: AccessTokenDTO; onRevoke: (token: AccessTokenDTO, trigger: HTMLElement) => void }) {
  const revoked = token.revokedAt !== null;
  return (
    <tr className={cn(revoked && "text-muted")} data-testid="token-row">
      <td className="px-3 py-3 sm:px-4">
        <div className={cn("font-medium", revoked ? "text-muted" : "text-ink")}>{token.name}</div>
        <div className="font-mono text-xs text-muted">{token.prefix}…</div>
      </td>
      <td className="hidden px-4 py-3 whitespace-nowrap text-muted sm:table-cell">{formatDate(token.createdAt)}</td>
      <td className="hidden px-4 py-3 whitespace-nowrap text-muted sm:table-cell">
        {token.lastUsedAt ? formatDate(token.lastUsedAt) : "Never"}
      </td>
      <td className="px-3 py-3 sm:px-4">
        {revoked ? (
          <>
            <span className="whitespace-nowrap rounded-full border border-border bg-canvas px-2 py-0.5 text-xs font-medium text-muted">
              Revoked
            </span>
            <span className="mt-1 block whitespace-nowrap text-xs text-muted">{formatDate(token.revokedAt)}</span>
          </>
        ) : (
          <span className="rounded-full border border-success/25 bg-success-soft px-2 py-0.5 text-xs font-medium text-success">
            Active
          </span>
        )}
      </td>
      <td className="px-3 py-3 text-right sm:px-4">
        {revoked ? null : (
          <Button
            variant="secondary"
            size="sm"
            aria-label={`Revoke ${token.name}`}
            onClick={(event) => onRevoke(token, event.currentTarget)}
          >
            Revoke
          </Button>
        )}
      </td>
    </tr>
  );
}
