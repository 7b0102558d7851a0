"use client";

import { useState } from "react";
import { Check, Copy } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** A just-created token's secret, shown this once, with a copy button. */
export function NewTokenSecret({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const [copy, setCopy] = useState<"idle" | "copied" | "manual">("idle");

  async function onCopy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopy("copied");
      window.setTimeout(() => setCopy("idle"), 2500);
    } catch {
      // The clipboard API needs a secure context (https or localhost); fall back to a selection.
      const field = document.getElementById("new-token-secret");
      if (field instanceof HTMLInputElement) field.select();
      setCopy("manual");
    }
  }

  return (
    <div className="grid gap-3 rounded-md border border-success/30 bg-success-soft p-4" data-testid="new-token">
      <div>
        <p className="text-sm font-semibold text-success">Token “{name}” created</p>
        <p className="mt-0.5 text-sm text-ink">
          Copy it now and keep it somewhere safe. <strong className="font-semibold">It will not be shown again.</strong>
        </p>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="new-token-secret">New token</Label>
        <div className="flex gap-2">
          <Input
            id="new-token-secret"
            readOnly
            value={secret}
            spellCheck={false}
            autoComplete="off"
            onFocus={(event) => event.currentTarget.select()}
            className="font-mono text-[13px]"
          />
          <Button variant="secondary" onClick={() => void onCopy()} aria-describedby="new-token-copy-status">
            {copy === "copied" ? <Check aria-hidden /> : <Copy aria-hidden />}
            {copy === "copied" ? "Copied" : "Copy"}
          </Button>
        </div>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p id="new-token-copy-status" role="status" className="text-xs text-muted">
          {copy === "copied" ? "Copied to the clipboard." : copy === "manual" ? "Press Ctrl+C (⌘C on a Mac) to copy the selected token." : ""}
        </p>
        <Button variant="secondary" size="sm" onClick={onDone} className="ml-auto">
          Done, I have copied it
        </Button>
      </div>
    </div>
  );
}
