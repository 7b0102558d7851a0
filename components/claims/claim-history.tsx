"use client";

import { useEffect, useState } from "react";
import { api, ApiError } from "@/lib/api-client";
import type { HistoryEntryDTO } from "@/lib/claims/present";
import { formatDateTime } from "@/lib/format";

/** A claim's history from the audit log, loaded when opened. */
export function ClaimHistory({ claimId, version }: { claimId: string; version: string }) {
  const [entries, setEntries] = useState<HistoryEntryDTO[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);

  // Load on opening, and again whenever the claim changes while the history is open.
  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    api<{ items: HistoryEntryDTO[] }>(`/api/claims/${claimId}/history`).then(
      ({ items }) => {
        if (cancelled) return;
        setEntries(items);
        setError(null);
      },
      (caught: unknown) => {
        if (!cancelled) setError(caught instanceof ApiError ? caught.message : "Could not load the history.");
      },
    );
    return () => {
      cancelled = true;
    };
  }, [open, version, claimId]);

  return (
    <details
      className="group rounded-lg border border-border"
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary className="cursor-pointer select-none px-3 py-2 text-sm font-semibold">History</summary>
      <div className="border-t border-border px-3 py-2">
        {error ? (
          <p className="text-sm text-danger">{error}</p>
        ) : entries === null ? (
          <p className="text-sm text-muted" aria-busy="true">
            Loading…
          </p>
        ) : entries.length === 0 ? (
          <p className="text-sm text-muted">Nothing recorded yet.</p>
        ) : (
          <ol className="grid gap-1.5 text-sm" aria-label="Claim history">
            {entries.map((entry) => (
              <li key={entry.id} className="grid">
                <span>{entry.summary}</span>
                <time className="text-xs text-muted" dateTime={entry.createdAt}>
                  {formatDateTime(entry.createdAt)}
                </time>
              </li>
            ))}
          </ol>
        )}
      </div>
    </details>
  );
}
