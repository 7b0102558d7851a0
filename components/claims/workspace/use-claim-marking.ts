"use client";

import { useCallback, useState, type RefObject } from "react";
import type { Editor } from "@tiptap/react";
import { TextSelection } from "@tiptap/pm/state";
import { api, ApiError } from "@/lib/api-client";
import type { ClaimDTO } from "@/lib/claims/present";
import { listedClaim } from "@/components/claims/listed-claim";
import { isTextLocked } from "@/components/editor/read-only-text";
import type { LiveArticle } from "@/components/claims/workspace/use-live-article";
import type { ClaimPanelState } from "@/components/claims/workspace/use-claim-panel";
import { selectionToSpan } from "@/components/claims/workspace/selection-span";

/**
 * Marking a claim: a text selection in the read-only article offers a "Mark claim" button
 * beside it (or the shortcut); marking puts the selected span in the panel's new-claim form;
 * saving creates the claim on the shown revision and opens it.
 *
 * `anchorRef` is the box the button is positioned in (the text column).
 */
export function useClaimMarking(anchorRef: RefObject<HTMLElement | null>, live: LiveArticle, panel: ClaimPanelState) {
  const [bubble, setBubble] = useState<{ top: number; left: number } | null>(null);
  const [hasSelection, setHasSelection] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { setPending } = panel;

  /** Follows the editor's selection: whether text is selected, and where the button goes. */
  const track = useCallback((editor: Editor) => {
    const { selection } = editor.state;
    const anchor = anchorRef.current;
    setHasSelection(!selection.empty);
    if (selection.empty || !(selection instanceof TextSelection) || !anchor || !isTextLocked(editor.state)) {
      setBubble(null);
      return;
    }
    const end = editor.view.coordsAtPos(selection.to);
    const box = anchor.getBoundingClientRect();
    setBubble({ top: end.bottom - box.top + 6, left: Math.max(0, Math.min(end.left - box.left - 40, box.width - 130)) });
  }, [anchorRef]);

  /** Puts the selected text in the new-claim form (read-only text only). */
  const start = useCallback(
    (editor: Editor) => {
      if (!isTextLocked(editor.state)) return;
      const { from, to } = editor.state.selection;
      const span = selectionToSpan(editor.state.doc, from, to);
      if (!span) return;
      setError(null);
      setBubble(null);
      setPending(span);
    },
    [setPending],
  );

  /** Hides the button, e.g. when edit mode starts. */
  const hideButton = useCallback(() => setBubble(null), []);

  async function save(editor: Editor | null, claimant: string) {
    const { pending } = panel;
    if (!pending) return;
    const { article, setArticle } = live;
    setSaving(true);
    setError(null);
    try {
      const claim = await api<ClaimDTO>(`/api/articles/${article.id}/claims`, {
        method: "POST",
        body: { ...pending, revision: article.revision.number, claimant: claimant.trim() || null },
      });
      setArticle((current) => ({ ...current, claims: [...current.claims.filter((c) => c.id !== claim.id), listedClaim(claim)] }));
      setPending(null);
      panel.detail.show(claim);
      panel.setActiveId(claim.id);
      // The list has the claim already; its change event brings what else changed (the progress).
      editor?.commands.setTextSelection(editor.state.selection.to);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "Could not save the claim.");
    } finally {
      setSaving(false);
    }
  }

  return { bubble, hasSelection, saving, error, track, start, hideButton, save };
}
