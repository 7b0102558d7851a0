"use client";

import { useEffect, useRef, useState } from "react";

export type LiveState = "connecting" | "live" | "reconnecting";

/**
 * Listens to the article's change stream (server-sent events fed by PostgreSQL
 * LISTEN/NOTIFY, D9) and calls `onChange` for each change. The browser reconnects by itself
 * after a network drop; a reconnect also triggers `onChange`, so nothing missed meanwhile stays
 * missing.
 */
export function useArticleEvents(articleId: string, onChange: () => void): LiveState {
  const [state, setState] = useState<LiveState>("connecting");
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    const source = new EventSource(`/api/articles/${articleId}/events`);
    let wasOpen = false;
    source.addEventListener("open", () => {
      setState("live");
      if (wasOpen) onChangeRef.current();
      wasOpen = true;
    });
    source.addEventListener("change", () => onChangeRef.current());
    source.addEventListener("error", () => setState(source.readyState === EventSource.CLOSED ? "reconnecting" : "reconnecting"));
    return () => source.close();
  }, [articleId]);

  return state;
}
