import type { Verdict } from "@/lib/claims/present";
import { VERDICT_SCALE } from "@/lib/verdicts";

/** A verdict label in its colour. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const info = VERDICT_SCALE[verdict];
  return (
    <span
      className="rounded px-1.5 py-0.5 text-xs font-semibold"
      style={{ color: info.color, backgroundColor: info.tint }}
      title={info.definition}
    >
      {info.label}
    </span>
  );
}
