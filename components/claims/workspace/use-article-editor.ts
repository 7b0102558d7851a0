"use client";

import { useCallback, useRef, useState } from "react";
import { useEditor, type Editor } from "@tiptap/react";
import { articleExtensions } from "@/lib/editor/extensions";
import type { ArticleDTO } from "@/lib/articles/present";
import { ClaimHighlights, type ClaimHighlight } from "@/components/editor/claim-highlights";
import { ReadOnlyText, isTextLocked } from "@/components/editor/read-only-text";
import { SafePaste } from "@/components/editor/safe-paste";
import { MarkClaimShortcut } from "@/components/editor/mark-claim-shortcut";
import { SuggestionMarks } from "@/components/editor/suggestion-marks";

/**
 * What the article editor reports to the page. The extensions are created once with the editor,
 * so `onClaimClick` and `onMarkClaim` must be stable (`useCallback` over state setters and refs):
 * the editor keeps calling the ones it was created with.
 */
export interface ArticleEditorHandlers {
  /** A claim's highlight was clicked. */
  onClaimClick: (claimId: string) => void;
  /** The mark-claim shortcut was pressed with text selected. */
  onMarkClaim: (editor: Editor) => void;
  /** The selection moved. */
  onSelectionUpdate: (editor: Editor) => void;
}

/** A stored revision, as the editor loads it. */
type StoredRevision = Pick<ArticleDTO["revision"], "id" | "doc">;

/**
 * The article's Tiptap editor: read-only text with claim highlights, unlocked for edit mode.
 *
 * `contentError` is set when a stored document does not fit the schema: it must not load as an
 * empty document that could be saved over the article, so the error is kept and saving refused.
 *
 * Another decoration layer over the text (e.g. suggestions per sentence) is one more extension
 * in the list below, drawn by its own command from an effect beside `useShownRevision`.
 */
export function useArticleEditor(
  initialRevision: StoredRevision,
  initialHighlights: ClaimHighlight[],
  handlers: ArticleEditorHandlers,
) {
  const [contentError, setContentError] = useState<string | null>(null);
  /** The revision whose stored text the editor holds (or, in edit mode, started from). */
  const shownRevision = useRef(initialRevision.id);
  const { onClaimClick, onMarkClaim, onSelectionUpdate } = handlers;

  const editor = useEditor({
    extensions: [
      ...articleExtensions,
      ReadOnlyText,
      SafePaste,
      ClaimHighlights.configure({
        onClaimClick,
        initialClaims: initialHighlights,
      }),
      MarkClaimShortcut.configure({ onMarkClaim }),
      SuggestionMarks,
    ],
    content: initialRevision.doc,
    immediatelyRender: false,
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
    onSelectionUpdate: ({ editor: updated }) => onSelectionUpdate(updated),
  });

  /**
   * Loads a stored revision into the editor, past the read-only lock; false (and the error kept)
   * when the content check refuses it, leaving the editor as it was.
   */
  const loadDocument = useCallback((target: Editor, revision: StoredRevision): boolean => {
    try {
      target.chain().replaceLockedDocument().setContent(revision.doc, { emitUpdate: false }).run();
      return true;
    } catch (error) {
      setContentError(error instanceof Error ? error.message : "invalid content");
      return false;
    }
  }, []);

  /** Shows `revision` unless it is shown already; false when its document could not be loaded. */
  const showRevision = useCallback(
    (target: Editor, revision: StoredRevision): boolean => {
      if (shownRevision.current === revision.id) return true;
      if (!loadDocument(target, revision)) return false;
      shownRevision.current = revision.id;
      return true;
    },
    [loadDocument],
  );

  /** Puts the stored text of `revision` back, dropping whatever was typed since. */
  const revertTo = useCallback(
    (target: Editor, revision: StoredRevision) => {
      loadDocument(target, revision);
      shownRevision.current = revision.id;
    },
    [loadDocument],
  );

  return { editor, contentError, showRevision, revertTo };
}

export type ArticleEditor = ReturnType<typeof useArticleEditor>;
