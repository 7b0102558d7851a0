import * as React from "react";
import type { WordDiff } from "@/lib/articles/word-diff";
import { cn } from "@/lib/cn";

/** Unchanged stretches longer than this are shortened to their ends, unless `full`. */
const COLLAPSE_AT = 700;
const KEEP = 220;

/**
 * A word diff as running text: removed words struck through in red, added words underlined in
 * green, paragraphs kept. Long unchanged stretches are shortened around the changes.
 */
export function RevisionDiff({ diff, full = false }: { diff: WordDiff; full?: boolean }) {
  const last = diff.segments.length - 1;
  return (
    <div className="whitespace-pre-wrap font-serif text-[1.02rem] leading-[1.75] text-ink" data-testid="revision-diff">
      {diff.segments.map((segment, index) => {
        if (segment.kind === "added") {
          return (
            <ins key={index} className="rounded-sm bg-success-soft text-success no-underline decoration-success underline decoration-2 underline-offset-2">
              <span className="sr-only">[added: </span>
              {segment.text}
              <span className="sr-only">]</span>
            </ins>
          );
        }
        if (segment.kind === "removed") {
          return (
            <del key={index} className="rounded-sm bg-danger-soft text-danger line-through">
              <span className="sr-only">[removed: </span>
              {segment.text}
              <span className="sr-only">]</span>
            </del>
          );
        }
        if (full || segment.text.length <= COLLAPSE_AT) return <React.Fragment key={index}>{segment.text}</React.Fragment>;
        const head = index === 0 ? "" : segment.text.slice(0, KEEP);
        const tail = index === last ? "" : segment.text.slice(-KEEP);
        const hidden = segment.text.length - head.length - tail.length;
        return (
          <React.Fragment key={index}>
            {head}
            <span className={cn("mx-1 inline-block rounded bg-canvas px-2 font-sans text-xs text-muted", head && "align-middle")}>
              ⋯ {hidden.toLocaleString("en")} unchanged characters ⋯
            </span>
            {tail}
          </React.Fragment>
        );
      })}
    </div>
  );
}
