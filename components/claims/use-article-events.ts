"use client";

import { useEffect, useRef, useState } from "react";
import type { ChangeEventDTO } from "@/lib/live/change-batch";

export type LiveState = "connecting" | "live" | "reconnecting";

/** What the stream tells the page: a change to apply, or that it must read everything again. */
export type ArticleEvent = { kind: "change"; change: ChangeEventDTO } | { kind: "reset" };

/**
 * Listens to the article's change stream (server-sent events, lib/live/article-events.ts) and
 * calls `onEvent` for each change and each `reset`. The stream starts after `after`, the
 * `liveEventId` of the page's first read of the article, so nothing in between is missed. The
 * browser reconnects by itself after a drop and sends the last event id it saw
 * (`Last-Event-ID`): the server sends what was missed, from any instance, or a `reset` when it
 * cannot.
 */
export function useArticleEvents(articleId: string, after: number, onEvent: (event: ArticleEvent) => void): LiveState {
  const [state, setState] = useState<LiveState>("connecting");
  const onEventRef = useRef(onEvent);
  useEffect(() => {
    onEventRef.current = onEvent;
  }, [onEvent]);
  // Only the first connection starts from the page's read; reconnects resume from the stream's own ids.
  const [startAfter] = useState(after);

  useEffect(() => {
    const source = new EventSource(`/api/articles/${articleId}/events?after=${startAfter}`);
    source.addEventListener("ready", () => setState("live"));
    source.addEventListener("change", (event) => {
      onEventRef.current({ kind: "change", change: JSON.parse((event as MessageEvent<string>).data) as ChangeEventDTO });
    });
    source.addEventListener("reset", () => onEventRef.current({ kind: "reset" }));
    source.addEventListener("error", () => setState("reconnecting"));
    return () => source.close();
  }, [articleId, startAfter]);

  return state;
}
