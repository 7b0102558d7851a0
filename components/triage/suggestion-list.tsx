"use client";

import { useState } from "react";
import { Check, Lightbulb, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { plural } from "@/lib/format";
import type { SuggestionDTO } from "@/lib/triage/present";
import type { Suggestions } from "@/components/triage/use-suggestions";

/** How many suggestions are listed before "Show all". */
const FIRST_SHOWN = 8;

/**
 * The "Suggestions" section of the claim panel: a switch (remembered in this browser) and,
 * when on, the sentences worth checking, best first, each with its reasons, to accept as a
 * claim or dismiss for the whole desk (with an undo).
 */
export function SuggestionList({
  suggestions,
  disabled,
  onAccept,
  onShow,
}: {
  suggestions: Suggestions;
  /** While the text is being edited nothing can be accepted or dismissed. */
  disabled: boolean;
  onAccept: (item: SuggestionDTO) => void;
  onShow: (item: SuggestionDTO) => void;
}) {
  const { enabled, setEnabled, items, error, dismissed } = suggestions;
  const [showAll, setShowAll] = useState(false);
  const [busy, setBusy] = useState<number | null>(null);
  const shown = items === null ? [] : showAll ? items : items.slice(0, FIRST_SHOWN);

  return (
    <section aria-labelledby="suggestions-heading" className="grid gap-3">
      <div className="flex items-center justify-between gap-2">
        <h2 id="suggestions-heading" className="flex items-center gap-1.5 text-sm font-semibold">
          <Lightbulb aria-hidden className="size-4 text-subtle" /> Suggestions
        </h2>
        <span className="flex items-center gap-2">
          {enabled && items ? (
            <span className="text-xs text-muted" aria-live="polite">
              {plural(items.length, "sentence")}
            </span>
          ) : null}
          <button
            type="button"
            role="switch"
            aria-checked={enabled}
            aria-label="Show suggested claims"
            onClick={() => setEnabled(!enabled)}
            className={`relative inline-flex h-5 w-9 shrink-0 items-center rounded-full border transition-colors ${
              enabled ? "border-accent bg-accent" : "border-border-strong bg-canvas"
            }`}
          >
            <span
              aria-hidden
              className={`inline-block size-3.5 rounded-full bg-surface shadow-sm transition-transform ${enabled ? "translate-x-4" : "translate-x-0.5"}`}
            />
          </button>
        </span>
      </div>

      {!enabled ? (
        <p className="text-xs text-muted">Turn on to see the sentences most worth checking, underlined with dots in the text.</p>
      ) : (
        <>
          {error ? <Alert tone="danger">{error}</Alert> : null}
          {dismissed ? (
            <Alert tone="info" className="flex items-center justify-between gap-2 py-1.5">
              <span>Dismissed for the whole desk.</span>
              <Button variant="link" size="sm" className="h-auto px-0" onClick={() => void suggestions.undo()}>
                Undo
              </Button>
            </Alert>
          ) : null}
          {items === null && !error ? (
            <p className="text-xs text-muted" role="status">
              Scoring the sentences…
            </p>
          ) : items !== null && items.length === 0 ? (
            <p className="rounded-lg border border-dashed border-border-strong p-4 text-center text-sm text-muted">
              No sentence here is suggested for checking.
            </p>
          ) : (
            <ol className="grid gap-2" aria-label="Suggested claims, best first">
              {shown.map((item) => (
                <li key={`${item.start}-${item.end}`} className="grid gap-2 rounded-lg border border-dashed border-border-strong bg-surface p-3" data-testid="suggestion">
                  <button
                    type="button"
                    className="text-left font-serif text-sm leading-snug text-ink hover:underline hover:decoration-dotted"
                    onClick={() => onShow(item)}
                    title="Show in the text"
                  >
                    <span className="line-clamp-3">{item.exact}</span>
                  </button>
                  {item.reasons.length > 0 ? (
                    <ul className="flex flex-wrap gap-1" aria-label="Why">
                      {item.reasons.map((reason) => (
                        <li key={reason} className="rounded bg-canvas px-1.5 py-0.5 text-xs text-muted">
                          {reason}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  <div className="flex items-center gap-2">
                    <span className="text-xs tabular-nums text-subtle" title="Check-worthiness score">
                      {Math.round(item.score * 100)}%
                    </span>
                    <Button
                      size="sm"
                      variant="ghost"
                      className="ml-auto"
                      disabled={disabled || busy !== null}
                      aria-label={`Dismiss: ${item.exact}`}
                      onClick={() => {
                        setBusy(item.start);
                        void suggestions.dismiss(item).finally(() => setBusy(null));
                      }}
                    >
                      <X aria-hidden /> Dismiss
                    </Button>
                    <Button size="sm" variant="secondary" disabled={disabled || busy !== null} aria-label={`Accept: ${item.exact}`} onClick={() => onAccept(item)}>
                      <Check aria-hidden /> Accept
                    </Button>
                  </div>
                </li>
              ))}
            </ol>
          )}
          {items !== null && items.length > FIRST_SHOWN ? (
            <Button variant="link" size="sm" className="justify-self-start px-0" onClick={() => setShowAll(!showAll)}>
              {showAll ? "Show fewer" : `Show all ${items.length}`}
            </Button>
          ) : null}
        </>
      )}
    </section>
  );
}
