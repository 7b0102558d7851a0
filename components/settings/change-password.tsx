"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { api, ApiError } from "@/lib/api-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";

type Fields = Partial<Record<"currentPassword" | "newPassword" | "repeatPassword", string>>;

/**
 * The "Password" section. A change ends every session of the account; this browser then signs
 * in again with the new password, so the person changing it stays where they are.
 */
export function ChangePassword({ email }: { email: string }) {
  const router = useRouter();
  const [fields, setFields] = useState<Fields>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const currentPassword = String(data.get("currentPassword") ?? "");
    const newPassword = String(data.get("newPassword") ?? "");
    const repeatPassword = String(data.get("repeatPassword") ?? "");
    setError(null);
    setDone(false);
    if (newPassword !== repeatPassword) {
      setFields({ repeatPassword: "The two new passwords differ. Type the same one twice." });
      form.current?.querySelector<HTMLInputElement>("#repeat-password")?.focus();
      return;
    }
    setFields({});
    setPending(true);
    try {
      await api("/api/account/password", { method: "POST", body: { currentPassword, newPassword } });
    } catch (caught) {
      setPending(false);
      if (caught instanceof ApiError && (caught.fields.currentPassword || caught.fields.newPassword)) {
        setFields({ currentPassword: caught.fields.currentPassword, newPassword: caught.fields.newPassword });
        const first = caught.fields.currentPassword ? "#current-password" : "#new-password";
        form.current?.querySelector<HTMLInputElement>(first)?.focus();
      } else {
        setError(caught instanceof Error ? caught.message : "Could not change the password.");
      }
      return;
    }
    // This session ended with the others; a fresh sign-in with the new password replaces it.
    const result = await signIn("credentials", { email, password: newPassword, redirect: false }).catch(() => undefined);
    setPending(false);
    if (!result || result.error) {
      router.replace("/signin?callbackUrl=%2Fsettings");
      router.refresh();
      return;
    }
    form.current?.reset();
    setDone(true);
    router.refresh();
  }

  return (
    <section aria-labelledby="password-heading">
      <Card className="grid gap-5 p-6">
        <div>
          <h2 id="password-heading" className="text-base font-semibold">
            Password
          </h2>
          <p className="mt-1 max-w-2xl text-sm text-muted">
            Changing it signs you out on every other device and browser; you stay signed in here. Access tokens keep
            working; revoke them below if they may be exposed too.
          </p>
        </div>
        <form ref={form} onSubmit={onSubmit} className="grid max-w-md gap-4" noValidate>
          <Field
            id="current-password"
            name="currentPassword"
            type="password"
            label="Current password"
            autoComplete="current-password"
            required
            error={fields.currentPassword}
          />
          <Field
            id="new-password"
            name="newPassword"
            type="password"
            label="New password"
            autoComplete="new-password"
            required
            hint="At least 8 characters. A passphrase is best; common passwords are refused."
            error={fields.newPassword}
          />
          <Field
            id="repeat-password"
            name="repeatPassword"
            type="password"
            label="Repeat new password"
            autoComplete="new-password"
            required
            error={fields.repeatPassword}
          />
          {error ? <Alert tone="danger">{error}</Alert> : null}
          {done ? <Alert tone="success">Password changed. Every other session has been signed out.</Alert> : null}
          <div>
            <Button type="submit" disabled={pending}>
              {pending ? "Changing password…" : "Change password"}
            </Button>
          </div>
        </form>
      </Card>
    </section>
  );
}
