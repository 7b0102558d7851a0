"use client";

/**
 * The dashboard: a date range and an article filter, and the charts of `GET /api/dashboard`.
 * The filters live in the address (`/dashboard?from=&to=&articleId=`), so a view can be shared.
 */
import * as React from "react";
import { usePathname, useRouter } from "next/navigation";
import type { DashboardDTO } from "@/lib/dashboard/get-dashboard";
import type { ArticleChoiceDTO } from "@/lib/dashboard/article-choices";
import { api, ApiError } from "@/lib/api-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Agreement, ChecksPerWeek, ClaimsByStatus, OpenWork, TimeToVerified, VerdictsByKind } from "@/components/dashboard/charts";

export interface DashboardFilters {
  from: string;
  to: string;
  articleId: string;
}

function queryOf(filters: DashboardFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}

type State =
  | { kind: "loading"; previous: DashboardDTO | null }
  | { kind: "loaded"; data: DashboardDTO }
  | { kind: "failed"; error: ApiError | Error; previous: DashboardDTO | null };

export function Dashboard({ articles, initial }: { articles: ArticleChoiceDTO[]; initial: DashboardFilters }) {
  const router = useRouter();
  const pathname = usePathname();
  const [draft, setDraft] = React.useState<DashboardFilters>(initial);
  const [applied, setApplied] = React.useState<DashboardFilters>(initial);
  const [attempt, setAttempt] = React.useState(0);
  const [state, setState] = React.useState<State>({ kind: "loading", previous: null });

  React.useEffect(() => {
    // The state says "loading" already: set so initially, and by whatever changed `applied` or `attempt`.
    const controller = new AbortController();
    api<DashboardDTO>(`/api/dashboard${queryOf(applied)}`, { signal: controller.signal, errorMessage: "Could not load the dashboard." })
      .then((data) => {
        setState({ kind: "loaded", data });
        // The range the server settled on fills empty date inputs.
        setDraft((current) => ({ ...current, from: current.from || data.range.from, to: current.to || data.range.to }));
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState((current) => ({
          kind: "failed",
          error: error instanceof Error ? error : new Error("Could not load the dashboard."),
          previous: current.kind === "loading" ? current.previous : null,
        }));
      });
    return () => controller.abort();
  }, [applied, attempt]);

  const startLoading = () =>
    setState((current) => ({ kind: "loading", previous: current.kind === "loaded" ? current.data : current.previous }));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startLoading();
    setApplied({ ...draft });
    router.replace(`${pathname}${queryOf(draft)}`, { scroll: false });
  };

  const fields = state.kind === "failed" && state.error instanceof ApiError ? state.error.fields : {};
  const data = state.kind === "loaded" ? state.data : state.previous;
  const busy = state.kind === "loading";

  return (
    <div className="grid gap-5">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3" aria-label="Dashboard filters" noValidate>
        <div className="w-[calc(50%-0.375rem)] sm:w-40">
          <Field id="dashboard-from" label="From" type="date" value={draft.from} error={fields.from} onChange={(event) => setDraft({ ...draft, from: event.target.value })} />
        </div>
        <div className="w-[calc(50%-0.375rem)] sm:w-40">
          <Field id="dashboard-to" label="To" type="date" value={draft.to} error={fields.to} onChange={(event) => setDraft({ ...draft, to: event.target.value })} />
        </div>
        <div className="grid min-w-0 flex-1 basis-56 gap-1.5">
          <Label htmlFor="dashboard-article">Article</Label>
          <Select
            id="dashboard-article"
            value={draft.articleId}
            onChange={(event) => setDraft({ ...draft, articleId: event.target.value })}
            aria-invalid={fields.articleId ? true : undefined}
            aria-describedby={fields.articleId ? "dashboard-article-error" : undefined}
          >
            <option value="">All articles</option>
            {articles.map((article) => (
              <option key={article.id} value={article.id}>
                {article.title}
              </option>
            ))}
          </Select>
          {fields.articleId ? (
            <p id="dashboard-article-error" className="text-xs font-medium text-danger">
              {fields.articleId}
            </p>
          ) : null}
        </div>
        <Button type="submit" disabled={busy}>
          Show
        </Button>
      </form>

      <div aria-live="polite" className="text-sm text-muted" data-testid="dashboard-status">
        {busy ? "Loading figures…" : data ? `Figures from ${data.range.from} to ${data.range.to}, ${data.scope === "desk" ? "the whole desk" : "your own work"}${data.articleId ? ", one article" : ""}.` : null}
      </div>

      {state.kind === "failed" ? (
        <Alert tone="danger" className="flex flex-wrap items-center justify-between gap-3">
          <span>{state.error.message}</span>
          {Object.keys(fields).length === 0 ? (
            <Button variant="secondary" size="sm" onClick={() => {
                startLoading();
                setAttempt((count) => count + 1);
              }}>
              Try again
            </Button>
          ) : null}
        </Alert>
      ) : null}

      {data ? (
        <div className={`grid gap-4 transition-opacity lg:grid-cols-2 ${busy ? "opacity-60" : ""}`} aria-busy={busy} data-testid="dashboard-charts">
          <ClaimsByStatus data={data.claimsByStatus} />
          <VerdictsByKind data={data.verdictsByKind} />
          <ChecksPerWeek data={data.checksPerWeek} />
          <TimeToVerified data={data.timeToVerified} />
          <OpenWork data={data.openWork} desk={data.scope === "desk"} />
          <Agreement data={data.agreement} desk={data.scope === "desk"} />
        </div>
      ) : busy ? (
        <div className="grid gap-4 lg:grid-cols-2" aria-hidden>
          {Array.from({ length: 4 }, (_, index) => (
            <div key={index} className="h-72 animate-pulse rounded-lg border border-border bg-surface" />
          ))}
        </div>
      ) : null}
    </div>
  );
}
