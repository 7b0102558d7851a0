"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import type { Node as PMNode } from "@tiptap/pm/model";
import { TextSelection } from "@tiptap/pm/state";
import { History, Highlighter, Pencil } from "lucide-react";
import { canonicalText, describeRange } from "@/lib/anchoring";
import { articleExtensions } from "@/lib/editor/extensions";
import { articleDocumentProblem, countBlocks, sizeProblem } from "@/lib/editor/article-document-rules";
import { api, ApiError } from "@/lib/api-client";
import type { ArticleDTO, CreatedRevisionDTO } from "@/lib/articles/present";
import type { ClaimDTO } from "@/lib/claims/present";
import { listedClaim, workspaceArticle, type ListedClaim, type WorkspaceArticle } from "@/components/claims/listed-claim";
import { plural } from "@/lib/format";
import { ClaimHighlights, claimRange, type ClaimHighlight } from "@/components/editor/claim-highlights";
import { ReadOnlyText, isTextLocked } from "@/components/editor/read-only-text";
import { SafePaste } from "@/components/editor/safe-paste";
import { EditToolbar } from "@/components/claims/edit-toolbar";
import { OrphanedClaims } from "@/components/claims/orphaned-claims";
import { MarkClaimShortcut } from "@/components/editor/mark-claim-shortcut";
import { ClaimList, type ClaimFilters } from "@/components/claims/claim-list";
import { ClaimDetail, ClaimDetailLoading } from "@/components/claims/claim-detail";
import { useClaimDetail } from "@/components/claims/use-claim-detail";
import { NewClaimForm } from "@/components/claims/new-claim-form";
import { useArticleEvents } from "@/components/claims/use-article-events";
import { ArticleProgress } from "@/components/claims/article-progress";
import { ArticlePreview } from "@/components/claims/article-preview";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

interface PendingClaim {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

/** The selection as canonical offsets, trimmed of surrounding white space; null when empty. */
function selectionToClaim(doc: Parameters<typeof canonicalText>[0], from: number, to: number): PendingClaim | null {
  const map = canonicalText(doc);
  let { start, end } = map.positionsToRange(from, to);
  while (start < end && /\s/.test(map.text[start] ?? "")) start += 1;
  while (end > start && /\s/.test(map.text[end - 1] ?? "")) end -= 1;
  if (start >= end) return null;
  const { quote } = describeRange(map.text, start, end);
  return { ...quote, start, end };
}

/**
 * Why the edited document cannot be saved, or null: the same rules the server applies
 * (lib/editor/article-document-rules.ts), checked first so the editor refuses without a
 * round trip. Tiptap keeps a `javascript:` href in `getJSON()` even though it never renders it.
 */
function documentProblem(doc: PMNode): string | null {
  const problem = articleDocumentProblem(doc);
  if (problem) return problem;
  const text = canonicalText(doc).text;
  if (text.trim() === "") return "An article cannot be emptied; write its text.";
  return sizeProblem(countBlocks(doc), text.length);
}

/** Claims as the editor's highlights need them. */
function highlightsOf(claims: readonly ListedClaim[]): ClaimHighlight[] {
  return claims.map((claim) => ({ id: claim.id, start: claim.start, end: claim.end, status: claim.status }));
}

/** What a saved revision did to the claims, in a sentence. */
function revisionSummary(created: CreatedRevisionDTO): string {
  const { claims } = created;
  const parts = [`Saved revision ${created.number}.`];
  const kept = claims.unchanged + claims.moved + claims.changed;
  if (kept > 0) {
    const changed = claims.changed > 0 ? ` (${claims.changed} with changed words)` : "";
    parts.push(`${plural(kept, "claim")} kept ${kept === 1 ? "its" : "their"} place${changed}.`);
  }
  if (claims.needsReverification > 0) {
    parts.push(`${plural(claims.needsReverification, "claim")} need${claims.needsReverification === 1 ? "s" : ""} re-verification.`);
  }
  if (claims.orphaned > 0) {
    parts.push(`${plural(claims.orphaned, "claim")} lost ${claims.orphaned === 1 ? "its" : "their"} text: see Orphaned claims.`);
  }
  return parts.join(" ");
}

/**
 * The article page's working area: the text with its claim highlights on the left, the claim
 * panel on the right. Claims are rows fetched from the API and drawn as decorations (D1);
 * every change, here or by a colleague, reloads them.
 *
 * An editor (`canRevise`, decided on the server; the API decides again) can switch the text
 * into edit mode: the highlights follow the edits, and saving posts the document as a new
 * revision, after which the claims come back re-anchored by the server (D2).
 */
export function ArticleWorkspace({
  initial,
  canRevise = false,
  viewerId,
  initialClaimId = null,
}: {
  initial: WorkspaceArticle;
  canRevise?: boolean;
  /** The signed-in user. */
  viewerId: string;
  /** A claim to open at once (`?claim=` from My work). */
  initialClaimId?: string | null;
}) {
  const router = useRouter();
  const [article, setArticle] = useState<WorkspaceArticle>(initial);
  /** The revision being corrected, while in edit mode. */
  const [editBase, setEditBase] = useState<number | null>(null);
  const editing = editBase !== null;
  const [savingRevision, setSavingRevision] = useState(false);
  const [editError, setEditError] = useState<string | null>(null);
  const [contentError, setContentError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [hasSelection, setHasSelection] = useState(false);
  const [reattachError, setReattachError] = useState<string | null>(null);
  const [activeId, setActiveId] = useState<string | null>(initialClaimId);
  const [filters, setFilters] = useState<ClaimFilters>({ status: "all", author: "all" });
  const [pending, setPending] = useState<PendingClaim | null>(null);
  const [saving, setSaving] = useState(false);
  const [markError, setMarkError] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [bubble, setBubble] = useState<{ top: number; left: number } | null>(null);
  const wrapperRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const articleId = article.id;
  const detail = useClaimDetail(activeId);
  const reloadDetail = detail.reload;

  // The claim list (summaries) and the open claim (in full) are reloaded together.
  const reload = useCallback(async () => {
    const [fresh] = await Promise.allSettled([api<ArticleDTO>(`/api/articles/${articleId}`), reloadDetail()]);
    if (fresh.status === "fulfilled") {
      setArticle(workspaceArticle(fresh.value));
      setLoadError(null);
    } else {
      setLoadError(fresh.reason instanceof ApiError ? fresh.reason.message : "Could not refresh the claims.");
    }
  }, [articleId, reloadDetail]);

  // Coalesce bursts of live events into one reload.
  const reloadTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const scheduleReload = useCallback(() => {
    if (reloadTimer.current) clearTimeout(reloadTimer.current);
    reloadTimer.current = setTimeout(() => void reload(), 120);
  }, [reload]);
  const live = useArticleEvents(articleId, scheduleReload);

  // The claims the editor draws in its first render; the effect below draws every change after.
  const [initialClaimsHere] = useState(() => initial.claims.filter((claim) => claim.revisionId === initial.revision.id));
  const drawnAtCreation = useRef<ListedClaim[] | null>(initialClaimsHere);

  // The editor's extensions are created once; they report to this channel, which the
  // effects below connect to the current handlers.
  const [editorEvents] = useState(() => new EventTarget());

  const editor = useEditor({
    extensions: [
      ...articleExtensions,
      ReadOnlyText,
      SafePaste,
      ClaimHighlights.configure({
        onClaimClick: (id) => editorEvents.dispatchEvent(new CustomEvent<string>("claim-click", { detail: id })),
        initialClaims: highlightsOf(initialClaimsHere),
      }),
      MarkClaimShortcut.configure({ onMarkClaim: () => editorEvents.dispatchEvent(new Event("mark-claim")) }),
    ],
    content: initial.revision.doc,
    immediatelyRender: false,
    // A stored document the schema cannot read must not load as an empty one that could be
    // saved over the article: the error is kept and saving refused.
    enableContentCheck: true,
    onContentError: ({ error }) => setContentError(error.message),
    editorProps: {
      attributes: (state) => ({
        class: "article-body",
        "aria-label": "Article text",
        role: "textbox",
        "aria-multiline": "true",
        // No on-screen keyboard for reading; it comes back in edit mode.
        ...(isTextLocked(state) ? { inputmode: "none" } : {}),
        "data-testid": "article-text",
      }),
    },
    onSelectionUpdate: ({ editor: current }) => {
      const { selection } = current.state;
      const wrapper = wrapperRef.current;
      setHasSelection(!selection.empty);
      if (selection.empty || !(selection instanceof TextSelection) || !wrapper || !isTextLocked(current.state)) {
        setBubble(null);
        return;
      }
      const end = current.view.coordsAtPos(selection.to);
      const box = wrapper.getBoundingClientRect();
      setBubble({ top: end.bottom - box.top + 6, left: Math.max(0, Math.min(end.left - box.left - 40, box.width - 130)) });
    },
  });

  const claimsHere = useMemo(
    () => (article === initial ? initialClaimsHere : article.claims.filter((claim) => claim.revisionId === article.revision.id)),
    [article, initial, initialClaimsHere],
  );

  // The revision shown in the editor. A newer one (saved here or by a colleague) replaces the
  // text, unless an edit is under way: then the edit keeps its text and mapped highlights, and
  // saving it is refused as stale (409) rather than overwriting the other revision.
  const shownRevision = useRef(initial.revision.id);
  useEffect(() => {
    if (!editor || editing) return;
    if (shownRevision.current !== article.revision.id) {
      if (!loadDocument(editor, article.revision.doc, setContentError)) return;
      shownRevision.current = article.revision.id;
    }
    // The editor's first render drew the initial claims already.
    const drawnFirst = drawnAtCreation.current;
    drawnAtCreation.current = null;
    if (drawnFirst === claimsHere && activeId === null) return;
    editor.commands.setClaimHighlights(highlightsOf(claimsHere), activeId);
  }, [editor, editing, article.revision, claimsHere, activeId]);

  const scrollToClaim = useCallback(
    (claimId: string) => {
      const element = editor?.view.dom.querySelector(`[data-claim-id="${CSS.escape(claimId)}"]`);
      element?.scrollIntoView({ block: "center", behavior: "smooth" });
    },
    [editor],
  );

  const openClaim = useCallback(
    (claimId: string) => {
      setPending(null);
      setActiveId(claimId);
      panelRef.current?.scrollTo({ top: 0 });
    },
    [],
  );

  const startMark = useCallback(() => {
    if (!editor || !isTextLocked(editor.state)) return;
    const { from, to } = editor.state.selection;
    const claim = selectionToClaim(editor.state.doc, from, to);
    if (!claim) return;
    setMarkError(null);
    setBubble(null);
    setPending(claim);
  }, [editor]);

  useEffect(() => {
    const onClaimClick = (event: Event) => openClaim((event as CustomEvent<string>).detail);
    editorEvents.addEventListener("claim-click", onClaimClick);
    editorEvents.addEventListener("mark-claim", startMark);
    return () => {
      editorEvents.removeEventListener("claim-click", onClaimClick);
      editorEvents.removeEventListener("mark-claim", startMark);
    };
  }, [editorEvents, openClaim, startMark]);

  async function saveClaim(claimant: string) {
    if (!pending) return;
    setSaving(true);
    setMarkError(null);
    try {
      const claim = await api<ClaimDTO>(`/api/articles/${articleId}/claims`, {
        method: "POST",
        body: { ...pending, revision: article.revision.number, claimant: claimant.trim() || null },
      });
      setArticle((current) => ({ ...current, claims: [...current.claims.filter((c) => c.id !== claim.id), listedClaim(claim)] }));
      setPending(null);
      detail.show(claim);
      setActiveId(claim.id);
      editor?.commands.setTextSelection(editor.state.selection.to);
      void reload();
    } catch (error) {
      setMarkError(error instanceof ApiError ? error.message : "Could not save the claim.");
    } finally {
      setSaving(false);
    }
  }

  function startEditing() {
    if (!editor || contentError) return;
    setNotice(null);
    setEditError(null);
    setPending(null);
    setBubble(null);
    setEditBase(article.revision.number);
    editor.chain().setTextLocked(false).focus().run();
  }

  function stopEditing() {
    if (!editor) return;
    // Back to the stored text of the revision shown; the highlights are drawn again from it.
    editor.chain().setTextLocked(true).run();
    loadDocument(editor, article.revision.doc, setContentError);
    shownRevision.current = article.revision.id;
    setEditBase(null);
    setEditError(null);
  }

  async function saveRevision() {
    if (!editor || editBase === null) return;
    if (contentError) {
      setEditError("The editor reported invalid content, so saving is disabled to keep the article safe. Reload the page.");
      return;
    }
    const problem = documentProblem(editor.state.doc);
    if (problem) {
      setEditError(problem);
      return;
    }
    setSavingRevision(true);
    setEditError(null);
    try {
      const created = await api<CreatedRevisionDTO>(`/api/articles/${articleId}/revisions`, {
        method: "POST",
        body: { doc: editor.getJSON(), baseRevision: editBase },
      });
      const fresh = await api<ArticleDTO>(`/api/articles/${articleId}`);
      editor.commands.setTextLocked(true);
      setEditBase(null);
      setArticle(workspaceArticle(fresh));
      setNotice(revisionSummary(created));
      // The page header (revision number) is drawn on the server.
      router.refresh();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setEditError(
          `${error.message} Your edits are still here: copy what you need, then choose Cancel to load the current revision.`,
        );
      } else {
        setEditError(error instanceof ApiError ? error.message : "Could not save the revision.");
      }
    } finally {
      setSavingRevision(false);
    }
  }

  async function reattach(claimId: string) {
    if (!editor || editing) return;
    const { from, to } = editor.state.selection;
    const span = selectionToClaim(editor.state.doc, from, to);
    if (!span) {
      setReattachError("Select the text the claim should be attached to, then choose Re-attach to selection.");
      return;
    }
    setReattachError(null);
    try {
      await api<ClaimDTO>(`/api/claims/${claimId}/reattach`, {
        method: "POST",
        body: { ...span, revision: article.revision.number },
      });
      editor.commands.setTextSelection(to);
      await reload();
      setActiveId(claimId);
    } catch (error) {
      setReattachError(error instanceof ApiError ? error.message : "Could not re-attach the claim.");
    }
  }

  function showInText(claimId: string) {
    if (!editor) return;
    const range = claimRange(editor.state, claimId);
    if (!range) return;
    editor.chain().focus().setTextSelection(range).run();
    scrollToClaim(claimId);
  }

  const active = [...article.claims, ...article.orphanedClaims].find((claim) => claim.id === activeId) ?? null;
  const activeIsOrphan = active !== null && active.status === "orphaned";
  const behind = editing && article.revision.number !== editBase;
  const sorted = useMemo(
    () => [...article.claims].sort((a, b) => a.start - b.start || b.end - a.end),
    [article.claims],
  );

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <div
        ref={wrapperRef}
        className={`relative rounded-lg border bg-surface px-6 py-4 shadow-xs sm:px-10 ${editing ? "border-accent ring-2 ring-accent/20" : "border-border"}`}
        data-editing={editing ? "true" : undefined}
      >
        <div className="-mx-2 mb-2 flex flex-wrap items-center justify-between gap-2 border-b border-border pb-3 text-sm sm:-mx-6">
          <span className="flex items-center gap-3 text-muted">
            <span>
              Revision{" "}
              <span className="font-medium text-ink tabular-nums" data-testid="revision-number">
                {editing ? editBase : article.revision.number}
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
                <Button variant="ghost" size="sm" onClick={stopEditing} disabled={savingRevision}>
                  Cancel
                </Button>
                <Button size="sm" onClick={() => void saveRevision()} disabled={savingRevision || contentError !== null}>
                  {savingRevision ? "Saving…" : "Save revision"}
                </Button>
              </span>
            ) : (
              <Button
                variant="secondary"
                size="sm"
                onClick={startEditing}
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
        {behind ? (
          <Alert tone="danger" className="mb-2">
            Someone saved revision {article.revision.number} while you were editing revision {editBase}. Saving will be refused:
            copy your changes, then Cancel to load the new revision.
          </Alert>
        ) : null}
        {editError ? (
          <Alert tone="danger" className="mb-2">
            {editError}
          </Alert>
        ) : null}
        {contentError ? (
          <Alert tone="danger" className="mb-2">
            This revision could not be loaded into the editor ({contentError}). Editing is disabled so that nothing is lost.
          </Alert>
        ) : null}
        {notice && !editing ? (
          <Alert tone="success" className="mb-2" data-testid="revision-notice">
            {notice}
          </Alert>
        ) : null}
        {editor ? (
          <EditorContent editor={editor} />
        ) : (
          <ArticlePreview doc={article.revision.doc} claims={claimsHere} onClaimClick={openClaim} />
        )}
        {bubble && !pending && !editing ? (
          <div className="absolute z-10" style={{ top: bubble.top, left: bubble.left }}>
            <Button
              size="sm"
              className="shadow-md"
              onMouseDown={(event) => event.preventDefault()}
              onClick={startMark}
              aria-keyshortcuts="Control+Shift+C Meta+Shift+C"
            >
              <Highlighter aria-hidden /> Mark claim
            </Button>
          </div>
        ) : null}
      </div>

      <aside
        aria-label="Claims panel"
        className="lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto rounded-lg border border-border bg-surface p-4 shadow-xs"
        ref={panelRef}
      >
        <div className="mb-4 border-b border-border pb-3">
          <ArticleProgress progress={article.progress} agreement={article.agreement} />
        </div>
        <div className="mb-3 flex items-center justify-end gap-1.5 text-xs text-muted" aria-live="polite">
          <span
            aria-hidden
            className={`size-2 rounded-full ${live === "live" ? "bg-success" : live === "connecting" ? "bg-border-strong" : "bg-warning"}`}
          />
          {live === "live" ? "Live" : live === "connecting" ? "Connecting…" : "Reconnecting…"}
        </div>
        {loadError ? (
          <Alert tone="danger" className="mb-3">
            {loadError}
          </Alert>
        ) : null}
        {pending ? (
          <NewClaimForm
            exact={pending.exact}
            pending={saving}
            error={markError}
            onSubmit={(claimant) => void saveClaim(claimant)}
            onCancel={() => {
              setPending(null);
              editor?.commands.focus();
            }}
          />
        ) : active && detail.claim === null ? (
          <ClaimDetailLoading
            claim={active}
            error={detail.error}
            onBack={() => setActiveId(null)}
            onRetry={() => void detail.reload()}
          />
        ) : active && detail.claim ? (
          <ClaimDetail
            key={active.id}
            claim={detail.claim}
            error={detail.error}
            onBack={() => setActiveId(null)}
            onChanged={() => void reload()}
            onDeleted={() => {
              setActiveId(null);
              void reload();
            }}
            onShowInText={activeIsOrphan ? undefined : () => showInText(active.id)}
            viewerId={viewerId}
          />
        ) : (
          <div className="grid gap-6">
            <ClaimList
              claims={sorted}
              filters={filters}
              onFiltersChange={setFilters}
              activeId={activeId}
              onOpen={(claimId) => {
                openClaim(claimId);
                scrollToClaim(claimId);
              }}
            />
            <OrphanedClaims
              claims={article.orphanedClaims}
              canReattach={hasSelection && !editing}
              error={reattachError}
              onReattach={(claimId) => void reattach(claimId)}
              onOpen={openClaim}
              onClosed={() => void reload()}
            />
          </div>
        )}
      </aside>
    </div>
  );
}

/**
 * Loads a stored revision into the editor, past the read-only lock; false (and the error kept)
 * when the content check refuses it, leaving the editor as it was.
 */
function loadDocument(editor: Editor, doc: ArticleDTO["revision"]["doc"], onError: (message: string) => void): boolean {
  try {
    editor.chain().replaceLockedDocument().setContent(doc, { emitUpdate: false }).run();
    return true;
  } catch (error) {
    onError(error instanceof Error ? error.message : "invalid content");
    return false;
  }
}
