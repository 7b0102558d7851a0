"use client";

import { useId, useState } from "react";
import Link from "next/link";
import { api, ApiError } from "@/lib/api-client";
import type { PreviewClaimDTO, PublishPreviewDTO, VersionSummaryDTO } from "@/lib/versions/present";
import { isEmptyDiff } from "@/lib/versions/diff-versions";
import { MAX_VERSION_NOTE_CHARS } from "@/lib/versions/schemas";
import { versionPath } from "@/lib/versions/urls";
import { VERDICT_SCALE, PUBLISHED_STATUS_INFO } from "@/lib/verdicts";
import { formatDate, plural } from "@/lib/format";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

type Published = VersionSummaryDTO & { url: string };

function ClaimList({ title, claims, status }: { title: string; claims: readonly PreviewClaimDTO[]; status: "verified" | "disputed" | "unverified" }) {
  const info = PUBLISHED_STATUS_INFO[status];
  return (
    <section aria-label={title} className="grid gap-2">
      <h3 className="flex items-center gap-2 text-sm font-semibold">
        <span className="rounded px-1.5 py-0.5 text-xs" style={{ color: info.color, backgroundColor: info.tint }}>
          {claims.length}
        </span>
        {title}
      </h3>
      {claims.length === 0 ? (
        <p className="text-sm text-muted">None.</p>
      ) : (
        <ul className="grid gap-1.5">
          {claims.map((claim) => (
            <li key={claim.id} className="rounded-md border border-border px-3 py-2 text-sm">
              <p className="font-serif">{claim.exact}</p>
              <p className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-muted">
                {claim.verdicts.map((verdict) => (
                  <span
                    key={verdict}
                    className="rounded px-1.5 py-px font-semibold"
                    style={{ color: VERDICT_SCALE[verdict].color, backgroundColor: VERDICT_SCALE[verdict].tint }}
                  >
                    {VERDICT_SCALE[verdict].label}
                  </span>
                ))}
                {claim.claimant ? <span>{claim.claimant}</span> : null}
                <span>{plural(claim.sources, "approved source")}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The publish page's form: what will be included, an optional note, and publish with a confirmation. */
export function PublishForm({ preview }: { preview: PublishPreviewDTO }) {
  const id = useId();
  const [note, setNote] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [noteError, setNoteError] = useState<string | null>(null);
  const [published, setPublished] = useState<Published | null>(null);
  const number = preview.nextNumber;
  const changes = preview.changes;

  async function publish() {
    setPending(true);
    setError(null);
    setNoteError(null);
    try {
      const result = await api<Published>(`/api/articles/${preview.articleId}/versions`, {
        method: "POST",
        body: note.trim() === "" ? {} : { note: note.trim() },
      });
      setPublished(result);
      setConfirming(false);
    } catch (caught) {
      if (caught instanceof ApiError && caught.fields.note) {
        setNoteError(caught.fields.note);
        setConfirming(false);
      } else {
        setError(caught instanceof ApiError ? caught.message : "Could not publish.");
      }
    } finally {
      setPending(false);
    }
  }

  if (published) {
    return (
      <Card className="grid gap-3 p-6" data-testid="published">
        <Alert tone="success">
          Version {published.number} is published. It can no longer be changed; corrections go into a later version.
        </Alert>
        <p className="text-sm">
          Public link:{" "}
          <Link href={versionPath(published.articleId, published.number)} className="break-all font-medium text-accent hover:underline">
            {published.url}
          </Link>
        </p>
        <p className="break-all text-xs text-muted">sha256 {published.sha256}</p>
        <div className="flex flex-wrap gap-2">
          <Button asChild>
            <Link href={versionPath(published.articleId, published.number)}>Open the public page</Link>
          </Button>
          <Button asChild variant="secondary">
            <Link href={`/articles/${published.articleId}`}>Back to the article</Link>
          </Button>
        </div>
      </Card>
    );
  }

  return (
    <div className="grid gap-6">
      <Card className="grid gap-5 p-5">
        <div>
          <h2 className="text-base font-semibold">What version {number} will include</h2>
          <p className="mt-1 text-sm text-muted">
            Revision {preview.revision.number} of the article, its claims, and only their approved sources and verdicts. Drafts,
            work in review and discussions stay inside the desk.
          </p>
        </div>
        {preview.verified.length === 0 ? (
          <Alert tone="info">No claim is verified yet. You can still publish, but readers will see no verdicts.</Alert>
        ) : null}
        <ClaimList title="Verified: highlighted with their verdicts" claims={preview.verified} status="verified" />
        <ClaimList title="Disputed: the approved verdicts disagree" claims={preview.disputed} status="disputed" />
        <ClaimList title="Not yet verified: shown as open claims" claims={preview.unverified} status="unverified" />
      </Card>

      {changes && preview.latest ? (
        <Card className="grid gap-2 p-5 text-sm">
          <h2 className="text-base font-semibold">
            Since version {preview.latest.number} ({formatDate(preview.latest.publishedAt)})
          </h2>
          {isEmptyDiff(changes) ? (
            <p className="text-muted">Nothing has changed: the new version would repeat version {preview.latest.number}.</p>
          ) : (
            <ul className="grid list-disc gap-1 pl-5">
              {changes.revisionChanged ? <li>The article text was corrected (revision {changes.toRevision}).</li> : null}
              {changes.verdictChanges.length ? <li>{plural(changes.verdictChanges.length, "verdict")} changed — a correction readers of every version will see.</li> : null}
              {changes.claimsAdded.length ? <li>{plural(changes.claimsAdded.length, "claim")} added.</li> : null}
              {changes.claimsRemoved.length ? <li>{plural(changes.claimsRemoved.length, "claim")} removed.</li> : null}
              {changes.sourcesAdded.length ? <li>{plural(changes.sourcesAdded.length, "source")} added.</li> : null}
              {changes.sourcesRemoved.length ? <li>{plural(changes.sourcesRemoved.length, "source")} removed.</li> : null}
            </ul>
          )}
        </Card>
      ) : null}

      <Card className="grid gap-4 p-5">
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-note`}>Note for readers (optional)</Label>
          <Textarea
            id={`${id}-note`}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            maxLength={MAX_VERSION_NOTE_CHARS}
            aria-invalid={noteError ? true : undefined}
            aria-describedby={`${id}-note-hint`}
            placeholder="What this version changes, e.g. “Corrected the verdict on the Kremlin claim after new evidence.”"
          />
          <p id={`${id}-note-hint`} className={noteError ? "text-xs font-medium text-danger" : "text-xs text-muted"}>
            {noteError ?? "Shown on the version’s page and in the corrections log."}
          </p>
        </div>
        {error && !confirming ? <Alert tone="danger">{error}</Alert> : null}
        <div>
          <Button onClick={() => setConfirming(true)}>Publish version {number}</Button>
        </div>
      </Card>

      {confirming ? (
        <ConfirmDialog
          title={`Publish version ${number}?`}
          confirmLabel={`Confirm and publish version ${number}`}
          pendingLabel="Publishing…"
          tone="primary"
          pending={pending}
          error={error}
          onCancel={() => {
            setConfirming(false);
            setError(null);
          }}
          onConfirm={publish}
        >
          <p>
            Anyone with the link will be able to read it: {plural(preview.verified.length, "verified claim")},{" "}
            {plural(preview.disputed.length, "disputed claim")} and {plural(preview.unverified.length, "claim")} not yet verified,
            with their approved sources and verdicts.
          </p>
          <p className="font-medium text-ink">A published version cannot be changed. Corrections go into a later version.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
