import type { AgreementDTO } from "@/lib/articles/present";
import { plural } from "@/lib/format";

/** Claims verified of all claims, and how far reviewers agree on verdicts. */
export function ArticleProgress({ progress, agreement }: { progress: { verified: number; total: number }; agreement: AgreementDTO }) {
  const share = progress.total === 0 ? 0 : progress.verified / progress.total;
  return (
    <div className="grid gap-1.5">
      <div className="flex items-baseline justify-between text-xs">
        <span id="progress-label" className="font-medium text-ink">
          {progress.verified} of {plural(progress.total, "claim")} verified
        </span>
        <span className="text-muted" title="Krippendorff's alpha (ordinal) over the verdicts of reviewers who judged the same claims">
          {agreement.alpha === null
            ? "Agreement: not enough overlap yet"
            : `Agreement α ${agreement.alpha.toFixed(2)} · ${plural(agreement.claims, "claim")}`}
        </span>
      </div>
      <div
        role="progressbar"
        aria-labelledby="progress-label"
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.verified}
        className="h-1.5 overflow-hidden rounded-full bg-border"
      >
        <div className="h-full rounded-full bg-success transition-[width]" style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
    </div>
  );
}
