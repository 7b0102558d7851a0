"use client";

import type { AccessTokenDTO } from "@/lib/tokens/present";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

interface RevokeTokenDialogProps {
  token: AccessTokenDTO;
  pending: boolean;
  error: string | null;
  onCancel: () => void;
  onConfirm: () => void;
}

/** Asks before revoking a token. */
export function RevokeTokenDialog({ token, pending, error, onCancel, onConfirm }: RevokeTokenDialogProps) {
  return (
    <ConfirmDialog
      title={`Revoke “${token.name}”?`}
      confirmLabel="Revoke token"
      pendingLabel="Revoking…"
      pending={pending}
      error={error}
      onCancel={onCancel}
      onConfirm={onConfirm}
    >
      <p>
        Scripts and tools using the token <span className="font-mono text-ink">{token.prefix}…</span> will get 401
        Unauthorized from their next request. This cannot be undone; create a new token if you need one again.
      </p>
    </ConfirmDialog>
  );
}
