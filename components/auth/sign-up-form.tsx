"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { api, ApiError } from "@/lib/api-client";

/** Creates a reviewer account, then signs in with it. */
export function SignUpForm() {
  const router = useRouter();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    };
    setPending(true);
    setError(null);
    setFields({});
    try {
      await api("/api/signup", { method: "POST", body, errorMessage: "Could not create the account." });
    } catch (caught) {
      if (caught instanceof ApiError && caught.hasFieldErrors) setFields(caught.fields);
      else setError(caught instanceof Error ? caught.message : "Could not create the account.");
      setPending(false);
      return;
    }
    const result = await signIn("credentials", { email: body.email, password: body.password, redirect: false }).catch(() => undefined);
    router.replace(result && !result.error ? "/articles" : "/signin");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-4" noValidate>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <Field id="name" name="name" label="Name" autoComplete="name" required error={fields.name} autoFocus />
      <Field id="email" name="email" type="email" label="Email" autoComplete="email" required error={fields.email} />
      <Field
        id="password"
        name="password"
        type="password"
        label="Password"
        autoComplete="new-password"
        required
        hint="At least 8 characters. A passphrase is best."
        error={fields.password}
      />
      <Button type="submit" size="lg" disabled={pending}>
        {pending ? "Creating account…" : "Create account"}
      </Button>
      <p className="text-center text-sm text-muted">
        Already have an account?{" "}
        <Link href="/signin" className="font-medium text-accent hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
