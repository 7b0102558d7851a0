"use client";

import Link from "next/link";
import type { Editor } from "@tiptap/react";
import { History, Pencil } from "lucide-react";
import { EditToolbar } from "@/components/claims/edit-toolbar";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import type { RevisionEditing } from "@/components/claims/workspace/use-revision-editing";

/**
 * Above the text: the revision shown (or being corrected) with a link to its history, the edit
 * controls for editors, the formatting toolbar in edit mode, and what went wrong or was saved.
 */
export function RevisionBar({
  articleId,
  revisionNumber,
  editor,
  canRevise,
  contentError,
  revision,
}: {
  articleId: string;
  /** The article's current revision. */
  revisionNumber: number;
  editor: Editor | null;
  canRevise: boolean;
  /** Why the stored document could not be loaded into the editor, if it could not. */
  contentError: string | null;
  revision: RevisionEditing;
}) {
  const { editing, editBase } = revision;
  return (
    <>
      <div className="-mx-2 mb-2 flex flex-wrap items-center justify-between gap-2 border-b border-border pb-3 text-sm sm:-mx-6">
        <span className="flex items-center gap-3 text-muted">
          <span>
            Revision{" "}
            <span className="font-medium text-ink tabular-nums" data-testid="revision-number">
              {editing ? editBase : revisionNumber}
            </span>
            {editing ? <span className="ml-1.5 font-medium text-accent">· editing</span> : null}
          </span>
          <Link href={`/articles/${articleId}/revisions`} className="inline-flex items-center gap-1 hover:text-ink hover:underline">
            <History aria-hidden className="size-3.5" /> History
          </Link>
        </span>
        {canRevise ? (
          editing ? (
            <span className="flex items-center gap-2">
              <Button variant="ghost" size="sm" onClick={revision.cancel} disabled={revision.saving}>
                Cancel
              </Button>
              <Button size="sm" onClick={() => void revision.save()} disabled={revision.saving || contentError !== null}>
                {revision.saving ? "Saving…" : "Save revision"}
              </Button>
            </span>
          ) : (
            <Button
              variant="secondary"
              size="sm"
              onClick={revision.start}
              disabled={!editor || contentError !== null}
              title={contentError ? "Editing is disabled: the stored document could not be loaded." : undefined}
            >
              <Pencil aria-hidden /> Edit text
            </Button>
          )
        ) : null}
      </div>
      {editing && editor ? (
        <div className="sticky top-0 z-10 -mx-2 mb-2 grid gap-2 bg-surface py-2 sm:-mx-6">
          <EditToolbar editor={editor} />
          <p className="text-xs text-muted">
            Correct the text, then save it as revision {(editBase ?? 0) + 1}. Claims stay highlighted and move with the
            text; a claim whose words you rewrite is listed as orphaned after saving.
          </p>
        </div>
      ) : null}
      {revision.behind ? (
        <Alert tone="danger" className="mb-2">
          Someone saved revision {revisionNumber} while you were editing revision {editBase}. Saving will be refused: copy
          your changes, then Cancel to load the new revision.
        </Alert>
      ) : null}
      {revision.error ? (
        <Alert tone="danger" className="mb-2">
          {revision.error}
        </Alert>
      ) : null}
      {contentError ? (
        <Alert tone="danger" className="mb-2">
          This revision could not be loaded into the editor ({contentError}). Editing is disabled so that nothing is lost.
        </Alert>
      ) : null}
      {revision.notice && !editing ? (
        <Alert tone="success" className="mb-2" data-testid="revision-notice">
          {revision.notice}
        </Alert>
      ) : null}
    </>
  );
}
