import type { SnapshotClaim } from "@/lib/versions/snapshot";
import type { CorrectionDTO } from "@/lib/versions/corrections";
import { findingOf } from "@/lib/exports/findings";
import { safeHref } from "@/lib/exports/escape";
import { PUBLISHED_STATUS_INFO, STANCE_LABELS, VERDICT_SCALE } from "@/lib/verdicts";
import { VERDICTS } from "@/lib/claims/present";
import { formatDate } from "@/lib/format";
import { utcDate } from "@/lib/exports/dates";
import { archivedCopyLabel } from "@/lib/archives/present-archive";
import { claimAnchor } from "@/lib/versions/urls";
import { RichText } from "@/components/claims/rich-text";

/** A finding (verdict or status) as a coloured label. */
export function FindingLabel({ claim }: { claim: Pick<SnapshotClaim, "status" | "verdict" | "verdicts"> }) {
  const finding = findingOf(claim);
  return (
    <span
      className="inline-block rounded px-1.5 py-0.5 font-sans text-xs font-semibold"
      style={{ color: finding.color, backgroundColor: finding.tint }}
      title={finding.description}
    >
      {finding.label}
    </span>
  );
}

/** What a correction did, in words. */
export function correctionSummary(correction: CorrectionDTO): string {
  const label = (verdicts: readonly string[]) =>
    verdicts.map((verdict) => VERDICT_SCALE[verdict as keyof typeof VERDICT_SCALE]?.label ?? verdict).join(" / ");
  const before = label(correction.before.verdicts) || PUBLISHED_STATUS_INFO[correction.before.status].label;
  switch (correction.kind) {
    case "verdict_changed":
      return `Verdict changed from ${before} to ${label(correction.after?.verdicts ?? []) || PUBLISHED_STATUS_INFO[correction.after?.status ?? "unverified"].label}`;
    case "verdict_withdrawn":
      return `Verdict ${before} withdrawn; the claim is being checked again`;
    case "claim_withdrawn":
      return `Claim withdrawn (it was rated ${before})`;
  }
}

/**
 * The numbered notes of a published version: each claim's finding, the rationale of each
 * approved verdict, and its approved sources. Each note is `#note-<claim id>`, each
 * annotation `#annotation-<id>` (the ids the W3C export gives its annotations).
 */
export function VersionNotes({
  claims,
  numbers,
  corrections,
}: {
  claims: readonly SnapshotClaim[];
  numbers: ReadonlyMap<string, number>;
  /** Later corrections of these claims, shown on their notes. */
  corrections: readonly CorrectionDTO[];
}) {
  return (
    <ol className="grid gap-4" aria-label="Notes on the claims">
      {claims.map((claim) => {
        const later = corrections.filter((correction) => correction.claim.id === claim.id);
        return (
          <li key={claim.id} id={`note-${claim.id}`} className="scroll-mt-24 rounded-lg border border-border bg-surface p-4 target:ring-2 target:ring-focus">
            <div className="flex flex-wrap items-baseline gap-2">
              <a href={`#${claimAnchor(claim.id)}`} className="font-sans text-sm font-semibold text-accent hover:underline" aria-label={`Claim ${numbers.get(claim.id)} in the text`}>
                {numbers.get(claim.id)}.
              </a>
              <FindingLabel claim={claim} />
              {claim.claimant ? <span className="text-sm text-muted">{claim.claimant}</span> : null}
            </div>
            <blockquote className="mt-2 border-l-2 border-border-strong pl-3 font-serif text-[0.975rem] leading-relaxed">{claim.exact}</blockquote>
            {claim.verifications.map((verification) => (
              <div key={verification.id} id={`annotation-${verification.id}`} className="mt-3 grid gap-1">
                <RichText doc={verification.rationale} className="rationale-body grid gap-1 text-sm leading-relaxed" />
                <p className="text-xs text-muted">
                  {claim.status === "disputed" ? `${VERDICT_SCALE[verification.verdict].label}: ` : ""}verdict by {verification.author.name}
                </p>
              </div>
            ))}
            {claim.status === "unverified" ? <p className="mt-2 text-sm text-muted">{findingOf(claim).description}</p> : null}
            {claim.sources.length > 0 ? (
              <div className="mt-3">
                <h3 className="text-xs font-semibold uppercase tracking-wide text-muted">Sources</h3>
                <ol className="mt-1 grid list-decimal gap-1.5 pl-5 text-sm">
                  {claim.sources.map((source) => {
                    const href = safeHref(source.url);
                    const archiveHref = source.archive ? safeHref(source.archive.url) : null;
                    return (
                      <li key={source.id} id={`annotation-${source.id}`}>
                        {href ? (
                          <a href={href} rel="nofollow noopener noreferrer" className="font-medium text-accent hover:underline">
                            {source.title}
                          </a>
                        ) : (
                          <span className="font-medium">{source.title}</span>
                        )}
                        {source.publisher ? <span className="text-muted">, {source.publisher}</span> : null}
                        <span className="text-muted"> — {STANCE_LABELS[source.stance]}</span>
                        {archiveHref && source.archive ? (
                          <span className="text-muted">
                            {" · "}
                            <a
                              href={archiveHref}
                              rel="nofollow noopener"
                              className="text-accent hover:underline"
                              aria-label={archivedCopyLabel(source.title, utcDate(source.archive.archivedAt))}
                            >
                              archived copy
                            </a>{" "}
                            ({utcDate(source.archive.archivedAt)})
                          </span>
                        ) : null}
                        {source.excerpt ? <q className="mt-0.5 block font-serif text-muted">{source.excerpt}</q> : null}
                      </li>
                    );
                  })}
                </ol>
              </div>
            ) : null}
            {later.map((correction) => (
              <p key={`${correction.version}-${correction.kind}`} className="mt-3 rounded-md bg-warning-soft px-2.5 py-1.5 text-sm text-warning">
                Corrected in version {correction.version} ({formatDate(correction.publishedAt)}): {correctionSummary(correction)}.
              </p>
            ))}
          </li>
        );
      })}
    </ol>
  );
}

/** The verdict scale, explained: every verdict's label and definition, and the two other findings. */
export function VerdictScale() {
  return (
    <dl className="grid gap-2 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-4">
      {VERDICTS.map((verdict) => (
        <div key={verdict} className="contents">
          <dt>
            <span
              className="inline-block rounded px-1.5 py-0.5 text-xs font-semibold"
              style={{ color: VERDICT_SCALE[verdict].color, backgroundColor: VERDICT_SCALE[verdict].tint }}
            >
              {VERDICT_SCALE[verdict].label}
            </span>
          </dt>
          <dd className="text-muted">{VERDICT_SCALE[verdict].definition}</dd>
        </div>
      ))}
      {(["disputed", "unverified"] as const).map((status) => (
        <div key={status} className="contents">
          <dt>
            <span
              className="inline-block rounded px-1.5 py-0.5 text-xs font-semibold"
              style={{ color: PUBLISHED_STATUS_INFO[status].color, backgroundColor: PUBLISHED_STATUS_INFO[status].tint }}
            >
              {PUBLISHED_STATUS_INFO[status].label}
            </span>
          </dt>
          <dd className="text-muted">{PUBLISHED_STATUS_INFO[status].description}</dd>
        </div>
      ))}
    </dl>
  );
}
