"use client";

import { Highlighter } from "lucide-react";
import { Button } from "@/components/ui/button";

/** The "Mark claim" button that floats below selected text (the shortcut does the same). */
export function MarkClaimButton({ position, onMark }: { position: { top: number; left: number }; onMark: () => void }) {
  return (
    <div className="absolute z-10" style={{ top: position.top, left: position.left }}>
      <Button
        size="sm"
        className="shadow-md"
        onMouseDown={(event) => event.preventDefault()}
        onClick={onMark}
        aria-keyshortcuts="Control+Shift+C Meta+Shift+C"
      >
        <Highlighter aria-hidden /> Mark claim
      </Button>
    </div>
  );
}
