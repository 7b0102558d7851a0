import type { AnnotationStatus, ClaimStatus } from "@/lib/claims/present";
import { CLAIM_STATUS_INFO } from "@/lib/claims/status-labels";
import { cn } from "@/lib/cn";

/** A claim's status as a small coloured label. */
export function ClaimStatusBadge({ status, className }: { status: ClaimStatus; className?: string }) {
  const info = CLAIM_STATUS_INFO[status];
  return (
    <span
      className={cn("inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium", className)}
      style={{ color: info.color, backgroundColor: info.tint }}
      title={info.description}
    >
      <span aria-hidden className="size-1.5 rounded-full" style={{ backgroundColor: info.underline }} />
      {info.label}
    </span>
  );
}

const ANNOTATION_STATUS: Record<AnnotationStatus, { label: string; className: string }> = {
  draft: { label: "Draft", className: "border-border-strong bg-canvas text-muted" },
  submitted: { label: "Submitted", className: "border-accent/25 bg-accent-soft text-accent" },
  approved: { label: "Approved", className: "border-success/25 bg-success-soft text-success" },
  changes_requested: { label: "Changes requested", className: "border-warning/25 bg-warning-soft text-warning" },
  rejected: { label: "Rejected", className: "border-danger/25 bg-danger-soft text-danger" },
};

/** An annotation's review state. */
export function AnnotationStatusBadge({ status }: { status: AnnotationStatus }) {
  const info = ANNOTATION_STATUS[status];
  return <span className={cn("rounded border px-1.5 py-px text-[11px] font-medium", info.className)}>{info.label}</span>;
}
