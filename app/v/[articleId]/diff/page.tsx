import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { getVersion } from "@/lib/versions/get-version";
import { parseVersionNumber } from "@/lib/versions/schemas";
import { diffVersions, isEmptyDiff, type ClaimRef, type SourceChange } from "@/lib/versions/diff-versions";
import { claimAnchor, versionPath } from "@/lib/versions/urls";
import { STANCE_LABELS } from "@/lib/verdicts";
import { safeHref } from "@/lib/exports/escape";
import { Card } from "@/components/ui/card";
import { FindingLabel } from "@/components/versions/version-notes";

export const metadata: Metadata = { title: "Changes between versions" };

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

function ClaimLine({ claim, articleId, version }: { claim: ClaimRef; articleId: string; version: number }) {
  return (
    <span className="grid gap-1">
      <Link href={`${versionPath(articleId, version)}#${claimAnchor(claim.id)}`} className="font-serif hover:underline">
        {claim.exact}
      </Link>
    </span>
  );
}

function SourceLine({ change }: { change: SourceChange }) {
  const href = safeHref(change.source.url);
  return (
    <span>
      {href ? (
        <a href={href} rel="nofollow noopener noreferrer" className="font-medium text-accent hover:underline">
          {change.source.title}
        </a>
      ) : (
        <span className="font-medium">{change.source.title}</span>
      )}
      {change.source.publisher ? `, ${change.source.publisher}` : ""} — {STANCE_LABELS[change.source.stance]}
      <span className="block font-serif text-muted">on “{change.claim.exact}”</span>
    </span>
  );
}

function Section({ title, count, children }: { title: string; count: number; children: React.ReactNode }) {
  if (count === 0) return null;
  return (
    <Card className="p-4">
      <h2 className="text-sm font-semibold">
        {title} ({count})
      </h2>
      <ul className="mt-2 grid gap-2 text-sm">{children}</ul>
    </Card>
  );
}

/** What changed between two published versions: public, like the versions themselves. */
export default async function VersionDiffPage({
  params,
  searchParams,
}: {
  params: Promise<{ articleId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { articleId } = await params;
  const query = await searchParams;
  let from, to;
  try {
    const fromNumber = parseVersionNumber(first(query.from));
    const toNumber = parseVersionNumber(first(query.to));
    [from, to] = await Promise.all([getVersion({ articleId, number: fromNumber }), getVersion({ articleId, number: toNumber })]);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
  const diff = diffVersions(from.snapshot, to.snapshot);
  return (
    <div className="mx-auto grid max-w-3xl gap-6">
      <div>
        <p className="text-sm text-muted">
          <Link href={versionPath(articleId, to.number)} className="hover:text-ink hover:underline">
            {to.snapshot.article.title}
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">
          Changes from version {from.number} to version {to.number}
        </h1>
        <p className="mt-1 text-sm text-muted">
          Version {from.number}: {formatDate(from.publishedAt)} · version {to.number}: {formatDate(to.publishedAt)}
          {diff.revisionChanged ? ` · the article text was corrected (revision ${diff.fromRevision} → ${diff.toRevision})` : ""}
        </p>
        {to.note ? <p className="mt-2 text-sm">Editor’s note on version {to.number}: {to.note}</p> : null}
      </div>
      {isEmptyDiff(diff) ? (
        <Card className="p-8 text-center text-sm text-muted">No claims, verdicts or sources changed between these versions.</Card>
      ) : null}
      <Section title="Verdicts changed" count={diff.verdictChanges.length}>
        {diff.verdictChanges.map((change) => (
          <li key={change.claim.id} className="grid gap-1">
            <span className="flex flex-wrap items-center gap-2">
              <FindingLabel claim={{ ...change.before, verdict: change.before.status === "verified" ? (change.before.verdicts[0] ?? null) : null }} />
              <span aria-hidden>→</span>
              <span className="sr-only">changed to</span>
              <FindingLabel claim={{ ...change.after, verdict: change.after.status === "verified" ? (change.after.verdicts[0] ?? null) : null }} />
            </span>
            <ClaimLine claim={change.claim} articleId={articleId} version={to.number} />
          </li>
        ))}
      </Section>
      <Section title="Claims added" count={diff.claimsAdded.length}>
        {diff.claimsAdded.map((claim) => (
          <li key={claim.id}>
            <ClaimLine claim={claim} articleId={articleId} version={to.number} />
          </li>
        ))}
      </Section>
      <Section title="Claims removed" count={diff.claimsRemoved.length}>
        {diff.claimsRemoved.map((claim) => (
          <li key={claim.id}>
            <ClaimLine claim={claim} articleId={articleId} version={from.number} />
          </li>
        ))}
      </Section>
      <Section title="Sources added" count={diff.sourcesAdded.length}>
        {diff.sourcesAdded.map((change) => (
          <li key={`${change.claim.id}-${change.source.id}`}>
            <SourceLine change={change} />
          </li>
        ))}
      </Section>
      <Section title="Sources removed" count={diff.sourcesRemoved.length}>
        {diff.sourcesRemoved.map((change) => (
          <li key={`${change.claim.id}-${change.source.id}`}>
            <SourceLine change={change} />
          </li>
        ))}
      </Section>
    </div>
  );
}
