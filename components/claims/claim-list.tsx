"use client";

import { startTransition, useEffect, useState } from "react";
import type { ClaimStatus } from "@/lib/claims/present";
import type { ListedClaim } from "@/components/claims/listed-claim";
import { CLAIM_STATUSES } from "@/lib/claims/present";
import { CLAIM_STATUS_INFO } from "@/lib/claims/status-labels";
import { plural } from "@/lib/format";
import { Select } from "@/components/ui/select";
import { ClaimStatusBadge } from "@/components/claims/status-badge";
import { cn } from "@/lib/cn";

export interface ClaimFilters {
  status: ClaimStatus | "all";
  author: string | "all";
}

/** Applies the panel's filters. */
export function filterClaims<T extends Pick<ListedClaim, "status" | "createdBy">>(claims: T[], filters: ClaimFilters): T[] {
  return claims.filter(
    (claim) =>
      (filters.status === "all" || claim.status === filters.status) &&
      (filters.author === "all" || claim.createdBy.id === filters.author),
  );
}

/**
 * Claims drawn with the page; the rest follow as soon as it is interactive, in a transition
 * that yields to the editor, so a long article's text and highlights are not held up by a
 * thousand list entries being hydrated first.
 */
const FIRST_CLAIMS = 50;

/** Every claim of the article in document order, with filters by status and author. */
export function ClaimList({
  claims,
  filters,
  onFiltersChange,
  activeId,
  onOpen,
}: {
  claims: ListedClaim[];
  filters: ClaimFilters;
  onFiltersChange: (filters: ClaimFilters) => void;
  activeId: string | null;
  onOpen: (claimId: string) => void;
}) {
  const authors = [...new Map(claims.map((claim) => [claim.createdBy.id, claim.createdBy.name])).entries()].sort((a, b) =>
    a[1].localeCompare(b[1]),
  );
  const visible = filterClaims(claims, filters);
  const [showAll, setShowAll] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => startTransition(() => setShowAll(true)), 0);
    return () => clearTimeout(timer);
  }, []);
  const shown = showAll ? visible : visible.slice(0, FIRST_CLAIMS);

  return (
    <section aria-labelledby="claims-heading" className="grid gap-3">
      <div className="flex items-baseline justify-between">
        <h2 id="claims-heading" className="text-sm font-semibold">
          Claims
        </h2>
        <span className="text-xs text-muted" aria-live="polite">
          {visible.length === claims.length ? plural(claims.length, "claim") : `${visible.length} of ${claims.length}`}
        </span>
      </div>
      <div className="grid grid-cols-2 gap-2">
        <label className="grid gap-1 text-xs text-muted">
          Status
          <Select
            value={filters.status}
            onChange={(event) => onFiltersChange({ ...filters, status: event.target.value as ClaimFilters["status"] })}
          >
            <option value="all">All statuses</option>
            {CLAIM_STATUSES.map((status) => (
              <option key={status} value={status}>
                {CLAIM_STATUS_INFO[status].label}
              </option>
            ))}
          </Select>
        </label>
        <label className="grid gap-1 text-xs text-muted">
          Marked by
          <Select value={filters.author} onChange={(event) => onFiltersChange({ ...filters, author: event.target.value })}>
            <option value="all">Anyone</option>
            {authors.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </Select>
        </label>
      </div>

      {claims.length === 0 ? (
        <div className="rounded-lg border border-dashed border-border-strong p-5 text-center text-sm text-muted">
          <p className="font-medium text-ink">No claims yet</p>
          <p className="mt-1">
            Select a statement in the article and choose <strong>Mark claim</strong> (or press{" "}
            <kbd className="rounded border border-border-strong bg-canvas px-1 text-xs">Ctrl</kbd>+
            <kbd className="rounded border border-border-strong bg-canvas px-1 text-xs">Shift</kbd>+
            <kbd className="rounded border border-border-strong bg-canvas px-1 text-xs">C</kbd>).
          </p>
        </div>
      ) : visible.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border-strong p-4 text-center text-sm text-muted">
          No claims match these filters.
        </p>
      ) : (
        <ol className="grid gap-2" aria-label="Claims in document order">
          {shown.map((claim) => {
            const { verdicts, sources } = claim;
            return (
              <li key={claim.id}>
                <button
                  type="button"
                  onClick={() => onOpen(claim.id)}
                  aria-current={claim.id === activeId ? "true" : undefined}
                  className={cn(
                    "grid w-full gap-1.5 rounded-lg border bg-surface p-3 text-left shadow-xs hover:border-border-strong",
                    claim.id === activeId ? "border-accent" : "border-border",
                  )}
                  data-claim-id={claim.id}
                >
                  <span className="line-clamp-3 font-serif text-sm leading-snug text-ink">{claim.exact}</span>
                  <span className="flex flex-wrap items-center gap-2 text-xs text-muted">
                    <ClaimStatusBadge status={claim.status} />
                    {claim.claimant ? <span>{claim.claimant}</span> : null}
                    <span className="ml-auto tabular-nums">
                      {plural(verdicts, "verdict")} · {plural(sources, "source")}
                    </span>
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
