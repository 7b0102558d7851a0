/**
 * The dashboard's counted figures, as one SQL statement each way:
 *
 * - `figuresFromTotals`: the whole desk's figures, or one person's own, summed from the totals
 *   the database keeps as the desk works (`dashboard_totals`, dashboard_totals migration). A
 *   figure reads a few thousand rows however large the desk. Checks and first verifications are
 *   kept per week: the whole weeks of the range come from the totals, the days of a week the
 *   range cuts from the rows. The median time to verified is exact: the totals tell in which
 *   bucket of times the middle claims are, and only that bucket's claims of the week are read.
 * - `figuresFromRows`: the same figures counted from the claims, annotations, checks and reviews
 *   themselves. One article's figures are counted this way (an article has at most a few hundred
 *   claims).
 *
 * (D10) Both give the same figures for the same desk (tests/integration/dashboard-totals.integration.test.ts
 * holds them to it). The definitions are in get-dashboard.ts.
 */
import { Prisma } from "@/lib/db";
import { sqlTimestamp } from "@/lib/sql";
import type { ClaimStatus, Verdict } from "@/lib/claims/present";

const DAY = 86_400_000;
const WEEK = 7 * DAY;

/** What is counted: a range of whole days (UTC) and whose figures. */
export interface FigureQuery {
  /** Midnight UTC starting the first day. */
  from: Date;
  /** Midnight UTC after the last day. */
  until: Date;
  /** Only this article's (counted from rows). */
  articleId: string | null;
  /** null: the whole desk; else this person's own figures. */
  ownerId: string | null;
}

/** The counted figures, as the statement returns them: weeks without anything are left out. */
export interface CountedFigures {
  statuses: { status: ClaimStatus; count: number }[];
  verdicts: { verdict: Verdict; approved: number; inReview: number }[];
  checks: { week: string; count: number }[];
  /** Per week, and once with `week` null for the whole range. */
  verified: { week: string | null; seconds: number | null; claims: number }[];
  reviews: { week: string; approve: number; requestChanges: number; reject: number }[];
}

/** `[{…}]` of a subquery's rows, `[]` without any. */
function jsonRows(query: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT coalesce(json_agg(x), '[]'::json) FROM (${query}) x)`;
}

function sqlDay(at: Date): Prisma.Sql {
  return Prisma.sql`${at.toISOString().slice(0, 10)}::date`;
}

/** Monday 00:00 UTC of the week `at` is in. */
export function mondayOf(at: Date): Date {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY);
}

/** The Mondays (YYYY-MM-DD) of the weeks the range touches. */
export function weeksOf(from: Date, until: Date): string[] {
  const weeks: string[] = [];
  for (let week = mondayOf(from).getTime(); week < until.getTime(); week += WEEK) weeks.push(new Date(week).toISOString().slice(0, 10));
  return weeks;
}

/**
 * The range split for figures kept per week: its whole weeks (Monday to Monday), if any, and the
 * days before and after them, which are counted from the rows. A range without a whole week is
 * all cut days.
 */
export function weeksCut(from: Date, until: Date): { whole: { from: Date; until: Date } | null; cut: { from: Date; until: Date }[] } {
  const firstWeek = from.getTime() === mondayOf(from).getTime() ? from : new Date(mondayOf(from).getTime() + WEEK);
  const lastWeek = mondayOf(until);
  if (firstWeek.getTime() >= lastWeek.getTime()) return { whole: null, cut: [{ from, until }] };
  const cut = [
    ...(from.getTime() < firstWeek.getTime() ? [{ from, until: firstWeek }] : []),
    ...(lastWeek.getTime() < until.getTime() ? [{ from: lastWeek, until }] : []),
  ];
  return { whole: { from: firstWeek, until: lastWeek }, cut };
}

/**
 * A reviewer's own claims: marked by them, assigned to them, or with an annotation of theirs on
 * it. Probed claim by claim: it filters claims already narrowed to an article or to a few days.
 */
function ownClaim(query: FigureQuery): Prisma.Sql {
  const me = query.ownerId;
  return me === null
    ? Prisma.empty
    : Prisma.sql`AND (c.created_by_id = ${me} OR c.assignee_id = ${me}
        OR EXISTS (SELECT 1 FROM annotations mine WHERE mine.claim_id = c.id AND mine.author_id = ${me}))`;
}

/** `AND <column> = <the article>` when the figures are one article's; nothing otherwise. `column` is written as it is. */
export function onArticle(query: Pick<FigureQuery, "articleId">, column: string): Prisma.Sql {
  return query.articleId === null ? Prisma.empty : Prisma.sql`AND ${Prisma.raw(column)} = ${query.articleId}`;
}

/** Claims settled per week in [from, until), from the checks themselves; a claim once a week. */
function checksFromRows(query: FigureQuery, from: Date, until: Date): Prisma.Sql {
  const onClaims = query.articleId !== null || query.ownerId !== null;
  return Prisma.sql`
    SELECT to_char(s.week, 'YYYY-MM-DD') AS week, count(*)::int AS count
    FROM (
      SELECT DISTINCT date_trunc('week', k.completed_at) AS week, k.claim_id
      FROM claim_checks k ${onClaims ? Prisma.sql`JOIN claims c ON c.id = k.claim_id` : Prisma.empty}
      WHERE k.completed_at >= ${sqlTimestamp(from)} AND k.completed_at < ${sqlTimestamp(until)}
        ${onArticle(query, "c.article_id")} ${ownClaim(query)}
    ) s
    GROUP BY s.week`;
}

/** Every figure counted from the rows. */
export function figuresFromRows(query: FigureQuery): Prisma.Sql {
  const me = query.ownerId;
  const from = sqlTimestamp(query.from);
  const until = sqlTimestamp(query.until);
  const throughClaims = query.articleId === null ? Prisma.empty : Prisma.sql`JOIN claims c ON c.id = an.claim_id`;
  return Prisma.sql`
    SELECT
      ${jsonRows(Prisma.sql`
        SELECT c.status::text AS status, count(*)::int AS count
        FROM claims c
        WHERE c.created_at >= ${from} AND c.created_at < ${until} ${onArticle(query, "c.article_id")} ${ownClaim(query)}
        GROUP BY c.status`)} AS statuses,
      ${jsonRows(Prisma.sql`
        SELECT an.verdict::text AS verdict,
               count(*) FILTER (WHERE an.status = 'approved')::int AS approved,
               count(*) FILTER (WHERE an.status <> 'approved')::int AS "inReview"
        FROM annotations an ${throughClaims}
        WHERE an.kind = 'verification' AND an.status IN ('submitted', 'changes_requested', 'approved')
          AND an.submitted_at >= ${from} AND an.submitted_at < ${until} AND an.verdict IS NOT NULL
          ${onArticle(query, "c.article_id")} ${me === null ? Prisma.empty : Prisma.sql`AND an.author_id = ${me}`}
        GROUP BY an.verdict`)} AS verdicts,
      ${jsonRows(checksFromRows(query, query.from, query.until))} AS checks,
      ${jsonRows(Prisma.sql`
        SELECT to_char(date_trunc('week', c.first_verified_at), 'YYYY-MM-DD') AS week,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.first_verified_at - c.created_at))::float8 AS seconds,
               count(*)::int AS claims
        FROM claims c
        WHERE c.first_verified_at >= ${from} AND c.first_verified_at < ${until} ${onArticle(query, "c.article_id")} ${ownClaim(query)}
        GROUP BY GROUPING SETS ((date_trunc('week', c.first_verified_at)), ())`)} AS verified,
      ${jsonRows(Prisma.sql`
        SELECT to_char(date_trunc('week', r.created_at), 'YYYY-MM-DD') AS week,
               count(*) FILTER (WHERE r.decision = 'approve')::int AS approve,
               count(*) FILTER (WHERE r.decision = 'request_changes')::int AS "requestChanges",
               count(*) FILTER (WHERE r.decision = 'reject')::int AS reject
        FROM reviews r
        ${query.articleId === null ? Prisma.empty : Prisma.sql`JOIN annotations an ON an.id = r.annotation_id JOIN claims c ON c.id = an.claim_id`}
        WHERE r.created_at >= ${from} AND r.created_at < ${until} ${onArticle(query, "c.article_id")}
          ${me === null ? Prisma.empty : Prisma.sql`AND r.reviewer_id = ${me}`}
        GROUP BY date_trunc('week', r.created_at)`)} AS reviews`;
}

/** Every figure of the whole desk (`ownerId` null) or of one person's own, from the kept totals. */
export function figuresFromTotals(query: FigureQuery): Prisma.Sql {
  if (query.articleId !== null) throw new Error("One article's figures are counted from its rows.");
  const scope = query.ownerId ?? "";
  const fromDay = sqlDay(query.from);
  const untilDay = sqlDay(query.until);
  const from = sqlTimestamp(query.from);
  const until = sqlTimestamp(query.until);
  /** The `FROM … WHERE` of one figure's totals in [from, until) (whole days, or Mondays for weekly figures). */
  const totals = (figure: string, from = fromDay, until = untilDay) =>
    Prisma.sql`FROM dashboard_totals d WHERE d.user_id = ${scope} AND d.figure = ${figure} AND d.day >= ${from} AND d.day < ${until}`;
  const { whole, cut } = weeksCut(query.from, query.until);
  const checks = Prisma.join(
    [
      ...(whole
        ? [
            Prisma.sql`
              SELECT to_char(d.day::timestamp, 'YYYY-MM-DD') AS week, sum(d.n)::int AS count
              ${totals("checks", sqlDay(whole.from), sqlDay(whole.until))}
              GROUP BY d.day HAVING sum(d.n) <> 0`,
          ]
        : []),
      ...cut.map((part) => checksFromRows(query, part.from, part.until)),
    ],
    " UNION ALL ",
  );
  // First verifications: the desk's claims, or the person's own from their copies in claim_members.
  const verified =
    query.ownerId === null
      ? { rows: Prisma.sql`claims k`, where: Prisma.empty, at: Prisma.raw("k.first_verified_at"), marked: Prisma.raw("k.created_at") }
      : { rows: Prisma.sql`claim_members k`, where: Prisma.sql`k.user_id = ${query.ownerId} AND`, at: Prisma.raw("k.verified_at"), marked: Prisma.raw("k.marked_at") };
  // Per week and bucket of time: the whole weeks from the totals, the cut days from the rows.
  const cells = Prisma.join(
    [
      ...(whole
        ? [
            Prisma.sql`
              SELECT d.day AS week, d.key::int AS bucket, sum(d.n)::int AS n
              ${totals("verified", sqlDay(whole.from), sqlDay(whole.until))}
              GROUP BY d.day, d.key`,
          ]
        : []),
      ...cut.map(
        (part) => Prisma.sql`
          SELECT date_trunc('week', ${verified.at})::date AS week, k.verified_bucket AS bucket, count(*)::int AS n
          FROM ${verified.rows}
          WHERE ${verified.where} ${verified.at} >= ${sqlTimestamp(part.from)} AND ${verified.at} < ${sqlTimestamp(part.until)}
          GROUP BY 1, 2`,
      ),
    ],
    " UNION ALL ",
  );
  return Prisma.sql`
    SELECT
      ${jsonRows(Prisma.sql`SELECT d.key AS status, sum(d.n)::int AS count ${totals("claims")} GROUP BY d.key HAVING sum(d.n) <> 0`)} AS statuses,
      ${jsonRows(Prisma.sql`
        SELECT split_part(d.key, ':', 1) AS verdict,
               coalesce(sum(d.n) FILTER (WHERE d.key LIKE '%:approved'), 0)::int AS approved,
               coalesce(sum(d.n) FILTER (WHERE d.key LIKE '%:in_review'), 0)::int AS "inReview"
        ${totals("verdicts")} GROUP BY split_part(d.key, ':', 1)`)} AS verdicts,
      ${jsonRows(checks)} AS checks,
      ${jsonRows(Prisma.sql`
        WITH cells AS (
          -- Claims first verified per week and bucket of time (the whole weeks and the cut days
          -- are different weeks, so each cell comes once).
          SELECT c.week, c.bucket, c.n FROM (${cells}) c WHERE c.n <> 0
        ), histogram AS (
          -- Per week, and over the range (week null).
          SELECT c.week, c.bucket, c.n FROM cells c
          UNION ALL
          SELECT NULL, c.bucket, sum(c.n)::int FROM cells c GROUP BY c.bucket
        ), ranked AS (
          SELECT h.week, h.bucket, h.n, sum(h.n) OVER (PARTITION BY h.week ORDER BY h.bucket) - h.n AS below,
                 sum(h.n) OVER (PARTITION BY h.week) AS total
          FROM histogram h
        ), middle AS (
          -- The buckets of the lower and the upper middle claim (0-based ranks; one claim for an odd count).
          SELECT r.week, r.bucket, r.below, r.total, (r.total - 1) / 2 AS rank FROM ranked r
          WHERE (r.total - 1) / 2 >= r.below AND (r.total - 1) / 2 < r.below + r.n
          UNION ALL
          SELECT r.week, r.bucket, r.below, r.total, r.total / 2 FROM ranked r
          WHERE r.total % 2 = 0 AND r.total / 2 >= r.below AND r.total / 2 < r.below + r.n
        )
        SELECT to_char(m.week::timestamp, 'YYYY-MM-DD') AS week, avg(v.seconds)::float8 AS seconds, max(m.total)::int AS claims
        FROM middle m CROSS JOIN LATERAL (
          SELECT extract(epoch FROM ${verified.at} - ${verified.marked})::float8 AS seconds
          FROM ${verified.rows}
          WHERE ${verified.where} k.verified_bucket = m.bucket
            AND ${verified.at} >= CASE WHEN m.week IS NULL THEN ${from} ELSE greatest(m.week::timestamp(3), ${from}) END
            AND ${verified.at} < CASE WHEN m.week IS NULL THEN ${until} ELSE least((m.week + 7)::timestamp(3), ${until}) END
          ORDER BY 1
          OFFSET m.rank - m.below LIMIT 1
        ) v
        GROUP BY m.week`)} AS verified,
      ${jsonRows(Prisma.sql`
        SELECT to_char(date_trunc('week', d.day::timestamp), 'YYYY-MM-DD') AS week,
               coalesce(sum(d.n) FILTER (WHERE d.key = 'approve'), 0)::int AS approve,
               coalesce(sum(d.n) FILTER (WHERE d.key = 'request_changes'), 0)::int AS "requestChanges",
               coalesce(sum(d.n) FILTER (WHERE d.key = 'reject'), 0)::int AS reject
        ${totals("reviews")} GROUP BY date_trunc('week', d.day::timestamp)`)} AS reviews`;
}
