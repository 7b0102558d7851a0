"use client";

/**
 * The dashboard's charts (recharts: SVG drawn by React, nothing evaluated, no style elements,
 * so the page's Content-Security-Policy holds). Each chart is paired with the same figures as
 * a table behind "Show as table", for screen readers and for anyone who wants the numbers.
 */
import * as React from "react";
import Link from "next/link";
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DashboardDTO } from "@/lib/dashboard/get-dashboard";
import { CLAIM_STATUS_INFO } from "@/lib/claims/status-labels";
import { VERDICT_SCALE } from "@/lib/verdicts";
import { Card } from "@/components/ui/card";

const AXIS = { fontSize: 12, fill: "#5d6068" };
const GRID = "#e2e2dd";
const ACCENT = "#1f4e8c";
const ACCENT_SOFT = "#9db7dc";
const DANGER = "#b42318";
const WARNING = "#b87a00";

const weekFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const longWeekFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const dueFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });

/** "2 Mar" for the week starting on Monday 2 March. */
export function weekLabel(week: string): string {
  return weekFormat.format(new Date(`${week}T00:00:00Z`));
}

function weekOf(week: string): string {
  return `Week of ${longWeekFormat.format(new Date(`${week}T00:00:00Z`))}`;
}

/** Hours as people say them: "5.5 hours", "3.2 days". */
export function durationLabel(hours: number | null): string {
  if (hours === null) return "—";
  if (hours < 48) return `${hours.toLocaleString("en")} ${hours === 1 ? "hour" : "hours"}`;
  return `${(Math.round((hours / 24) * 10) / 10).toLocaleString("en")} days`;
}

/** A chart's frame: title, what it counts, the chart (or why there is none) and its table. */
function ChartCard({
  id,
  title,
  description,
  empty,
  emptyText,
  chart,
  table,
  aside,
  className,
}: {
  id: string;
  title: string;
  description: string;
  empty: boolean;
  emptyText: string;
  chart: React.ReactNode;
  table: React.ReactNode;
  /** Shown beside the chart (below it on narrow screens), to everyone: links, not figures. */
  aside?: React.ReactNode;
  className?: string;
}) {
  return (
    <Card className={`grid min-w-0 content-start gap-3 p-4 sm:p-5 ${className ?? ""}`} data-testid={`chart-${id}`}>
      <div>
        <h2 id={`${id}-title`} className="font-semibold tracking-tight">
          {title}
        </h2>
        <p className="mt-0.5 text-sm text-muted">{description}</p>
      </div>
      {empty ? (
        <p className="rounded-md border border-dashed border-border px-4 py-8 text-center text-sm text-muted">{emptyText}</p>
      ) : (
        <>
          {/* The table below says the same; the drawing is for the eye. */}
          <div className={aside ? "grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]" : "contents"}>
            <div aria-hidden className="min-w-0">
              {chart}
            </div>
            {aside}
          </div>
          <details className="group text-sm">
            <summary className="cursor-pointer select-none rounded text-accent underline-offset-4 hover:underline">Show as table</summary>
            <div className="mt-2 max-h-80 overflow-auto">{table}</div>
          </details>
        </>
      )}
    </Card>
  );
}

function Table({ caption, head, rows, testId }: { caption: string; head: string[]; rows: (string | number)[][]; testId?: string }) {
  return (
    <table className="w-full border-collapse text-left text-sm tabular-nums" data-testid={testId}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-border text-xs text-muted">
          {head.map((cell, index) => (
            <th key={cell} scope="col" className={`py-1.5 pr-3 font-medium ${index > 0 ? "text-right" : ""}`}>
              {cell}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={String(row[0])} className="border-b border-border/60 last:border-0">
            {row.map((cell, index) =>
              index === 0 ? (
                <th key={index} scope="row" className="py-1.5 pr-3 font-normal">
                  {cell}
                </th>
              ) : (
                <td key={index} className="py-1.5 pr-3 text-right">
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const tooltip = { contentStyle: { fontSize: 12, borderRadius: 6, borderColor: GRID }, cursor: { fill: "rgba(31, 78, 140, 0.06)" } };

export function ClaimsByStatus({ data }: { data: DashboardDTO["claimsByStatus"] }) {
  const rows = data.map((row) => ({ ...row, label: CLAIM_STATUS_INFO[row.status].label }));
  const total = data.reduce((sum, row) => sum + row.count, 0);
  return (
    <ChartCard
      id="claims-by-status"
      title="Claims by status"
      description={`${total.toLocaleString("en")} ${total === 1 ? "claim" : "claims"} marked in the range, by their status now.`}
      empty={total === 0}
      emptyText="No claims were marked in this range."
      chart={
        <ResponsiveContainer width="100%" height={220}>
          <BarChart accessibilityLayer={false} data={rows} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid horizontal={false} stroke={GRID} />
            <XAxis type="number" allowDecimals={false} tick={AXIS} stroke={GRID} />
            <YAxis type="category" dataKey="label" width={120} tick={AXIS} stroke={GRID} />
            <Tooltip {...tooltip} />
            <Bar dataKey="count" name="Claims" isAnimationActive={false} radius={[0, 3, 3, 0]}>
              {rows.map((row) => (
                <Cell key={row.status} fill={CLAIM_STATUS_INFO[row.status].underline} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      }
      table={<Table caption="Claims by status" head={["Status", "Claims"]} rows={rows.map((row) => [row.label, row.count])} />}
    />
  );
}

export function VerdictsByKind({ data }: { data: DashboardDTO["verdictsByKind"] }) {
  const rows = data.map((row) => ({ ...row, label: VERDICT_SCALE[row.verdict].label }));
  const total = data.reduce((sum, row) => sum + row.approved + row.inReview, 0);
  return (
    <ChartCard
      id="verdicts-by-kind"
      title="Verdicts by kind"
      description="Verdicts submitted in the range: approved, and still in review."
      empty={total === 0}
      emptyText="No verdicts were submitted in this range."
      chart={
        <ResponsiveContainer width="100%" height={220}>
          <BarChart accessibilityLayer={false} data={rows} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid horizontal={false} stroke={GRID} />
            <XAxis type="number" allowDecimals={false} tick={AXIS} stroke={GRID} />
            <YAxis type="category" dataKey="label" width={120} tick={AXIS} stroke={GRID} />
            <Tooltip {...tooltip} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="approved" name="Approved" stackId="verdicts" fill={ACCENT} isAnimationActive={false} />
            <Bar dataKey="inReview" name="In review" stackId="verdicts" fill={ACCENT_SOFT} isAnimationActive={false} radius={[0, 3, 3, 0]} />
          </BarChart>
        </ResponsiveContainer>
      }
      table={
        <Table
          caption="Verdicts by kind"
          head={["Verdict", "Approved", "In review"]}
          rows={rows.map((row) => [row.label, row.approved, row.inReview])}
        />
      }
    />
  );
}

export function ChecksPerWeek({ data }: { data: DashboardDTO["checksPerWeek"] }) {
  const rows = data.map((row) => ({ ...row, label: weekLabel(row.week) }));
  const total = data.reduce((sum, row) => sum + row.count, 0);
  return (
    <ChartCard
      id="checks-per-week"
      title="Checks completed per week"
      description={`${total.toLocaleString("en")} ${total === 1 ? "claim" : "claims"} became verified or disputed.`}
      empty={total === 0}
      emptyText="No checks were completed in this range."
      chart={
        <ResponsiveContainer width="100%" height={220}>
          <BarChart accessibilityLayer={false} data={rows} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid vertical={false} stroke={GRID} />
            <XAxis dataKey="label" tick={AXIS} stroke={GRID} minTickGap={12} />
            <YAxis allowDecimals={false} tick={AXIS} stroke={GRID} />
            <Tooltip {...tooltip} />
            <Bar dataKey="count" name="Checks completed" fill={ACCENT} isAnimationActive={false} radius={[3, 3, 0, 0]} />
          </BarChart>
        </ResponsiveContainer>
      }
      table={<Table caption="Checks completed per week" head={["Week", "Checks completed"]} rows={data.map((row) => [weekOf(row.week), row.count])} />}
    />
  );
}

export function TimeToVerified({ data }: { data: DashboardDTO["timeToVerified"] }) {
  // Drawn in days when the median is two days or more, in hours below that.
  const inDays = (data.medianHours ?? 0) >= 48;
  const rows = data.weeks.map((row) => ({
    label: weekLabel(row.week),
    median: row.medianHours === null ? null : inDays ? Math.round((row.medianHours / 24) * 10) / 10 : row.medianHours,
  }));
  const unit = inDays ? "days" : "hours";
  return (
    <ChartCard
      id="time-to-verified"
      title="Time from marked to verified"
      description="Median, over the claims first verified in the range."
      empty={data.claims === 0}
      emptyText="No claims were verified in this range."
      chart={
        <div className="grid gap-3">
          <p className="text-3xl font-semibold tracking-tight" data-testid="median-time">
            {durationLabel(data.medianHours)}
            <span className="ml-2 text-sm font-normal text-muted">
              median of {data.claims.toLocaleString("en")} {data.claims === 1 ? "claim" : "claims"}
            </span>
          </p>
          <ResponsiveContainer width="100%" height={160}>
            <LineChart accessibilityLayer={false} data={rows} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
              <CartesianGrid vertical={false} stroke={GRID} />
              <XAxis dataKey="label" tick={AXIS} stroke={GRID} minTickGap={12} />
              <YAxis tick={AXIS} stroke={GRID} unit={inDays ? " d" : " h"} allowDecimals={false} />
              <Tooltip {...tooltip} formatter={(value) => (typeof value === "number" ? `${value.toLocaleString("en")} ${unit}` : "—")} />
              <Line dataKey="median" name="Median" stroke={ACCENT} strokeWidth={2} dot={{ r: 2.5 }} connectNulls isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>
      }
      table={
        <Table
          caption="Median time from marked to verified, per week"
          head={["Week", "Median", "Claims verified"]}
          rows={[
            ["Whole range", durationLabel(data.medianHours), data.claims],
            ...data.weeks.map((row) => [weekOf(row.week), durationLabel(row.medianHours), row.claims]),
          ]}
        />
      }
    />
  );
}

export function OpenWork({ data, desk }: { data: DashboardDTO["openWork"]; desk: boolean }) {
  const rows = data.assignees.map((row) => ({ name: row.assignee.name, onTime: row.open - row.overdue, overdue: row.overdue }));
  return (
    <ChartCard
      id="open-work"
      className="lg:col-span-2"
      title={desk ? "Open work per reviewer" : "Your open work"}
      description="Assigned articles, and assigned claims not yet verified or disputed, now; whatever the range."
      empty={rows.length === 0}
      emptyText={desk ? "Nothing is assigned to anyone." : "Nothing is assigned to you."}
      aside={<OverdueList items={data.overdue} />}
      chart={
          <ResponsiveContainer width="100%" height={Math.max(120, 40 + rows.length * 34)}>
            <BarChart accessibilityLayer={false} data={rows} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }}>
              <CartesianGrid horizontal={false} stroke={GRID} />
              <XAxis type="number" allowDecimals={false} tick={AXIS} stroke={GRID} />
              <YAxis type="category" dataKey="name" width={110} tick={AXIS} stroke={GRID} />
              <Tooltip {...tooltip} />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Bar dataKey="overdue" name="Overdue" stackId="work" fill={DANGER} isAnimationActive={false} />
              <Bar dataKey="onTime" name="Not overdue" stackId="work" fill={ACCENT_SOFT} isAnimationActive={false} radius={[0, 3, 3, 0]} />
            </BarChart>
          </ResponsiveContainer>
      }
      table={
        <Table
          caption="Open work per reviewer"
          testId="open-work-table"
          head={["Assignee", "Open", "Overdue"]}
          rows={data.assignees.map((row) => [row.assignee.name, row.open, row.overdue])}
        />
      }
    />
  );
}

function OverdueList({ items }: { items: DashboardDTO["openWork"]["overdue"] }) {
  return (
    <div className="min-w-0">
      <h3 className="text-sm font-medium">Overdue</h3>
      {items.length === 0 ? (
        <p className="mt-1 text-sm text-muted">Nothing is overdue.</p>
      ) : (
        <ul className="mt-1 grid gap-1.5 text-sm">
          {items.map((item) => (
            <li key={`${item.type}:${item.id}`} className="min-w-0">
              <Link
                href={item.type === "claim" ? `/articles/${item.articleId}?claim=${encodeURIComponent(item.id)}` : `/articles/${item.articleId}`}
                className="block truncate text-ink hover:text-accent hover:underline"
              >
                {item.quote ? `“${item.quote}”` : item.articleTitle}
              </Link>
              <span className="text-xs text-muted">
                {item.assignee.name} · due {dueFormat.format(new Date(item.dueAt))}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Agreement({ data, desk }: { data: DashboardDTO["agreement"]; desk: boolean }) {
  const rows = data.map((row) => ({ ...row, label: weekLabel(row.week) }));
  const total = data.reduce((sum, row) => sum + row.approve + row.requestChanges + row.reject, 0);
  const approved = data.reduce((sum, row) => sum + row.approve, 0);
  const share = (value: number | null) => (value === null ? "—" : `${Math.round(value * 100)}%`);
  return (
    <ChartCard
      id="agreement"
      className="lg:col-span-2"
      title="Review decisions per week"
      description={
        total === 0
          ? "How reviewers decided, and the share of reviews that approved."
          : `${desk ? "Reviewers" : "You"} approved ${share(approved / total)} of ${total.toLocaleString("en")} ${total === 1 ? "review" : "reviews"}; the rest requested changes or rejected.`
      }
      empty={total === 0}
      emptyText={desk ? "No reviews were given in this range." : "You gave no reviews in this range."}
      chart={
        <ResponsiveContainer width="100%" height={220}>
          <BarChart accessibilityLayer={false} data={rows} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid vertical={false} stroke={GRID} />
            <XAxis dataKey="label" tick={AXIS} stroke={GRID} minTickGap={12} />
            <YAxis allowDecimals={false} tick={AXIS} stroke={GRID} />
            <Tooltip {...tooltip} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="approve" name="Approved" stackId="reviews" fill={ACCENT} isAnimationActive={false} />
            <Bar dataKey="requestChanges" name="Changes requested" stackId="reviews" fill={WARNING} isAnimationActive={false} />
            <Bar dataKey="reject" name="Rejected" stackId="reviews" fill={DANGER} isAnimationActive={false} radius={[3, 3, 0, 0]} />
          </BarChart>
        </ResponsiveContainer>
      }
      table={
        <Table
          caption="Review decisions per week"
          head={["Week", "Approved", "Changes requested", "Rejected", "Share approved"]}
          rows={data.map((row) => [weekOf(row.week), row.approve, row.requestChanges, row.reject, share(row.approvalShare)])}
        />
      }
    />
  );
}
