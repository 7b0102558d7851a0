"use client";

import { useRef, useState } from "react";
import { signOut } from "next-auth/react";
import { api } from "@/lib/api-client";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** The "Sessions" section: end every session of the account, this one included. */
export function SignOutEverywhere() {
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const opener = useRef<HTMLElement | null>(null);

  function close() {
    setConfirming(false);
    opener.current?.focus();
  }

  async function onConfirm() {
    setPending(true);
    setError(null);
    try {
      await api("/api/account/sign-out-everywhere", { method: "POST", body: {} });
    } catch (caught) {
      setPending(false);
      setError(caught instanceof Error ? caught.message : "Could not sign out everywhere.");
      return;
    }
    // The server has ended this session already; this clears its cookie and leaves.
    await signOut({ callbackUrl: "/signin" });
  }

  return (
    <section aria-labelledby="sessions-heading">
      <Card className="flex flex-col gap-4 p-6 sm:flex-row sm:items-center sm:justify-between">
        <div>
          <h2 id="sessions-heading" className="text-base font-semibold">
            Sessions
          </h2>
          <p className="mt-1 max-w-xl text-sm text-muted">
            Left Factdesk open on a shared or lost device? Sign out everywhere ends every session of your account,
            including this one. Access tokens are not affected; revoke them one by one below.
          </p>
        </div>
        <Button
          variant="secondary"
          className="shrink-0"
          onClick={(event) => {
            opener.current = event.currentTarget;
            setError(null);
            setConfirming(true);
          }}
        >
          Sign out everywhere
        </Button>
      </Card>
      {confirming ? (
        <ConfirmDialog
          title="Sign out everywhere?"
          confirmLabel="Sign out everywhere"
          pendingLabel="Signing out…"
          pending={pending}
          error={error}
          onCancel={close}
          onConfirm={() => void onConfirm()}
        >
          <p>
            Every browser signed in to your account, this one included, is signed out on its next click. You will need
            your password to sign in again.
          </p>
          <p>Scripts using your personal access tokens keep working.</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
