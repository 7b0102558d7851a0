import type { ClaimStatus } from "@/lib/claims/present";
import { CLAIM_STATUSES } from "@/lib/claims/present";
import { CLAIM_STATUS_INFO } from "@/lib/claims/status-labels";

/** How many claims are in each status, as small coloured counts (statuses with none are left out). */
export function ClaimStatusSummary({ counts }: { counts: Record<ClaimStatus, number> }) {
  const present = CLAIM_STATUSES.filter((status) => counts[status] > 0);
  if (present.length === 0) return <span className="text-muted">No claims</span>;
  return (
    <ul className="flex flex-wrap justify-end gap-1.5" aria-label="Claims by status">
      {present.map((status) => {
        const info = CLAIM_STATUS_INFO[status];
        return (
          <li
            key={status}
            className="rounded-full px-2 py-0.5 text-xs font-medium tabular-nums"
            style={{ color: info.color, backgroundColor: info.tint }}
            data-status={status}
          >
            {counts[status]} {info.label.toLowerCase()}
          </li>
        );
      })}
    </ul>
  );
}
