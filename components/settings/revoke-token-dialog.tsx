"use client";

import { useEffect, useRef } from "react";
import type { AccessTokenDTO } from "@/lib/tokens/present";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

interface RevokeTokenDialogProps {
  token: AccessTokenDTO;
  pending: boolean;
  error: string | null;
  onCancel: () => void;
  onConfirm: () => void;
}

/**
 * Asks before revoking a token. A native modal `<dialog>`: the browser keeps focus inside,
 * makes the page behind it inert and closes it on Escape.
 */
export function RevokeTokenDialog({ token, pending, error, onCancel, onConfirm }: RevokeTokenDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (!element.open) element.showModal();
    // The safe choice has focus first, so Enter right away does not revoke.
    element.querySelector<HTMLButtonElement>("[data-initial-focus]")?.focus();
    return () => element.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      aria-labelledby="revoke-token-title"
      aria-describedby="revoke-token-description"
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onCancel();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg border border-border bg-surface p-6 text-ink shadow-lg backdrop:bg-ink/40"
    >
      <h2 id="revoke-token-title" className="text-base font-semibold">
        Revoke “{token.name}”?
      </h2>
      <p id="revoke-token-description" className="mt-2 text-sm text-muted">
        Scripts and tools using the token <span className="font-mono text-ink">{token.prefix}…</span> will get 401
        Unauthorized from their next request. This cannot be undone; create a new token if you need one again.
      </p>
      {error ? (
        <Alert tone="danger" className="mt-4">
          {error}
        </Alert>
      ) : null}
      <div className="mt-6 flex justify-end gap-2">
        <Button data-initial-focus variant="secondary" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button variant="danger" onClick={onConfirm} disabled={pending}>
          {pending ? "Revoking…" : "Revoke token"}
        </Button>
      </div>
    </dialog>
  );
}
