"use client";

import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import type { Editor } from "@tiptap/react";
import { api, ApiError } from "@/lib/api-client";
import { canonicalText, describeRange } from "@/lib/anchoring";
import type { DismissalDTO, SuggestionDTO, SuggestionListDTO } from "@/lib/triage/present";

const STORAGE_KEY = "factdesk.suggestions";
const TOGGLE_EVENT = "factdesk:suggestions-toggle";

/** Whether suggestions are shown: off until a reviewer turns them on, then remembered in this browser. */
function readEnabled(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === "on";
  } catch {
    return false;
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(TOGGLE_EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(TOGGLE_EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}

function writeEnabled(on: boolean): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, on ? "on" : "off");
  } catch {
    // Storage refused (private mode): the switch still works for this page.
  }
  window.dispatchEvent(new Event(TOGGLE_EVENT));
}

export interface Suggestions {
  enabled: boolean;
  setEnabled: (on: boolean) => void;
  /** Open suggestions, best first; null while loading. */
  items: SuggestionDTO[] | null;
  error: string | null;
  /** The last dismissal, which can be undone. */
  dismissed: SuggestionDTO | null;
  dismiss: (item: SuggestionDTO) => Promise<void>;
  undo: () => Promise<void>;
  reload: () => void;
}

/**
 * The article's suggested sentences for the workspace: fetched for the current revision while
 * suggestions are switched on, again whenever `refreshKey` changes (the workspace reloads the
 * article after every change, a colleague's dismissal included), and drawn in `editor`
 * except while the text is being edited.
 */
export function useSuggestions({
  articleId,
  revision,
  refreshKey,
  editor,
  editing,
}: {
  articleId: string;
  revision: number;
  refreshKey: unknown;
  editor: Editor | null;
  editing: boolean;
}): Suggestions {
  const enabled = useSyncExternalStore(subscribe, readEnabled, () => false);
  const [list, setList] = useState<SuggestionListDTO | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState<SuggestionDTO | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    api<SuggestionListDTO>(`/api/articles/${articleId}/suggestions`, { signal: controller.signal })
      .then((fresh) => {
        setList(fresh);
        setError(null);
      })
      .catch((failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(failure instanceof ApiError ? failure.message : "Could not load the suggestions.");
      });
    return () => controller.abort();
  }, [articleId, enabled, revision, refreshKey, tick]);

  const current = enabled && list !== null && list.revision === revision ? list.items : null;

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const marks = !editing && current ? current.map((item, index) => ({ start: item.start, end: item.end, rank: index + 1 })) : [];
    editor.commands.setSuggestionMarks(marks);
  }, [editor, editing, current]);

  const send = useCallback(
    async (item: SuggestionDTO, action: "dismiss" | "restore") => {
      await api<DismissalDTO>(`/api/articles/${articleId}/suggestions/${action}`, {
        method: "POST",
        body: { start: item.start, end: item.end, exact: item.exact, revision },
      });
    },
    [articleId, revision],
  );

  const dismiss = useCallback(
    async (item: SuggestionDTO) => {
      try {
        await send(item, "dismiss");
        setDismissed(item);
        setError(null);
        setList((previous) => (previous ? { ...previous, items: previous.items.filter((other) => other.start !== item.start) } : previous));
      } catch (failure) {
        setError(failure instanceof ApiError ? failure.message : "Could not dismiss the suggestion.");
      }
    },
    [send],
  );

  const undo = useCallback(async () => {
    if (!dismissed) return;
    try {
      await send(dismissed, "restore");
      setDismissed(null);
      setTick((value) => value + 1);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : "Could not bring the suggestion back.");
    }
  }, [dismissed, send]);

  return {
    enabled,
    setEnabled: writeEnabled,
    items: current,
    error,
    dismissed,
    dismiss,
    undo,
    reload: () => setTick((value) => value + 1),
  };
}

/** A suggestion as a span to mark: its quote selectors on the editor's current document. */
export function suggestionSpan(editor: Editor, item: SuggestionDTO): { exact: string; prefix: string; suffix: string; start: number; end: number } | null {
  const map = canonicalText(editor.state.doc);
  if (map.text.slice(item.start, item.end) !== item.exact) return null;
  const { quote } = describeRange(map.text, item.start, item.end);
  return { ...quote, start: item.start, end: item.end };
}

/** Selects a suggested sentence in the text and scrolls it into view. */
export function selectSuggestion(editor: Editor, item: SuggestionDTO): void {
  const map = canonicalText(editor.state.doc);
  if (map.text.slice(item.start, item.end) !== item.exact) return;
  const range = map.rangeToPositions(item.start, item.end);
  editor.chain().focus().setTextSelection(range).scrollIntoView().run();
}
