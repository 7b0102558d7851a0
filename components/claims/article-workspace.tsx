"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { EditorContent, useEditor } from "@tiptap/react";
import { TextSelection } from "@tiptap/pm/state";
import { Highlighter } from "lucide-react";
import { canonicalText, describeRange } from "@/lib/anchoring";
import { articleExtensions } from "@/lib/editor/extensions";
import { api, ApiError } from "@/lib/api-client";
import type { ArticleDTO } from "@/lib/articles/present";
import type { ClaimDTO } from "@/lib/claims/present";
import { ClaimHighlights, claimRange } from "@/components/editor/claim-highlights";
import { ReadOnlyText } from "@/components/editor/read-only-text";
import { MarkClaimShortcut } from "@/components/editor/mark-claim-shortcut";
import { ClaimList, type ClaimFilters } from "@/components/claims/claim-list";
import { ClaimDetail } from "@/components/claims/claim-detail";
import { NewClaimForm } from "@/components/claims/new-claim-form";
import { useArticleEvents } from "@/components/claims/use-article-events";
import { ArticleProgress } from "@/components/claims/article-progress";
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
 * The article page's working area: the text with its claim highlights on the left, the claim
 * panel on the right. Claims are rows fetched from the API and drawn as decorations (D1);
 * every change, here or by a colleague, reloads them.
 */
export function ArticleWorkspace({ initial }: { initial: ArticleDTO }) {
  const [article, setArticle] = useState(initial);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [filters, setFilters] = useState<ClaimFilters>({ status: "all", author: "all" });
  const [pending, setPending] = useState<PendingClaim | null>(null);
  const [saving, setSaving] = useState(false);
  const [markError, setMarkError] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [bubble, setBubble] = useState<{ top: number; left: number } | null>(null);
  const wrapperRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const articleId = article.id;

  const reload = useCallback(async () => {
    try {
      const fresh = await api<ArticleDTO>(`/api/articles/${articleId}`);
      setArticle(fresh);
      setLoadError(null);
    } catch (error) {
      setLoadError(error instanceof ApiError ? error.message : "Could not refresh the claims.");
    }
  }, [articleId]);

  // Coalesce bursts of live events into one reload.
  const reloadTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const scheduleReload = useCallback(() => {
    if (reloadTimer.current) clearTimeout(reloadTimer.current);
    reloadTimer.current = setTimeout(() => void reload(), 120);
  }, [reload]);
  const live = useArticleEvents(articleId, scheduleReload);

  // The editor's extensions are created once; they report to this channel, which the
  // effects below connect to the current handlers.
  const [editorEvents] = useState(() => new EventTarget());

  const editor = useEditor({
    extensions: [
      ...articleExtensions,
      ReadOnlyText,
      ClaimHighlights.configure({
        onClaimClick: (id) => editorEvents.dispatchEvent(new CustomEvent<string>("claim-click", { detail: id })),
      }),
      MarkClaimShortcut.configure({ onMarkClaim: () => editorEvents.dispatchEvent(new Event("mark-claim")) }),
    ],
    content: initial.revision.doc,
    immediatelyRender: false,
    editorProps: {
      attributes: {
        class: "article-body",
        "aria-label": "Article text",
        role: "textbox",
        "aria-multiline": "true",
        inputmode: "none",
        "data-testid": "article-text",
      },
    },
    onSelectionUpdate: ({ editor: current }) => {
      const { selection } = current.state;
      const wrapper = wrapperRef.current;
      if (selection.empty || !(selection instanceof TextSelection) || !wrapper) {
        setBubble(null);
        return;
      }
      const end = current.view.coordsAtPos(selection.to);
      const box = wrapper.getBoundingClientRect();
      setBubble({ top: end.bottom - box.top + 6, left: Math.max(0, Math.min(end.left - box.left - 40, box.width - 130)) });
    },
  });

  const claimsHere = useMemo(
    () => article.claims.filter((claim) => claim.revisionId === article.revision.id),
    [article.claims, article.revision.id],
  );

  useEffect(() => {
    editor?.commands.setClaimHighlights(
      claimsHere.map((claim) => ({ id: claim.id, start: claim.start, end: claim.end, status: claim.status })),
      activeId,
    );
  }, [editor, claimsHere, activeId]);

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
    if (!editor) return;
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
      setArticle((current) => ({ ...current, claims: [...current.claims.filter((c) => c.id !== claim.id), claim] }));
      setPending(null);
      setActiveId(claim.id);
      editor?.commands.setTextSelection(editor.state.selection.to);
      void reload();
    } catch (error) {
      setMarkError(error instanceof ApiError ? error.message : "Could not save the claim.");
    } finally {
      setSaving(false);
    }
  }

  function showInText(claimId: string) {
    if (!editor) return;
    const range = claimRange(editor.state, claimId);
    if (!range) return;
    editor.chain().focus().setTextSelection(range).run();
    scrollToClaim(claimId);
  }

  const active = article.claims.find((claim) => claim.id === activeId) ?? null;
  const sorted = useMemo(
    () => [...article.claims].sort((a, b) => a.start - b.start || b.end - a.end),
    [article.claims],
  );

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <div ref={wrapperRef} className="relative rounded-lg border border-border bg-surface px-6 py-4 shadow-xs sm:px-10">
        {editor ? (
          <EditorContent editor={editor} />
        ) : (
          <div className="grid gap-3 py-4" aria-busy="true">
            <span className="sr-only">Loading the article…</span>
            {[0, 1, 2, 3].map((line) => (
              <div key={line} className="h-4 animate-pulse rounded bg-border/70" style={{ width: `${92 - line * 9}%` }} />
            ))}
          </div>
        )}
        {bubble && !pending ? (
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
        ) : active ? (
          <ClaimDetail
            key={active.id}
            claim={active}
            onBack={() => setActiveId(null)}
            onChanged={() => void reload()}
            onDeleted={() => {
              setActiveId(null);
              void reload();
            }}
            onShowInText={() => showInText(active.id)}
          />
        ) : (
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
        )}
      </aside>
    </div>
  );
}
