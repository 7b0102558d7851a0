"use client";

import { useEffect, useState } from "react";
import { Archive, LoaderCircle, RotateCcw, TriangleAlert } from "lucide-react";
import { api, ApiError } from "@/lib/api-client";
import type { AnnotationDTO } from "@/lib/claims/present";
import { archivedCopyLabel, type SourceArchiveDTO } from "@/lib/archives/present-archive";
import { formatDateTime } from "@/lib/format";
import { Button } from "@/components/ui/button";

const POLL_MS = 2_500;

/**
 * The archived copy of a source's page: archiving… (checked every few seconds), archived with
 * its time and a link to the copy, or failed with the reason and a retry.
 */
export function SourceArchive({
  annotationId,
  title,
  archive: initial,
}: {
  annotationId: string;
  /** The source's title, which the link to its copy names for screen readers. */
  title: string;
  archive: SourceArchiveDTO | null;
}) {
  const [archive, setArchive] = useState<SourceArchiveDTO | null>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A fresh annotation from the server replaces what this card learnt by polling.
  const [shown, setShown] = useState(initial);
  if (shown !== initial) {
    setShown(initial);
    setArchive(initial);
  }

  const pending = archive?.status === "pending";
  useEffect(() => {
    if (!pending) return;
    let stopped = false;
    const timer = setInterval(() => {
      api<AnnotationDTO>(`/api/annotations/${annotationId}`)
        .then((annotation) => {
          if (!stopped && annotation.kind === "source") setArchive(annotation.archive);
        })
        .catch(() => {
          // A failed check is tried again at the next tick.
        });
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [annotationId, pending]);

  async function retry() {
    setBusy(true);
    setError(null);
    try {
      setArchive(await api<SourceArchiveDTO>(`/api/annotations/${annotationId}/archive`, { method: "POST", body: {} }));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "Could not ask for a new copy.");
    } finally {
      setBusy(false);
    }
  }

  const retryButton = (label: string) => (
    <Button size="sm" variant="ghost" disabled={busy} onClick={() => void retry()}>
      <RotateCcw aria-hidden /> {label}
    </Button>
  );

  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted" data-testid="source-archive" aria-live="polite">
      {archive === null ? (
        <>
          <Archive aria-hidden className="size-3.5" />
          <span>No archived copy.</span>
          {retryButton("Archive now")}
        </>
      ) : archive.status === "pending" ? (
        <>
          <LoaderCircle aria-hidden className="size-3.5 animate-spin motion-reduce:animate-none" />
          <span>Archiving…</span>
        </>
      ) : archive.status === "archived" ? (
        <>
          <span className="inline-flex min-w-0 items-start gap-1.5">
            <Archive aria-hidden className="mt-0.5 size-3.5 shrink-0 text-success" />
            <span>
              Archived {formatDateTime(archive.archivedAt)} ·{" "}
              <a
                href={archive.url ?? "#"}
                target="_blank"
                rel="noopener noreferrer"
                className="font-medium text-accent hover:underline"
                aria-label={`${archivedCopyLabel(title, formatDateTime(archive.archivedAt))} (opens in a new tab)`}
              >
                View archived copy
              </a>
              {archive.waybackUrl ? (
                <>
                  {" · "}
                  <a
                    href={archive.waybackUrl}
                    target="_blank"
                    rel="noopener noreferrer"
                    className="font-medium text-accent hover:underline"
                    aria-label={`Internet Archive copy of ${title.trim() || "the source"} (opens in a new tab)`}
                  >
                    Internet Archive
                  </a>
                </>
              ) : null}
            </span>
          </span>
        </>
      ) : (
        <>
          <span className="inline-flex min-w-0 flex-1 basis-48 items-start gap-1.5 text-danger">
            <TriangleAlert aria-hidden className="mt-0.5 size-3.5 shrink-0" />
            <span>Not archived: {archive.error ?? "the page could not be copied."}</span>
          </span>
          {retryButton("Retry")}
        </>
      )}
      {error ? <span className="text-danger">{error}</span> : null}
    </div>
  );
}
