"use client";

import { useCallback, useEffect, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { FileText, Loader2, MessageSquareQuote, Scale, Link2 } from "lucide-react";
import { api, ApiError } from "@/lib/api-client";
import type { SearchPageDTO, SearchResultDTO, SearchType } from "@/lib/search/schemas";
import { CLAIM_STATUSES, VERDICTS } from "@/lib/claims/present";
import { CLAIM_STATUS_INFO } from "@/lib/claims/status-labels";
import { VERDICT_SCALE } from "@/lib/verdicts";
import { formatDate } from "@/lib/format";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Snippet } from "@/components/search/snippet";
import { SEARCH_PARAM_KEYS, type SearchParamsState } from "@/components/search/search-params";

const TYPE_INFO: Record<SearchType, { label: string; icon: typeof FileText }> = {
  claim: { label: "Claim", icon: MessageSquareQuote },
  article: { label: "Article", icon: FileText },
  source: { label: "Source", icon: Link2 },
  verdict: { label: "Verdict", icon: Scale },
};

function queryString(state: SearchParamsState, cursor?: string): string {
  const params = new URLSearchParams();
  for (const key of SEARCH_PARAM_KEYS) if (state[key]) params.set(key, state[key]);
  if (cursor) params.set("cursor", cursor);
  return params.toString();
}

/** Where a result opens: the article, with the claim open in its panel. */
function resultHref(result: SearchResultDTO): string {
  const base = `/articles/${encodeURIComponent(result.articleId)}`;
  return result.claimId ? `${base}?claim=${encodeURIComponent(result.claimId)}` : base;
}

/** The search page: filters in the address (shareable, back-button friendly), results a page at a time. */
export function SearchView({
  initial,
  articles,
  members,
  actorId,
}: {
  initial: SearchParamsState;
  articles: { id: string; title: string }[];
  /** The desk's enabled members by name, for "marked or checked by". */
  members: { id: string; name: string }[];
  actorId: string;
}) {
  const router = useRouter();
  const [form, setForm] = useState<SearchParamsState>(initial);
  const [results, setResults] = useState<SearchResultDTO[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [state, setState] = useState<"idle" | "loading" | "more" | "done" | "error">(initial.q ? "loading" : "idle");
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (cursor?: string) => {
      setState(cursor ? "more" : "loading");
      setError(null);
      try {
        const page = await api<SearchPageDTO>(`/api/search?${queryString(initial, cursor)}`);
        setResults((previous) => (cursor ? [...previous, ...page.items] : page.items));
        setNextCursor(page.nextCursor);
        setState("done");
      } catch (failure) {
        setError(failure instanceof ApiError ? failure.message : "The search failed. Try again.");
        setState("error");
      }
    },
    [initial],
  );

  // The first page of the search in the address (the page remounts this view when it changes).
  useEffect(() => {
    if (!initial.q) return;
    let cancelled = false;
    api<SearchPageDTO>(`/api/search?${queryString(initial)}`).then(
      (page) => {
        if (cancelled) return;
        setResults(page.items);
        setNextCursor(page.nextCursor);
        setState("done");
      },
      (failure: unknown) => {
        if (cancelled) return;
        setError(failure instanceof ApiError ? failure.message : "The search failed. Try again.");
        setState("error");
      },
    );
    return () => {
      cancelled = true;
    };
  }, [initial]);

  const set = (key: keyof SearchParamsState) => (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setForm((previous) => ({ ...previous, [key]: event.target.value }));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    router.push(`/search?${queryString({ ...form, q: form.q.trim() })}`);
  };

  return (
    <div className="grid gap-6">
      <form role="search" onSubmit={submit} className="grid gap-4 rounded-lg border border-border bg-surface p-4 shadow-xs">
        <div className="flex gap-2">
          <div className="grow">
            <Label htmlFor="search-q" className="sr-only">
              Search for
            </Label>
            <Input
              id="search-q"
              type="search"
              value={form.q}
              onChange={set("q")}
              placeholder="Words, names, figures… (use quotes for a phrase)"
              autoFocus
              maxLength={200}
            />
          </div>
          <Button type="submit">Search</Button>
        </div>
        <fieldset className="grid grid-cols-2 items-end gap-3 sm:grid-cols-3">
          <legend className="sr-only">Filters</legend>
          <div className="grid min-w-0 gap-1">
            <Label htmlFor="search-type">Type</Label>
            <Select id="search-type" value={form.type} onChange={set("type")}>
              <option value="">Everything</option>
              <option value="claim">Claims</option>
              <option value="article">Articles</option>
              <option value="source">Sources</option>
              <option value="verdict">Verdicts</option>
            </Select>
          </div>
          <div className="grid min-w-0 gap-1">
            <Label htmlFor="search-status">Claim status</Label>
            <Select id="search-status" value={form.status} onChange={set("status")}>
              <option value="">Any</option>
              {CLAIM_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {CLAIM_STATUS_INFO[status].label}
                </option>
              ))}
            </Select>
          </div>
          <div className="grid min-w-0 gap-1">
            <Label htmlFor="search-verdict">Verdict</Label>
            <Select id="search-verdict" value={form.verdict} onChange={set("verdict")}>
              <option value="">Any</option>
              {VERDICTS.map((verdict) => (
                <option key={verdict} value={verdict}>
                  {VERDICT_SCALE[verdict].label}
                </option>
              ))}
            </Select>
          </div>
          <div className="grid min-w-0 gap-1">
            <Label htmlFor="search-article">Article</Label>
            <Select id="search-article" value={form.articleId} onChange={set("articleId")}>
              <option value="">Any</option>
              {articles.map((article) => (
                <option key={article.id} value={article.id}>
                  {article.title}
                </option>
              ))}
            </Select>
          </div>
          <div className="grid min-w-0 gap-1">
            <Label htmlFor="search-author">Marked or checked by</Label>
            <Select id="search-author" value={form.author} onChange={set("author")}>
              <option value="">Anyone</option>
              <option value={actorId}>Me</option>
              {members
                .filter((member) => member.id !== actorId)
                .map((member) => (
                  <option key={member.id} value={member.id}>
                    {member.name}
                  </option>
                ))}
              {form.author && form.author !== actorId && !members.some((member) => member.id === form.author) ? (
                <option value={form.author}>Someone no longer on the desk</option>
              ) : null}
            </Select>
          </div>
          <div className="grid min-w-0 gap-1">
            <Label htmlFor="search-from">From</Label>
            <Input id="search-from" type="date" value={form.from} onChange={set("from")} className="min-w-0" />
          </div>
          <div className="grid min-w-0 gap-1">
            <Label htmlFor="search-to">To</Label>
            <Input id="search-to" type="date" value={form.to} onChange={set("to")} className="min-w-0" />
          </div>
        </fieldset>
      </form>

      <section aria-label="Results" aria-busy={state === "loading"} className="grid min-w-0 gap-3">
        {state === "idle" ? (
          <p className="text-sm text-muted">
            Search every article, claim, source and verdict rationale on the desk. Press <kbd className="rounded border border-border-strong px-1 text-xs">/</kbd>{" "}
            anywhere to come back here.
          </p>
        ) : null}
        {state === "loading" ? (
          <p className="flex items-center gap-2 text-sm text-muted" role="status">
            <Loader2 aria-hidden className="size-4 animate-spin" /> Searching…
          </p>
        ) : null}
        {error ? (
          <Alert tone="danger">
            {error}{" "}
            <Button variant="link" size="sm" className="h-auto px-0" onClick={() => void load()}>
              Try again
            </Button>
          </Alert>
        ) : null}
        {state !== "loading" && state !== "idle" && !error && results.length === 0 ? (
          <div className="rounded-lg border border-dashed border-border-strong p-6 text-sm text-muted" role="status">
            <p className="font-medium text-ink">Nothing on the desk matches “{initial.q}”.</p>
            <p className="mt-1">Try fewer or other words, remove a filter, or search for a name or a figure from the claim.</p>
          </div>
        ) : null}
        {results.length > 0 ? (
          <ol className="grid gap-3" data-testid="search-results">
            {results.map((result) => {
              const info = TYPE_INFO[result.type];
              const Icon = info.icon;
              return (
                <li key={`${result.type}:${result.id}`} className="min-w-0">
                  <Link
                    href={resultHref(result)}
                    className="block rounded-lg border border-border bg-surface p-4 shadow-xs transition-colors hover:border-accent/40 focus-visible:outline-2 focus-visible:outline-focus"
                  >
                    <span className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted">
                      <span className="inline-flex items-center gap-1 font-medium text-ink">
                        <Icon aria-hidden className="size-3.5" /> {info.label}
                      </span>
                      <span aria-hidden>·</span>
                      <span className="max-w-full truncate">{result.articleTitle}</span>
                      <span aria-hidden>·</span>
                      <span>{formatDate(result.createdAt)}</span>
                    </span>
                    <span className="mt-2 block text-sm leading-relaxed text-ink">
                      <Snippet parts={result.snippet} />
                    </span>
                  </Link>
                </li>
              );
            })}
          </ol>
        ) : null}
        {nextCursor && state !== "loading" ? (
          <div className="flex justify-center">
            <Button variant="secondary" onClick={() => void load(nextCursor)} disabled={state === "more"}>
              {state === "more" ? <Loader2 aria-hidden className="animate-spin" /> : null}
              More results
            </Button>
          </div>
        ) : null}
      </section>
    </div>
  );
}
