"use client";

import { useState } from "react";
import { ExternalLink } from "lucide-react";
import { api, ApiError, type ApiRequest } from "@/lib/api-client";
import type { AnnotationDTO } from "@/lib/claims/present";
import { STANCE_LABELS } from "@/lib/verdicts";
import { formatDateTime } from "@/lib/format";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { AnnotationStatusBadge } from "@/components/claims/status-badge";
import { VerdictBadge } from "@/components/claims/verdict-badge";
import { RichText } from "@/components/claims/rich-text";
import { SourceForm, VerificationForm } from "@/components/claims/annotation-forms";
import { ReviewPanel } from "@/components/claims/review-panel";
import { SourceArchive } from "@/components/claims/source-archive";

const STANCE_STYLE = {
  supports: "text-success",
  refutes: "text-danger",
  context: "text-muted",
} as const;

/** One source or verdict, with the actions its author may take. */
export function AnnotationCard({ annotation, onChanged }: { annotation: AnnotationDTO; onChanged: () => void }) {
  const [editing, setEditing] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function act(path: string, method: NonNullable<ApiRequest["method"]>, body?: unknown) {
    setPending(true);
    setError(null);
    try {
      await api(path, { method, body });
      onChanged();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "Something went wrong.");
    } finally {
      setPending(false);
      setConfirmingDelete(false);
    }
  }

  if (editing) {
    const common = {
      claimId: annotation.claimId,
      onSaved: () => {
        setEditing(false);
        onChanged();
      },
      onCancel: () => setEditing(false),
      onReload: () => {
        setEditing(false);
        onChanged();
      },
    };
    return annotation.kind === "source" ? (
      <SourceForm {...common} existing={annotation} />
    ) : (
      <VerificationForm {...common} existing={annotation} />
    );
  }

  const label = annotation.kind === "source" ? `Source: ${annotation.title}` : "Verdict";
  return (
    <article aria-label={label} className="grid gap-2 rounded-lg border border-border bg-surface p-3" data-annotation-id={annotation.id}>
      <header className="flex flex-wrap items-center gap-2 text-xs text-muted">
        {annotation.kind === "verification" ? <VerdictBadge verdict={annotation.verdict} /> : null}
        {annotation.kind === "source" ? (
          <span className={`font-semibold ${STANCE_STYLE[annotation.stance]}`}>{STANCE_LABELS[annotation.stance]}</span>
        ) : null}
        <AnnotationStatusBadge status={annotation.status} />
        <span className="ml-auto">
          {annotation.author.name} · v{annotation.version} · {formatDateTime(annotation.updatedAt)}
        </span>
      </header>

      {annotation.kind === "source" ? (
        <div className="grid gap-1 text-sm">
          <a
            href={annotation.url}
            target="_blank"
            rel="noopener noreferrer nofollow"
            className="inline-flex items-start gap-1 font-medium text-accent hover:underline"
          >
            <span>{annotation.title}</span>
            <ExternalLink aria-hidden className="mt-0.5 size-3.5 shrink-0" />
          </a>
          {annotation.publisher ? <span className="text-xs text-muted">{annotation.publisher}</span> : null}
          {annotation.excerpt ? (
            <blockquote className="border-l-2 border-border-strong pl-2 text-muted">{annotation.excerpt}</blockquote>
          ) : null}
          <SourceArchive annotationId={annotation.id} title={annotation.title} archive={annotation.archive} />
        </div>
      ) : (
        <RichText doc={annotation.rationale} />
      )}

      {error ? <Alert tone="danger">{error}</Alert> : null}

      {annotation.can.edit || annotation.can.delete || annotation.can.submit || annotation.can.withdraw ? (
        <footer className="flex flex-wrap items-center gap-1.5 pt-1">
          {confirmingDelete ? (
            <>
              <span className="text-xs text-danger">Delete this {annotation.kind === "source" ? "source" : "verdict"}?</span>
              <Button size="sm" variant="danger" disabled={pending} onClick={() => void act(`/api/annotations/${annotation.id}`, "DELETE")}>
                Delete
              </Button>
              <Button size="sm" variant="ghost" autoFocus onClick={() => setConfirmingDelete(false)}>
                Keep
              </Button>
            </>
          ) : (
            <>
              {annotation.can.submit ? (
                <Button
                  size="sm"
                  disabled={pending}
                  onClick={() => void act(`/api/annotations/${annotation.id}/submit`, "POST", { version: annotation.version })}
                >
                  Submit for review
                </Button>
              ) : null}
              {annotation.can.withdraw ? (
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={pending}
                  onClick={() => void act(`/api/annotations/${annotation.id}/withdraw`, "POST", {})}
                >
                  Withdraw
                </Button>
              ) : null}
              {annotation.can.edit ? (
                <Button size="sm" variant="ghost" disabled={pending} onClick={() => setEditing(true)}>
                  Edit
                </Button>
              ) : null}
              {annotation.can.delete ? (
                <Button size="sm" variant="ghost" className="text-danger" disabled={pending} onClick={() => setConfirmingDelete(true)}>
                  Delete
                </Button>
              ) : null}
            </>
          )}
        </footer>
      ) : null}

      <ReviewPanel annotation={annotation} onChanged={onChanged} />
    </article>
  );
}
