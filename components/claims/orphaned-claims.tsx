"use client";

import { useState } from "react";
import { Link2 } from "lucide-react";
import { api, ApiError } from "@/lib/api-client";
import type { ClaimSummaryDTO } from "@/lib/claims/present";
import { plural } from "@/lib/format";
import { CLAIM_STATUS_INFO } from "@/lib/claims/status-labels";
import { DEFAULT_CONTEXT_LENGTH } from "@/lib/anchoring";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

/** True when a stored context was cut by length (not by the edge of the text), mid-word maybe. */
function wasCut(context: string): boolean {
  return context.length >= DEFAULT_CONTEXT_LENGTH - 1;
}

/** The stored prefix, on one line, from its first whole word when it was cut. */
function contextBefore(prefix: string): string {
  const flat = prefix.replace(/\s+/g, " ");
  if (!wasCut(prefix)) return flat.trimStart();
  const cut = flat.indexOf(" ");
  return `…${cut >= 0 && cut < flat.length - 1 ? flat.slice(cut + 1) : flat}`;
}

/** The stored suffix, on one line, up to its last whole word when it was cut. */
function contextAfter(suffix: string): string {
  const flat = suffix.replace(/\s+/g, " ");
  if (!wasCut(suffix)) return flat.trimEnd();
  const cut = flat.lastIndexOf(" ");
  return `${cut > 0 ? flat.slice(0, cut) : flat}…`;
}

/**
 * Claims whose text could not be found in the current revision (D2), with their original
 * quote in its context, so someone can put each back on text ("Re-attach to selection", after
 * selecting the words in the article) or close it (remove the claim: editors, or the creator
 * of a claim nobody has annotated). Nothing is attached anywhere without a person choosing.
 */
export function OrphanedClaims({
  claims,
  canReattach,
  error,
  onReattach,
  onOpen,
  onClosed,
}: {
  claims: ClaimSummaryDTO[];
  /** True while text is selected in the article (and it is not being edited). */
  canReattach: boolean;
  error: string | null;
  onReattach: (claimId: string) => void;
  onOpen: (claimId: string) => void;
  onClosed: () => void;
}) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [closeError, setCloseError] = useState<string | null>(null);
  if (claims.length === 0) return null;

  async function close(claimId: string) {
    setCloseError(null);
    try {
      await api(`/api/claims/${claimId}`, { method: "DELETE" });
      setConfirming(null);
      onClosed();
    } catch (caught) {
      setCloseError(caught instanceof ApiError ? caught.message : "Could not close the claim.");
      setConfirming(null);
    }
  }

  return (
    <section aria-labelledby="orphaned-heading" className="grid gap-3 border-t border-border pt-4" data-testid="orphaned-claims">
      <div className="flex items-baseline justify-between">
        <h2 id="orphaned-heading" className="text-sm font-semibold">
          Orphaned claims
        </h2>
        <span className="text-xs text-muted">{plural(claims.length, "claim")}</span>
      </div>
      <p className="text-xs text-muted">
        Their text is no longer in the article. Select the words they now refer to and re-attach them, or close them.
      </p>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      {closeError ? <Alert tone="danger">{closeError}</Alert> : null}
      <ol className="grid gap-2" aria-label="Orphaned claims">
        {claims.map((claim) => (
          <li key={claim.id} className="grid gap-2 rounded-lg border border-dashed border-border-strong bg-canvas/60 p-3" data-claim-id={claim.id}>
            <p className="text-xs font-medium uppercase tracking-wide text-muted">Original quote</p>
            <blockquote className="font-serif text-sm leading-snug text-muted">
              {contextBefore(claim.prefix)}
              <mark
                className="rounded-sm px-0.5 text-ink"
                style={{ backgroundColor: CLAIM_STATUS_INFO.orphaned.tint, boxShadow: `inset 0 -1px 0 ${CLAIM_STATUS_INFO.orphaned.underline}` }}
                data-testid="orphaned-quote"
              >
                {claim.exact}
              </mark>
              {contextAfter(claim.suffix)}
            </blockquote>
            <p className="text-xs text-muted">
              Marked by {claim.createdBy.name}
              {claim.claimant ? ` · claimed by ${claim.claimant}` : ""} · {plural(claim.annotations.length, "annotation")}
            </p>
            <div className="flex flex-wrap gap-1.5">
              <Button
                size="sm"
                variant="secondary"
                disabled={!canReattach}
                title={canReattach ? undefined : "Select the new text in the article first."}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => onReattach(claim.id)}
              >
                <Link2 aria-hidden /> Re-attach to selection
              </Button>
              <Button size="sm" variant="ghost" onClick={() => onOpen(claim.id)}>
                Details
              </Button>
              {claim.can.delete ? (
                confirming === claim.id ? (
                  <span className="flex items-center gap-1.5">
                    <Button size="sm" variant="danger" onClick={() => void close(claim.id)}>
                      Close claim
                    </Button>
                    <Button size="sm" variant="ghost" autoFocus onClick={() => setConfirming(null)}>
                      Keep
                    </Button>
                  </span>
                ) : (
                  <Button size="sm" variant="ghost" className="text-danger" onClick={() => setConfirming(claim.id)}>
                    Close…
                  </Button>
                )
              ) : null}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
