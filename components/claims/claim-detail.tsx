"use client";

import { useState } from "react";
import { ArrowLeft, Plus } from "lucide-react";
import { api, ApiError } from "@/lib/api-client";
import type { ClaimDTO, ClaimSummaryDTO } from "@/lib/claims/present";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { ClaimStatusBadge } from "@/components/claims/status-badge";
import { AnnotationCard } from "@/components/claims/annotation-card";
import { SourceForm, VerificationForm } from "@/components/claims/annotation-forms";
import { ClaimHistory } from "@/components/claims/claim-history";
import { CheckedBefore } from "@/components/search/checked-before";
import { AssignmentControl } from "@/components/assignments/assignment-control";

type Adding = "source" | "verification" | null;

/** Changes whenever anything on the claim changes, so an open history reloads. */
function historyVersion(claim: ClaimDTO): string {
  return [
    claim.status,
    `${claim.assignment?.assignee.id ?? ""}@${claim.assignment?.dueAt ?? ""}`,
    ...claim.annotations.map(
      (annotation) => `${annotation.id}:${annotation.version}:${annotation.status}:${annotation.reviews.length}:${annotation.replies.length}`,
    ),
  ].join("|");
}

/** One claim: its quote, verdicts and sources, and the forms to add more. */
export function ClaimDetail({
  claim,
  error: loadError = null,
  onBack,
  onChanged,
  onDeleted,
  onShowInText,
  viewerId,
}: {
  claim: ClaimDTO;
  /** The signed-in user, who may take the claim for themselves. */
  viewerId: string;
  /** Why the claim could not be refreshed; what is shown is then the last one loaded. */
  error?: string | null;
  onBack: () => void;
  onChanged: () => void;
  onDeleted: () => void;
  /** Selects the claim in the article; absent for an orphaned claim, which has no place there. */
  onShowInText?: () => void;
}) {
  const [adding, setAdding] = useState<Adding>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const verdicts = claim.annotations.filter((annotation) => annotation.kind === "verification");
  const sources = claim.annotations.filter((annotation) => annotation.kind === "source");

  async function deleteClaim() {
    setError(null);
    try {
      await api(`/api/claims/${claim.id}`, { method: "DELETE" });
      onDeleted();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "Could not delete the claim.");
      setConfirmDelete(false);
    }
  }

  const formProps = {
    claimId: claim.id,
    onSaved: () => {
      setAdding(null);
      onChanged();
    },
    onCancel: () => setAdding(null),
    onReload: onChanged,
  };

  return (
    <section aria-labelledby={`claim-heading-${claim.id}`} className="grid gap-4" data-testid="claim-detail">
      <ClaimDetailHeader status={claim.status} onBack={onBack} />

      <div className="grid gap-2">
        <h2 id={`claim-heading-${claim.id}`} className="sr-only">
          Claim
        </h2>
        <blockquote className="border-l-4 border-accent/40 pl-3 font-serif text-[0.95rem] leading-relaxed text-ink">
          {claim.exact}
        </blockquote>
        <p className="text-xs text-muted">
          {claim.claimant ? (
            <>
              Claimed by <span className="font-medium text-ink">{claim.claimant}</span> ·{" "}
            </>
          ) : null}
          Marked by {claim.createdBy.name}
        </p>
        <AssignmentControl
          endpoint={`/api/claims/${claim.id}/assignment`}
          assignment={claim.assignment}
          can={claim.can}
          viewerId={viewerId}
          onChanged={onChanged}
        />
        <div className="flex flex-wrap gap-1.5">
          {onShowInText ? (
            <Button variant="secondary" size="sm" onClick={onShowInText}>
              Show in text
            </Button>
          ) : null}
          {claim.can.delete ? (
            confirmDelete ? (
              <span className="flex items-center gap-1.5">
                <Button variant="danger" size="sm" onClick={() => void deleteClaim()}>
                  Delete claim
                </Button>
                <Button variant="ghost" size="sm" autoFocus onClick={() => setConfirmDelete(false)}>
                  Keep
                </Button>
              </span>
            ) : (
              <Button variant="ghost" size="sm" className="text-danger" onClick={() => setConfirmDelete(true)}>
                Delete…
              </Button>
            )
          ) : null}
        </div>
        {error ? <Alert tone="danger">{error}</Alert> : null}
        {loadError ? <Alert tone="danger">Could not refresh this claim: {loadError}</Alert> : null}
      </div>

      <CheckedBefore claimId={claim.id} canAnnotate={claim.can.annotate} onSourcesAdded={onChanged} />

      <div className="grid gap-2">
        <div className="flex items-center justify-between">
          <h3 className="text-sm font-semibold">Verdicts</h3>
          {claim.can.annotate && adding !== "verification" ? (
            <Button variant="secondary" size="sm" onClick={() => setAdding("verification")}>
              <Plus aria-hidden /> Add verdict
            </Button>
          ) : null}
        </div>
        {adding === "verification" ? <VerificationForm {...formProps} /> : null}
        {verdicts.length === 0 && adding !== "verification" ? (
          <p className="text-sm text-muted">No verdict yet.</p>
        ) : null}
        {verdicts.map((annotation) => (
          <AnnotationCard key={annotation.id} annotation={annotation} onChanged={onChanged} />
        ))}
      </div>

      <div className="grid gap-2">
        <div className="flex items-center justify-between">
          <h3 className="text-sm font-semibold">Sources</h3>
          {claim.can.annotate && adding !== "source" ? (
            <Button variant="secondary" size="sm" onClick={() => setAdding("source")}>
              <Plus aria-hidden /> Add source
            </Button>
          ) : null}
        </div>
        {adding === "source" ? <SourceForm {...formProps} /> : null}
        {sources.length === 0 && adding !== "source" ? <p className="text-sm text-muted">No sources yet.</p> : null}
        {sources.map((annotation) => (
          <AnnotationCard key={annotation.id} annotation={annotation} onChanged={onChanged} />
        ))}
      </div>

      <ClaimHistory claimId={claim.id} version={historyVersion(claim)} />
    </section>
  );
}

/** The open claim while its annotations load, or when they could not be loaded. */
export function ClaimDetailLoading({
  claim,
  error,
  onBack,
  onRetry,
}: {
  claim: Pick<ClaimSummaryDTO, "exact" | "status">;
  error: string | null;
  onBack: () => void;
  onRetry: () => void;
}) {
  return (
    <section aria-label="Claim" aria-busy={error ? undefined : "true"} className="grid gap-4" data-testid="claim-detail-loading">
      <ClaimDetailHeader status={claim.status} onBack={onBack} />
      <blockquote className="border-l-4 border-accent/40 pl-3 font-serif text-[0.95rem] leading-relaxed text-ink">
        {claim.exact}
      </blockquote>
      {error ? (
        <Alert tone="danger">
          <span className="flex flex-wrap items-center justify-between gap-2">
            <span>Could not load this claim: {error}</span>
            <Button variant="secondary" size="sm" onClick={onRetry}>
              Try again
            </Button>
          </span>
        </Alert>
      ) : (
        <div className="grid gap-3">
          <span className="sr-only">Loading verdicts and sources…</span>
          {[0, 1, 2].map((line) => (
            <div key={line} className="h-14 animate-pulse rounded-lg bg-border/60" />
          ))}
        </div>
      )}
    </section>
  );
}

/** Back to the list, and the claim's status: the top of the panel, loaded or not. */
function ClaimDetailHeader({ status, onBack }: { status: ClaimDTO["status"]; onBack: () => void }) {
  return (
    <div className="flex items-center justify-between gap-2">
      <Button variant="ghost" size="sm" onClick={onBack} className="-ml-2">
        <ArrowLeft aria-hidden /> All claims
      </Button>
      <ClaimStatusBadge status={status} />
    </div>
  );
}
