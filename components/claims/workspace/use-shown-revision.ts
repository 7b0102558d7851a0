"use client";

import { useEffect, useRef } from "react";
import type { Editor } from "@tiptap/react";
import type { ClaimHighlight } from "@/components/editor/claim-highlights";
import type { ListedClaim, WorkspaceArticle } from "@/components/claims/listed-claim";
import type { ArticleEditor } from "@/components/claims/workspace/use-article-editor";

/** Claims as the editor's highlights need them. */
export function highlightsOf(claims: readonly ListedClaim[]): ClaimHighlight[] {
  return claims.map((claim) => ({ id: claim.id, start: claim.start, end: claim.end, status: claim.status }));
}

/** The claims anchored in the article's current revision (the ones the text can highlight). */
export function claimsOnRevision(article: WorkspaceArticle): ListedClaim[] {
  return article.claims.filter((claim) => claim.revisionId === article.revision.id);
}

/**
 * Keeps the editor showing the article's current revision with its claims highlighted. A newer
 * revision (saved here or by a colleague) replaces the text, unless an edit is under way
 * (`editing`): then the edit keeps its text and mapped highlights, and saving it is refused as
 * stale (409) rather than overwriting the other revision.
 *
 * `drawnFirst` are the claims the editor drew in its first render (`initialClaims` of the
 * highlights extension); they are not drawn a second time.
 */
export function useShownRevision(
  { editor, showRevision }: Pick<ArticleEditor, "editor" | "showRevision">,
  {
    revision,
    claims,
    activeId,
    editing,
    drawnFirst,
  }: {
    revision: WorkspaceArticle["revision"];
    /** The claims on `revision`, highlighted; `activeId` is drawn as the open one. */
    claims: ListedClaim[];
    activeId: string | null;
    editing: boolean;
    drawnFirst: ListedClaim[];
  },
) {
  const drawnAtCreation = useRef<ListedClaim[] | null>(drawnFirst);
  useEffect(() => {
    if (!editor || editing) return;
    if (!showRevision(editor, revision)) return;
    // The editor's first render drew the initial claims already.
    const first = drawnAtCreation.current;
    drawnAtCreation.current = null;
    if (first === claims && activeId === null) return;
    drawHighlights(editor, claims, activeId);
  }, [editor, editing, revision, claims, activeId, showRevision]);
}

function drawHighlights(editor: Editor, claims: ListedClaim[], activeId: string | null) {
  editor.commands.setClaimHighlights(highlightsOf(claims), activeId);
}
