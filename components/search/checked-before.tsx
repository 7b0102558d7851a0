"use client";

import { useEffect, useState } from "react";
import Link from "next/link";
import { Copy, Link2, Unlink } from "lucide-react";
import { api, ApiError } from "@/lib/api-client";
import type { MatchedClaimDTO, MatchesDTO } from "@/lib/search/schemas";
import { plural } from "@/lib/format";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { ClaimStatusBadge } from "@/components/claims/status-badge";
import { VerdictBadge } from "@/components/claims/verdict-badge";

interface Entry {
  claim: MatchedClaimDTO;
  level: "same" | "similar";
  linked: boolean;
}

/** Linked claims first, then same claims, then similar ones, each group best first. */
function entriesOf(matches: MatchesDTO): Entry[] {
  const linked = new Set(matches.links.map((claim) => claim.id));
  const rank = (entry: Entry) => (entry.linked ? 0 : entry.level === "same" ? 1 : 2);
  const entries: Entry[] = [
    ...matches.links.map((claim) => ({
      claim,
      linked: true,
      level: matches.items.find((item) => item.claim.id === claim.id)?.level ?? ("same" as const),
    })),
    ...matches.items.filter((item) => !linked.has(item.claim.id)).map((item) => ({ claim: item.claim, level: item.level, linked: false })),
  ];
  return entries.map((entry, index) => ({ entry, index })).sort((a, b) => rank(a.entry) - rank(b.entry) || a.index - b.index).map(({ entry }) => entry);
}

/**
 * "Checked before": claims elsewhere on the desk that say what this one says, with their
 * article, status, approved verdict and published version. A reviewer links one as the same
 * claim (or unlinks it) and reuses its approved sources as their own drafts.
 */
export function CheckedBefore({ claimId, canAnnotate, onSourcesAdded }: { claimId: string; canAnnotate: boolean; onSourcesAdded: () => void }) {
  const [matches, setMatches] = useState<MatchesDTO | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  /** Bumped to look again (after a link, an unlink, or "Try again"). */
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let cancelled = false;
    api<MatchesDTO>(`/api/claims/${encodeURIComponent(claimId)}/matches`).then(
      (found) => {
        if (cancelled) return;
        setMatches(found);
        setError(null);
      },
      (failure: unknown) => {
        if (!cancelled) setError(failure instanceof ApiError ? failure.message : "Could not look for earlier checks.");
      },
    );
    return () => {
      cancelled = true;
    };
  }, [claimId, version]);

  const load = () => setVersion((current) => current + 1);

  async function act(key: string, run: () => Promise<string>) {
    setBusy(key);
    setActionError(null);
    setNotice(null);
    try {
      setNotice(await run());
    } catch (failure) {
      setActionError(failure instanceof ApiError ? failure.message : "That did not work. Try again.");
    } finally {
      setBusy(null);
    }
  }

  const link = (other: MatchedClaimDTO) =>
    act(`link:${other.id}`, async () => {
      await api(`/api/claims/${encodeURIComponent(claimId)}/links`, { method: "POST", body: { claimId: other.id } });
      load();
      return "Linked as the same claim.";
    });

  const unlink = (other: MatchedClaimDTO) =>
    act(`link:${other.id}`, async () => {
      await api(`/api/claims/${encodeURIComponent(claimId)}/links/${encodeURIComponent(other.id)}`, { method: "DELETE" });
      load();
      return "Unlinked.";
    });

  const reuse = (other: MatchedClaimDTO) =>
    act(`reuse:${other.id}`, async () => {
      const { items } = await api<{ items: unknown[] }>(`/api/claims/${encodeURIComponent(claimId)}/reuse-sources`, {
        method: "POST",
        body: { fromClaimId: other.id },
      });
      onSourcesAdded();
      return items.length === 0
        ? "You already have these sources here."
        : `${plural(items.length, "source")} added as your drafts: submit them for review when ready.`;
    });

  const entries = matches ? entriesOf(matches) : [];
  return (
    <section aria-labelledby={`checked-before-${claimId}`} className="grid gap-2" data-testid="checked-before">
      <h3 id={`checked-before-${claimId}`} className="text-sm font-semibold">
        Checked before
      </h3>
      {error ? (
        <Alert tone="danger">
          <span className="flex flex-wrap items-center justify-between gap-2">
            <span>{error}</span>
            <Button variant="secondary" size="sm" onClick={load}>
              Try again
            </Button>
          </span>
        </Alert>
      ) : matches === null ? (
        <div aria-busy="true" className="h-12 animate-pulse rounded-lg bg-border/60">
          <span className="sr-only">Looking for claims the desk checked before…</span>
        </div>
      ) : entries.length === 0 ? (
        <p className="text-sm text-muted">Nothing elsewhere on the desk says this yet.</p>
      ) : (
        <ul className="grid gap-2">
          {entries.map(({ claim, level, linked }) => (
            <li
              key={claim.id}
              className={`grid gap-2 rounded-lg border p-3 text-sm ${level === "same" || linked ? "border-accent/40 bg-accent-soft/40" : "border-border bg-surface"}`}
              data-testid="match"
            >
              <div className="flex flex-wrap items-center gap-1.5 text-xs">
                <span className={`rounded px-1.5 py-0.5 font-semibold ${level === "same" || linked ? "bg-accent text-white" : "bg-canvas text-muted"}`}>
                  {level === "same" || linked ? "Same claim" : "Similar"}
                </span>
                {linked ? (
                  <span className="inline-flex items-center gap-1 font-medium text-accent">
                    <Link2 aria-hidden className="size-3.5" /> Linked
                  </span>
                ) : null}
                <ClaimStatusBadge status={claim.status} />
                {claim.verdict ? <VerdictBadge verdict={claim.verdict} /> : null}
              </div>
              <blockquote className="font-serif leading-snug text-ink">“{claim.exact.length > 240 ? `${claim.exact.slice(0, 239)}…` : claim.exact}”</blockquote>
              <p className="flex flex-wrap gap-x-2 text-xs text-muted">
                <Link href={`/articles/${encodeURIComponent(claim.articleId)}?claim=${encodeURIComponent(claim.id)}`} className="text-accent hover:underline">
                  {claim.articleTitle}
                </Link>
                {claim.publishedVersion ? (
                  <Link href={claim.publishedVersion.url} className="hover:text-ink hover:underline">
                    Published in version {claim.publishedVersion.number}
                  </Link>
                ) : (
                  <span>Not published</span>
                )}
              </p>
              <div className="flex flex-wrap gap-1.5">
                {linked ? (
                  <Button variant="ghost" size="sm" disabled={busy !== null} onClick={() => void unlink(claim)}>
                    <Unlink aria-hidden /> Unlink
                  </Button>
                ) : (
                  <Button variant="secondary" size="sm" disabled={busy !== null} onClick={() => void link(claim)}>
                    <Link2 aria-hidden /> Link as same claim
                  </Button>
                )}
                {canAnnotate ? (
                  <Button variant="ghost" size="sm" disabled={busy !== null} onClick={() => void reuse(claim)}>
                    <Copy aria-hidden /> Reuse sources
                  </Button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      {actionError ? <Alert tone="danger">{actionError}</Alert> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
    </section>
  );
}
