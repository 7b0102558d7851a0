import * as React from "react";
import { cn } from "@/lib/cn";

/** A native select, styled like the other inputs (native keeps full keyboard and screen-reader support). */
export function Select({ className, ...props }: React.SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select
      className={cn(
        "h-9 w-full rounded-md border border-border-strong bg-surface px-2.5 text-sm text-ink shadow-xs",
        "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-focus aria-invalid:border-danger",
        className,
      )}
      {...props}
    />
  );
}
