import * as React from "react";
import { cn } from "@/lib/cn";

const TONES = {
  danger: "border-danger/30 bg-danger-soft text-danger",
  info: "border-accent/20 bg-accent-soft text-accent",
  success: "border-success/30 bg-success-soft text-success",
} as const;

/** A message box; errors are announced to screen readers. */
export function Alert({
  tone = "info",
  className,
  ...props
}: React.HTMLAttributes<HTMLDivElement> & { tone?: keyof typeof TONES }) {
  return (
    <div
      role={tone === "danger" ? "alert" : "status"}
      className={cn("rounded-md border px-3 py-2 text-sm", TONES[tone], className)}
      {...props}
    />
  );
}
