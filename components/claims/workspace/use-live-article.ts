"use client";

import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from "react";
import { apiRead, ApiError } from "@/lib/api-client";
import type { ArticleDTO } from "@/lib/articles/present";
import { applyChangeEvent, changesClaim } from "@/lib/live/apply-change";
import { listedClaim, workspaceArticle, type WorkspaceArticle } from "@/components/claims/listed-claim";
import { useArticleEvents, type ArticleEvent, type LiveState } from "@/components/claims/use-article-events";

/** How long a burst of events that each need a refetch is collected before one refetch answers them all. */
const COALESCE_MS = 120;

export interface LiveArticle {
  /** The article as last loaded, with every change event applied since (or as changed here). */
  article: WorkspaceArticle;
  /** Replaces or updates the article with what this page already knows (a saved claim, a saved revision). */
  setArticle: Dispatch<SetStateAction<WorkspaceArticle>>;
  /** Fetches the article again, together with `reloadWith` (the open claim); resolves when both answered. */
  reload: () => Promise<void>;
  /**
   * After a change made on this page: reads the open claim again (`reloadWith`). The claim
   * list follows from the change's own event, like a colleague's.
   */
  refresh: () => Promise<void>;
  /** Why the last refetch failed, or null; cleared by the next one that succeeds. */
  loadError: string | null;
  /** The change stream's connection, for the panel's Live indicator. */
  live: LiveState;
}

/**
 * The article kept current while the page is open: it starts as the server-rendered `initial`
 * and follows the article's change stream (`useArticleEvents`, server-sent events) from the id
 * that read gave it (`liveEventId`).
 *
 * `onEvent` below decides what an event does. A change carries the changed claims as this
 * reader may see them: they are applied to the claim list, the highlights (drawn from the list)
 * and the progress (lib/live/apply-change.ts), and the open claim (`openClaimId`) is read again
 * only when the change touched it. The whole article is read again only after a new revision
 * (its text and every claim's place changed), a `reset` (the page was too far behind) or a
 * change to an orphaned claim (rare; its abilities come with the article), with its tag, so an
 * unchanged article answers 304.
 */
export function useLiveArticle(
  initial: WorkspaceArticle,
  reloadWith: () => Promise<void>,
  openClaimId: string | null,
): LiveArticle {
  const [article, setArticle] = useState<WorkspaceArticle>(initial);
  const [loadError, setLoadError] = useState<string | null>(null);
  const articleId = article.id;
  const openClaim = useRef(openClaimId);
  useEffect(() => {
    openClaim.current = openClaimId;
  }, [openClaimId]);
  // The article events apply to: several may arrive before React renders the first.
  const articleRef = useRef(article);
  useEffect(() => {
    articleRef.current = article;
  }, [article]);

  // The claim list (summaries) and whatever is reloaded with it (the open claim, in full) are
  // fetched together.
  const reload = useCallback(async () => {
    const [fresh] = await Promise.allSettled([apiRead<ArticleDTO>(`/api/articles/${articleId}`), reloadWith()]);
    if (fresh.status === "fulfilled") {
      setArticle(workspaceArticle(fresh.value));
      setLoadError(null);
    } else {
      setLoadError(fresh.reason instanceof ApiError ? fresh.reason.message : "Could not refresh the claims.");
    }
  }, [articleId, reloadWith]);

  // Coalesce bursts of events that need a refetch into one.
  const refetchTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const scheduleRefetch = useCallback(() => {
    if (refetchTimer.current) clearTimeout(refetchTimer.current);
    refetchTimer.current = setTimeout(() => void reload(), COALESCE_MS);
  }, [reload]);

  const onEvent = useCallback(
    (event: ArticleEvent) => {
      if (event.kind === "reset" || event.change.revision) {
        scheduleRefetch();
        return;
      }
      const { change } = event;
      // Orphaned claims carry abilities, which events do not: a change to one reads the article.
      const applied = applyChangeEvent(articleRef.current, change, listedClaim, () => null);
      if (applied.kind === "reload") {
        scheduleRefetch();
        return;
      }
      articleRef.current = applied.state;
      setArticle(applied.state);
      const open = openClaim.current;
      if (open !== null && changesClaim(change, open)) void reloadWith();
    },
    [scheduleRefetch, reloadWith],
  );
  const live = useArticleEvents(articleId, initial.liveEventId, onEvent);

  return { article, setArticle, reload, refresh: reloadWith, loadError, live };
}
