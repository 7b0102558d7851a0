"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { EditorContent } from "@tiptap/react";
import { unpackWorkspaceArticle, type PackedWorkspaceArticle } from "@/components/claims/listed-claim";
import { CLAIM_COLOUR_VARIABLES, claimRange } from "@/components/editor/claim-highlights";
import { ArticlePreview } from "@/components/claims/article-preview";
import { useLiveArticle } from "@/components/claims/workspace/use-live-article";
import { useClaimPanel } from "@/components/claims/workspace/use-claim-panel";
import { useClaimMarking } from "@/components/claims/workspace/use-claim-marking";
import { useArticleEditor } from "@/components/claims/workspace/use-article-editor";
import { useRevisionEditing } from "@/components/claims/workspace/use-revision-editing";
import { useReattachClaim } from "@/components/claims/workspace/use-reattach-claim";
import { claimsOnRevision, highlightsOf, useShownRevision } from "@/components/claims/workspace/use-shown-revision";
import { RevisionBar } from "@/components/claims/workspace/revision-bar";
import { MarkClaimButton } from "@/components/claims/workspace/mark-claim-button";
import { ClaimsPanel } from "@/components/claims/workspace/claims-panel";
import { FollowsArticle } from "@/components/claims/workspace/follows-article";
import { selectSuggestion, suggestionSpan, useSuggestions } from "@/components/triage/use-suggestions";
import { SuggestionList } from "@/components/triage/suggestion-list";

/**
 * The article page's working area: the text with its claim highlights on the left, the claim
 * panel on the right. Claims are rows fetched from the API and drawn as decorations (D1);
 * every change, here or by a colleague, reaches them as a change event (`useLiveArticle`).
 *
 * An editor (`canRevise`, decided on the server; the API decides again) can switch the text
 * into edit mode (`useRevisionEditing`): the highlights follow the edits, and saving posts the
 * document as a new revision, after which the claims come back re-anchored by the server (D2).
 */
export function ArticleWorkspace({
  initial: packed,
  canRevise = false,
  viewerId,
  initialClaimId = null,
}: {
  /** The article as the server read it, packed for the page (`packWorkspaceArticle`). */
  initial: PackedWorkspaceArticle;
  canRevise?: boolean;
  /** The signed-in user. */
  viewerId: string;
  /** A claim to open at once (the page's `?claim=`: search, "checked before", My work, a notification). */
  initialClaimId?: string | null;
}) {
  const [initial] = useState(() => unpackWorkspaceArticle(packed));
  const textRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const panel = useClaimPanel(panelRef, initialClaimId);
  const live = useLiveArticle(initial, panel.detail.reload, panel.activeId);
  const { article } = live;
  const marking = useClaimMarking(textRef, live, panel);

  // The claims the editor draws in its first render; `useShownRevision` draws every change after.
  const [initialClaimsHere] = useState(() => claimsOnRevision(initial));
  const claimsHere = useMemo(
    () => (article === initial ? initialClaimsHere : claimsOnRevision(article)),
    [article, initial, initialClaimsHere],
  );
  const articleEditor = useArticleEditor(initial.revision, highlightsOf(initialClaimsHere), {
    onClaimClick: panel.open,
    onMarkClaim: marking.start,
    onSelectionUpdate: marking.track,
  });
  const { editor, contentError } = articleEditor;

  const { setPending } = panel;
  const { hideButton } = marking;
  const revision = useRevisionEditing(articleEditor, live, () => {
    setPending(null);
    hideButton();
  });
  const { editing } = revision;
  useShownRevision(articleEditor, {
    revision: article.revision,
    claims: claimsHere,
    activeId: panel.activeId,
    editing,
    drawnFirst: initialClaimsHere,
  });
  const suggestions = useSuggestions({ articleId: article.id, revision: article.revision.number, refreshKey: article, editor, editing });
  const reattach = useReattachClaim(editor, editing, live, panel.setActiveId);

  const scrollToClaim = useCallback(
    (claimId: string) => {
      const element = editor?.view.dom.querySelector(`[data-claim-id="${CSS.escape(claimId)}"]`);
      element?.scrollIntoView({ block: "center", behavior: "smooth" });
    },
    [editor],
  );

  // The claim opened from the address is shown in the text once the editor is there.
  useEffect(() => {
    if (initialClaimId) scrollToClaim(initialClaimId);
  }, [initialClaimId, scrollToClaim]);

  function showInText(claimId: string) {
    if (!editor) return;
    const range = claimRange(editor.state, claimId);
    if (!range) return;
    editor.chain().focus().setTextSelection(range).run();
    scrollToClaim(claimId);
  }

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <div
        ref={textRef}
        className={`relative rounded-lg border bg-surface px-6 py-4 shadow-xs sm:px-10 ${editing ? "border-accent ring-2 ring-accent/20" : "border-border"}`}
        data-editing={editing ? "true" : undefined}
        style={CLAIM_COLOUR_VARIABLES}
      >
        <RevisionBar
          articleId={article.id}
          revisionNumber={article.revision.number}
          editor={editor}
          canRevise={canRevise}
          contentError={contentError}
          revision={revision}
        />
        {editor ? (
          <EditorContent editor={editor} />
        ) : (
          <ArticlePreview doc={article.revision.doc} claims={claimsHere} onClaimClick={panel.open} />
        )}
        {marking.bubble && !panel.pending && !editing && editor ? (
          <MarkClaimButton position={marking.bubble} onMark={() => marking.start(editor)} />
        ) : null}
      </div>

      <FollowsArticle value>
        <ClaimsPanel
          panelRef={panelRef}
          article={article}
          panel={panel}
          live={live.live}
          loadError={live.loadError}
          marking={{
            saving: marking.saving,
            error: marking.error,
            onSubmit: (claimant) => void marking.save(editor, claimant),
            onCancel: () => {
              setPending(null);
              editor?.commands.focus();
            },
          }}
          reattach={{
            allowed: marking.hasSelection && !editing,
            error: reattach.error,
            onReattach: (claimId) => void reattach.reattach(claimId),
          }}
          onReload={() => void live.refresh()}
          onShowInText={showInText}
          viewerId={viewerId}
          suggestions={
            <SuggestionList
              suggestions={suggestions}
              disabled={editing || !editor}
              onShow={(item) => editor && selectSuggestion(editor, item)}
              onAccept={(item) => {
                const span = editor ? suggestionSpan(editor, item) : null;
                if (span) setPending({ ...span, claimant: item.claimant });
              }}
            />
          }
          onOpenFromList={(claimId) => {
            panel.open(claimId);
            scrollToClaim(claimId);
          }}
        />
      </FollowsArticle>
    </div>
  );
}
