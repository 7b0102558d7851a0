"use client";

import { useState } from "react";
import type { Editor } from "@tiptap/react";
import { api, ApiError } from "@/lib/api-client";
import type { ClaimDTO } from "@/lib/claims/present";
import { selectionToSpan } from "@/components/claims/workspace/selection-span";
import type { LiveArticle } from "@/components/claims/workspace/use-live-article";

/**
 * Re-attaching an orphaned claim to the text selected in the shown revision (not in edit
 * mode); `onReattached` runs once the article has been reloaded with the claim.
 */
export function useReattachClaim(
  editor: Editor | null,
  editing: boolean,
  { article, reload }: Pick<LiveArticle, "article" | "reload">,
  onReattached: (claimId: string) => void,
) {
  const [error, setError] = useState<string | null>(null);

  async function reattach(claimId: string) {
    if (!editor || editing) return;
    const { from, to } = editor.state.selection;
    const span = selectionToSpan(editor.state.doc, from, to);
    if (!span) {
      setError("Select the text the claim should be attached to, then choose Re-attach to selection.");
      return;
    }
    setError(null);
    try {
      await api<ClaimDTO>(`/api/claims/${claimId}/reattach`, {
        method: "POST",
        body: { ...span, revision: article.revision.number },
      });
      editor.commands.setTextSelection(to);
      await reload();
      onReattached(claimId);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "Could not re-attach the claim.");
    }
  }

  return { error, reattach };
}
