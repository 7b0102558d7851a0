import * as React from "react";
import { cn } from "@/lib/cn";

/** A bordered panel. */
export function Card({ className, ...props }: React.HTMLAttributes<HTMLDivElement>) {
  return <div className={cn("rounded-lg border border-border bg-surface shadow-xs", className)} {...props} />;
}
