import { cache } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Download } from "lucide-react";
import { isAppError } from "@/lib/errors";
import { formatDate, formatDateTime, plural } from "@/lib/format";
import { getVersion } from "@/lib/versions/get-version";
import { getVersionHistory } from "@/lib/versions/version-history";
import { parseVersionNumber } from "@/lib/versions/schemas";
import { diffPath, exportPath, versionPath, versionTextUrl } from "@/lib/versions/urls";
import { publicOrigin } from "@/lib/settings";
import { noteNumbers } from "@/lib/exports/findings";
import { safeHref } from "@/lib/exports/escape";
import { EXPORT_FORMATS, EXPORT_FORMAT_INFO } from "@/lib/exports";
import { Card } from "@/components/ui/card";
import { PublishedArticle } from "@/components/versions/published-article";
import { VerdictScale, VersionNotes, correctionSummary } from "@/components/versions/version-notes";

interface Params {
  articleId: string;
  number: string;
}

/** The version and its history, read once per request (metadata and page share it). */
const load = cache(async function load(articleId: string, number: string) {
  try {
    const version = await getVersion({ articleId, number: parseVersionNumber(number) });
    const history = await getVersionHistory({ articleId });
    return { version, history };
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { articleId, number } = await params;
  const { version } = await load(articleId, number);
  return {
    title: `${version.snapshot.article.title} (verified version ${version.number})`,
    description: `Fact-checked version ${version.number}, published ${formatDate(version.publishedAt)}.`,
    // The text alone, as the W3C annotations of this version target it.
    alternates: { types: { "text/plain": versionTextUrl(publicOrigin(), version.articleId, version.number) } },
  };
}

/**
 * The public page of a published version: no sign-in (versions are public by design), and
 * everything on it comes from the immutable snapshot, except the list of versions and the
 * corrections log, which grow as later versions are published.
 */
export default async function PublishedVersionPage({ params }: { params: Promise<Params> }) {
  const { articleId, number } = await params;
  const { version, history } = await load(articleId, number);
  const { snapshot } = version;
  const numbers = noteNumbers(snapshot.claims);
  const latest = history.versions.at(-1);
  const later = history.corrections.filter((correction) => correction.previousVersion >= version.number);
  const original = safeHref(snapshot.article.url);
  const meta = [
    snapshot.article.author,
    snapshot.article.outlet,
    snapshot.article.publishedAt ? formatDate(snapshot.article.publishedAt) : null,
  ].filter(Boolean);
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_17rem]">
      <article className="grid min-w-0 content-start gap-6">
        <section
          aria-label="About this version"
          data-testid="version-banner"
          className="rounded-lg border border-border border-l-4 border-l-accent bg-surface px-4 py-3 text-sm shadow-xs"
        >
          <p>
            <span className="font-semibold">Verified version {version.number}</span>
            <span className="text-muted">
              {" "}
              of {plural(history.versions.length, "version")} · published {formatDateTime(version.publishedAt)} by {version.publishedBy.name}
            </span>
          </p>
          {version.note ? <p className="mt-1">Editor’s note: {version.note}</p> : null}
          {latest && latest.number !== version.number ? (
            <p className="mt-1 font-medium text-warning">
              A newer version exists.{" "}
              <Link href={versionPath(snapshot.articleId, latest.number)} className="text-accent underline">
                Read version {latest.number}
              </Link>
              {later.length > 0 ? ` · ${plural(later.length, "correction")} since this one` : ""}
            </p>
          ) : null}
        </section>

        <header>
          <h1 className="font-serif text-3xl font-semibold leading-tight tracking-tight">{snapshot.article.title}</h1>
          <p className="mt-2 text-sm text-muted">
            {meta.join(" · ")}
            {original ? (
              <>
                {meta.length > 0 ? " · " : ""}
                <a href={original} rel="nofollow noopener noreferrer" className="text-accent hover:underline">
                  Original article
                </a>
              </>
            ) : null}
          </p>
          <p className="mt-2 text-sm text-muted">
            {plural(version.counts.verified, "verified claim")} · {plural(version.counts.disputed, "disputed claim")} ·{" "}
            {plural(version.counts.unverified, "claim")} not yet verified
          </p>
        </header>

        <PublishedArticle snapshot={snapshot} numbers={numbers} />

        {snapshot.claims.length > 0 ? (
          <section aria-labelledby="notes-title" className="grid gap-3">
            <h2 id="notes-title" className="text-lg font-semibold">
              Claims checked: verdicts and sources
            </h2>
            <VersionNotes claims={snapshot.claims} numbers={numbers} corrections={later} />
          </section>
        ) : null}

        <section aria-labelledby="scale-title" className="grid gap-3">
          <h2 id="scale-title" className="text-lg font-semibold">
            How we rate claims
          </h2>
          <VerdictScale />
        </section>

        <p className="break-all text-xs text-muted">
          sha256 of the published content: <span className="font-mono">{version.sha256}</span>
        </p>
      </article>

      <aside className="grid content-start gap-4 lg:sticky lg:top-4 lg:self-start" aria-label="Downloads and versions">
        <Card className="p-4">
          <h2 className="text-sm font-semibold">Download this version</h2>
          <ul className="mt-2 grid gap-1.5 text-sm">
            {EXPORT_FORMATS.map((format) => (
              <li key={format}>
                <a
                  href={exportPath(snapshot.articleId, version.number, format)}
                  download
                  className="inline-flex items-center gap-1.5 text-accent hover:underline"
                  data-format={format}
                >
                  <Download aria-hidden className="size-3.5" />
                  {EXPORT_FORMAT_INFO[format].label}
                </a>
              </li>
            ))}
          </ul>
        </Card>

        <Card className="p-4">
          <h2 className="text-sm font-semibold">Published versions</h2>
          <ol className="mt-2 grid gap-2 text-sm" aria-label="Published versions">
            {[...history.versions].reverse().map((item) => (
              <li key={item.id}>
                {item.number === version.number ? (
                  <span className="font-semibold" aria-current="page">
                    Version {item.number}
                  </span>
                ) : (
                  <Link href={versionPath(snapshot.articleId, item.number)} className="font-medium text-accent hover:underline">
                    Version {item.number}
                  </Link>
                )}
                <span className="block text-xs text-muted">
                  {formatDate(item.publishedAt)} · {plural(item.counts.verified, "verified claim")}
                </span>
                {item.number > 1 ? (
                  <Link href={diffPath(snapshot.articleId, item.number - 1, item.number)} className="text-xs text-accent hover:underline">
                    Changes from version {item.number - 1}
                  </Link>
                ) : null}
              </li>
            ))}
          </ol>
        </Card>

        <Card className="p-4" aria-labelledby="corrections-title">
          <h2 id="corrections-title" className="text-sm font-semibold">
            Corrections
          </h2>
          {history.corrections.length === 0 ? (
            <p className="mt-1 text-sm text-muted">No published finding has been corrected.</p>
          ) : (
            <ol className="mt-2 grid gap-3 text-sm" aria-label="Corrections log">
              {[...history.corrections].reverse().map((correction) => (
                <li key={`${correction.version}-${correction.claim.id}`} data-testid="correction">
                  <p className="text-xs text-muted">
                    {formatDate(correction.publishedAt)} ·{" "}
                    <Link href={versionPath(snapshot.articleId, correction.version)} className="text-accent hover:underline">
                      version {correction.version}
                    </Link>
                  </p>
                  <p className="mt-0.5">{correctionSummary(correction)}:</p>
                  <q className="block font-serif text-muted">{correction.claim.exact}</q>
                  {correction.note ? <p className="mt-0.5 text-xs">Editor’s note: {correction.note}</p> : null}
                </li>
              ))}
            </ol>
          )}
        </Card>
      </aside>
    </div>
  );
}
