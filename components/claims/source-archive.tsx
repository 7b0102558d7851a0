"use client";

import { useEffect, useState } from "react";
import { Archive, LoaderCircle, RotateCcw, TriangleAlert } from "lucide-react";
import { api, ApiError } from "@/lib/api-client";
import type { AnnotationDTO } from "@/lib/claims/present";
import { archivedCopyLabel, type SourceArchiveDTO } from "@/lib/archives/present-archive";
import { formatDateTime } from "@/lib/format";
import { Button } from "@/components/ui/button";
import { useFollowsArticle } from "@/components/claims/workspace/follows-article";

/** How often a card away from an article page (the review queue) checks a copy still being taken. */
const POLL_MS = 2_500;

/**
 * The archived copy of a source's page: archiving…, archived with its time and a link to the
 * copy, or failed with the reason and a retry.
 *
 * On the article page a retry and its outcome arrive as live changes (`archive.requested`,
 * `archive.archived` or `archive.failed`, D9): the page reads the open claim again and this card gets the new
 * `archive`, in every open page of the article whose reader may see the source. Elsewhere no
 * change stream is open, so a pending copy is checked every few seconds instead.
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const followsArticle = useFollowsArticle();
  // What this card learnt itself (a retry's answer, a check), and from which `archive` it was
  // asked: a fresher annotation from the server (a live change read the claim again) wins, even
  // over an answer that arrives after it.
  const [learnt, setLearnt] = useState<{ from: SourceArchiveDTO | null; archive: SourceArchiveDTO | null } | null>(null);
  const archive = learnt !== null && learnt.from === initial ? learnt.archive : initial;

  const pending = archive?.status === "pending";
  useEffect(() => {
    if (!pending || followsArticle) return;
    let stopped = false;
    const timer = setInterval(() => {
      api<AnnotationDTO>(`/api/annotations/${annotationId}`)
        .then((annotation) => {
          if (!stopped && annotation.kind === "source") setLearnt({ from: initial, archive: annotation.archive });
        })
        .catch(() => {
          // A failed check is tried again at the next tick.
        });
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [annotationId, pending, followsArticle, initial]);

  async function retry() {
    const from = initial;
    setBusy(true);
    setError(null);
    try {
      const answer = await api<SourceArchiveDTO>(`/api/annotations/${annotationId}/archive`, { method: "POST", body: {} });
      setLearnt({ from, archive: answer });
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
