"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";

/** Names the claimant of a freshly selected span and saves the claim. */
export function NewClaimForm({
  exact,
  initialClaimant = "",
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  exact: string;
  /** A claimant to start from, e.g. the source an accepted suggestion names. */
  initialClaimant?: string;
  pending: boolean;
  error: string | null;
  onSubmit: (claimant: string) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [claimant, setClaimant] = useState(initialClaimant);
  return (
    <form
      aria-labelledby={`${id}-heading`}
      className="grid gap-3"
      onKeyDown={(event) => {
        if (event.key === "Escape") onCancel();
      }}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(claimant);
      }}
    >
      <h2 id={`${id}-heading`} className="text-sm font-semibold">
        Mark claim
      </h2>
      <blockquote className="max-h-40 overflow-auto border-l-4 border-accent/40 pl-3 font-serif text-[0.95rem] leading-relaxed">
        {exact}
      </blockquote>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <Field
        id={`${id}-claimant`}
        label="Claimant"
        hint="Who made the claim, e.g. a named official (optional)."
        value={claimant}
        onChange={(event) => setClaimant(event.target.value)}
        maxLength={200}
        autoFocus
      />
      <div className="flex justify-end gap-2">
        <Button variant="ghost" size="sm" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? "Saving…" : "Save claim"}
        </Button>
      </div>
    </form>
  );
}
