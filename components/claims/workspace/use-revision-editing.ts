"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import type { Node as PMNode } from "@tiptap/pm/model";
import { canonicalText } from "@/lib/anchoring";
import { articleDocumentProblem, countBlocks, sizeProblem } from "@/lib/editor/article-document-rules";
import { api, ApiError } from "@/lib/api-client";
import type { ArticleDTO, CreatedRevisionDTO } from "@/lib/articles/present";
import { workspaceArticle } from "@/components/claims/listed-claim";
import { plural } from "@/lib/format";
import type { LiveArticle } from "@/components/claims/workspace/use-live-article";
import type { ArticleEditor } from "@/components/claims/workspace/use-article-editor";

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
 * Correcting the article's text (editors only; the API decides again): edit mode unlocks the
 * text on the revision shown (`editBase`); saving posts the document as a new revision with that
 * base, after which the claims come back re-anchored by the server (D2). A revision saved by
 * someone else meanwhile makes the edit stale (`behind`): saving is refused with 409 and the
 * edit kept until Cancel loads the current revision.
 *
 * `onStart` runs as edit mode starts (the page drops a claim being marked).
 */
export function useRevisionEditing(
  { editor, contentError, revertTo }: Pick<ArticleEditor, "editor" | "contentError" | "revertTo">,
  { article, setArticle }: Pick<LiveArticle, "article" | "setArticle">,
  onStart: () => void,
) {
  const router = useRouter();
  /** The revision being corrected, while in edit mode. */
  const [editBase, setEditBase] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const editing = editBase !== null;
  const articleId = article.id;

  function start() {
    if (!editor || contentError) return;
    setNotice(null);
    setError(null);
    onStart();
    setEditBase(article.revision.number);
    editor.chain().setTextLocked(false).focus().run();
  }

  function cancel() {
    if (!editor) return;
    // Back to the stored text of the revision shown; the highlights are drawn again from it.
    editor.chain().setTextLocked(true).run();
    revertTo(editor, article.revision);
    setEditBase(null);
    setError(null);
  }

  async function save() {
    if (!editor || editBase === null) return;
    if (contentError) {
      setError("The editor reported invalid content, so saving is disabled to keep the article safe. Reload the page.");
      return;
    }
    const problem = documentProblem(editor.state.doc);
    if (problem) {
      setError(problem);
      return;
    }
    setSaving(true);
    setError(null);
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
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409) {
        setError(`${caught.message} Your edits are still here: copy what you need, then choose Cancel to load the current revision.`);
      } else {
        setError(caught instanceof ApiError ? caught.message : "Could not save the revision.");
      }
    } finally {
      setSaving(false);
    }
  }

  /** A newer revision was saved while this edit was under way. */
  const behind = editing && article.revision.number !== editBase;

  return { editing, editBase, saving, error, notice, behind, start, cancel, save };
}

export type RevisionEditing = ReturnType<typeof useRevisionEditing>;
