"use client";

import { useCallback, useRef, useState, type Dispatch, type SetStateAction } from "react";
import { api, ApiError } from "@/lib/api-client";
import type { ArticleDTO } from "@/lib/articles/present";
import { workspaceArticle, type WorkspaceArticle } from "@/components/claims/listed-claim";
import { useArticleEvents, type LiveState } from "@/components/claims/use-article-events";

/** How long a burst of live events is collected before one refetch answers them all. */
const COALESCE_MS = 120;

export interface LiveArticle {
  /** The article as last loaded (or as changed here since). */
  article: WorkspaceArticle;
  /** Replaces or updates the article with what this page already knows (a saved claim, a saved revision). */
  setArticle: Dispatch<SetStateAction<WorkspaceArticle>>;
  /** Fetches the article again, together with `reloadWith` (the open claim); resolves when both answered. */
  reload: () => Promise<void>;
  /** Why the last refetch failed, or null; cleared by the next one that succeeds. */
  loadError: string | null;
  /** The change stream's connection, for the panel's Live indicator. */
  live: LiveState;
}

/**
 * The article kept current while the page is open: it starts as the server-rendered `initial`,
 * subscribes to the article's change stream (`useArticleEvents`, server-sent events) and
 * answers every change, here or by a colleague, by fetching `GET /api/articles/:id` again.
 *
 * `onChange` below is the one place that decides what a change event does: today it schedules
 * a refetch; a client that applies change events as deltas would apply them to the article
 * there (with `setArticle`) and fall back to `scheduleRefetch` for what it cannot apply, such as
 * the reconnect after a network drop.
 */
export function useLiveArticle(initial: WorkspaceArticle, reloadWith: () => Promise<void>): LiveArticle {
  const [article, setArticle] = useState<WorkspaceArticle>(initial);
  const [loadError, setLoadError] = useState<string | null>(null);
  const articleId = article.id;

  // The claim list (summaries) and whatever is reloaded with it (the open claim, in full) are
  // fetched together.
  const reload = useCallback(async () => {
    const [fresh] = await Promise.allSettled([api<ArticleDTO>(`/api/articles/${articleId}`), reloadWith()]);
    if (fresh.status === "fulfilled") {
      setArticle(workspaceArticle(fresh.value));
      setLoadError(null);
    } else {
      setLoadError(fresh.reason instanceof ApiError ? fresh.reason.message : "Could not refresh the claims.");
    }
  }, [articleId, reloadWith]);

  // Coalesce bursts of live events into one reload.
  const refetchTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const scheduleRefetch = useCallback(() => {
    if (refetchTimer.current) clearTimeout(refetchTimer.current);
    refetchTimer.current = setTimeout(() => void reload(), COALESCE_MS);
  }, [reload]);

  const onChange = scheduleRefetch;
  const live = useArticleEvents(articleId, onChange);

  return { article, setArticle, reload, loadError, live };
}
