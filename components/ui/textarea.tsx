import * as React from "react";
import { cn } from "@/lib/cn";

/** A multi-line text input. */
export function Textarea({ className, ...props }: React.ComponentProps<"textarea">) {
  return (
    <textarea
      className={cn(
        "flex min-h-20 w-full rounded-md border border-border-strong bg-surface px-3 py-2 text-sm text-ink shadow-xs placeholder:text-subtle",
        "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-focus disabled:cursor-not-allowed disabled:opacity-50",
        "aria-invalid:border-danger",
        className,
      )}
      {...props}
    />
  );
}
