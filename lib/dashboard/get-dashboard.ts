/**
 * The desk's figures for the dashboard, computed by PostgreSQL: claims by status, verdicts by
 * kind, checks completed per week, the time from marking a claim to its verification, open and
 * overdue work per assignee, and reviewers' decisions per week.
 *
 * Who sees what: editors and admins see the whole desk; a reviewer sees their own figures only
 * (the claims they marked, are assigned or wrote work on; their own verdicts; the reviews they
 * gave; their own assigned work). Nobody's figures count anyone's drafts: a draft is its
 * author's alone until submitted, so verdicts count from submission on.
 *
 * Definitions (README, "Dashboard"):
 * - a claim is counted in the range when it was marked in it;
 * - a verdict is counted when it was submitted in the range and is in review (submitted, sent
 *   back for changes) or approved; rejected and withdrawn ones are not;
 * - a check is completed when a claim moves to *verified* or *disputed* (the claim status
 *   recorded in the audit event of the change, D7); a claim settled twice in a week counts once;
 * - time to verified: from marking a claim to its first move to *verified*, for the claims first
 *   verified in the range; the median in hours, over the range and per week. A claim sent back to
 *   needs re-verification and verified again keeps its first verification;
 * - open work: articles assigned to someone, and claims assigned to someone that are not yet
 *   verified or disputed; overdue when the due date has passed. It is the state now, not in the
 *   range;
 * - agreement: per week, the reviews given (approve, request changes, reject) and the share of
 *   them that approved; a week without reviews has no share.
 * Weeks start on Monday, in UTC.
 *
 * The two figures about settled claims read facts the database keeps from those audit events as
 * they are written (migration dashboard_claim_checks): `claim_checks`, one row per move to
 * verified or disputed, and `claims.first_verified_at`. The desk's and a reviewer's own figures
 * are summed from totals the database keeps per day as the desk works; one article's are counted
 * from its rows (lib/dashboard/figures.ts).
 */
import { db, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertCan, can } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { sqlIsoText, sqlTimestamp } from "@/lib/sql";
import { CLAIM_STATUSES, VERDICTS, type ClaimStatus, type PersonDTO, type Verdict } from "@/lib/claims/present";
import { DashboardInput } from "@/lib/dashboard/schemas";
import { figuresFromRows, figuresFromTotals, onArticle, weeksOf, type CountedFigures, type FigureQuery } from "@/lib/dashboard/figures";

/** How many overdue items the dashboard lists (the counts per assignee cover them all). */
export const OVERDUE_LIST_LIMIT = 20;

export interface WeekCountDTO {
  /** The Monday starting the week (YYYY-MM-DD). */
  week: string;
  count: number;
}

export interface TimeToVerifiedWeekDTO {
  week: string;
  /** Median hours from marking to first verification; null in a week without any. */
  medianHours: number | null;
  claims: number;
}

export interface AgreementWeekDTO {
  week: string;
  approve: number;
  requestChanges: number;
  reject: number;
  /** approve / all reviews of the week, 0..1; null in a week without reviews. */
  approvalShare: number | null;
}

export interface OpenWorkDTO {
  assignee: PersonDTO;
  /** Assigned articles and unsettled assigned claims. */
  open: number;
  /** Of those, the ones past their due date. */
  overdue: number;
}

export interface OverdueItemDTO {
  type: "article" | "claim";
  id: string;
  articleId: string;
  articleTitle: string;
  /** The claim's quote; null for an article. */
  quote: string | null;
  assignee: PersonDTO;
  dueAt: string;
}

export interface DashboardDTO {
  /** `desk`: every claim, verdict, review and assignment; `own`: the caller's own figures. */
  scope: "desk" | "own";
  range: { from: string; to: string };
  articleId: string | null;
  claimsByStatus: { status: ClaimStatus; count: number }[];
  verdictsByKind: { verdict: Verdict; approved: number; inReview: number }[];
  checksPerWeek: WeekCountDTO[];
  timeToVerified: { medianHours: number | null; claims: number; weeks: TimeToVerifiedWeekDTO[] };
  openWork: { asOf: string; assignees: OpenWorkDTO[]; overdue: OverdueItemDTO[] };
  agreement: AgreementWeekDTO[];
}

interface OpenWorkRow {
  id: string;
  name: string;
  open: number;
  overdue: number;
}

interface OverdueRow {
  type: "article" | "claim";
  id: string;
  articleId: string;
  articleTitle: string;
  quote: string | null;
  assigneeId: string;
  assigneeName: string;
  dueAt: string;
}

export interface GetDashboardOptions {
  actor: Actor | null;
  /** `{from?, to?, articleId?}` as the query string gives them. */
  input?: unknown;
}

const HOUR_SECONDS = 3_600;

/** Hours, to one decimal. */
function hours(seconds: number | null): number | null {
  return seconds === null ? null : Math.round((seconds / HOUR_SECONDS) * 10) / 10;
}

export async function getDashboard({ actor, input = {} }: GetDashboardOptions): Promise<DashboardDTO> {
  assertCan(actor, "article.read");
  const range = parseInput(DashboardInput, input);
  if (range.articleId !== null) {
    const article = await db.article.findUnique({ where: { id: range.articleId }, select: { id: true } });
    if (!article) throw new AppError("not_found", "No such article.", { fields: { articleId: "No such article." } });
  }
  const desk = can(actor, "dashboard.desk");
  const me = actor.id;
  const query: FigureQuery = { from: range.from, until: range.until, articleId: range.articleId, ownerId: desk ? null : me };
  const now = new Date();
  const nowSql = sqlTimestamp(now);

  const mine = desk ? Prisma.empty : Prisma.sql`AND w.assignee_id = ${me}`;
  // One statement, so that every figure is of one moment (a claim verified meanwhile is not
  // counted as a check while still in review in the claims by status).
  const [row] = await db.$queryRaw<[CountedFigures & { openWork: OpenWorkRow[]; overdue: OverdueRow[] }]>`
    SELECT f.*,
      (SELECT coalesce(json_agg(o ORDER BY o.overdue DESC, o.open DESC, o.name, o.id), '[]'::json) FROM (
        SELECT u.id, u.name, count(*)::int AS open, count(*) FILTER (WHERE w.due_at < ${nowSql})::int AS overdue
        FROM (
          SELECT c.assignee_id, c.due_at FROM claims c
          WHERE c.assignee_id IS NOT NULL AND c.status NOT IN ('verified', 'disputed') ${onArticle(range, "c.article_id")}
          UNION ALL
          SELECT a.assignee_id, a.due_at FROM articles a
          WHERE a.assignee_id IS NOT NULL ${onArticle(range, "a.id")}
        ) w JOIN users u ON u.id = w.assignee_id
        WHERE true ${mine}
        GROUP BY u.id, u.name) o) AS "openWork",
      (SELECT coalesce(json_agg(d ORDER BY d."dueAt", d.id), '[]'::json) FROM (
        -- The earliest due first; articles and quotes only for those listed.
        SELECT w.type, w.id, w.article_id AS "articleId", a.title AS "articleTitle", c.exact AS quote,
               w.assignee_id AS "assigneeId", u.name AS "assigneeName", ${sqlIsoText("w.due_at")} AS "dueAt"
        FROM (
          SELECT 'claim' AS type, c.id, c.article_id, c.assignee_id, c.due_at FROM claims c
          WHERE c.assignee_id IS NOT NULL AND c.due_at < ${nowSql} AND c.status NOT IN ('verified', 'disputed') ${onArticle(range, "c.article_id")}
            ${desk ? Prisma.empty : Prisma.sql`AND c.assignee_id = ${me}`}
          UNION ALL
          SELECT 'article', a.id, a.id, a.assignee_id, a.due_at FROM articles a
          WHERE a.assignee_id IS NOT NULL AND a.due_at < ${nowSql} ${onArticle(range, "a.id")}
            ${desk ? Prisma.empty : Prisma.sql`AND a.assignee_id = ${me}`}
          ORDER BY due_at, id
          LIMIT ${OVERDUE_LIST_LIMIT}
        ) w
        JOIN users u ON u.id = w.assignee_id
        JOIN articles a ON a.id = w.article_id
        LEFT JOIN claims c ON w.type = 'claim' AND c.id = w.id) d) AS overdue
    FROM (${range.articleId === null ? figuresFromTotals(query) : figuresFromRows(query)}) f`;
  const figures: CountedFigures = row;
  const weeks = weeksOf(range.from, range.until);
  const checks = new Map(figures.checks.map((row) => [row.week, row.count]));
  const reviews = new Map(figures.reviews.map((row) => [row.week, row]));
  const statusCounts = new Map(figures.statuses.map((row) => [row.status, row.count]));
  const verdictCounts = new Map(figures.verdicts.map((row) => [row.verdict, row]));
  const overall = figures.verified.find((row) => row.week === null);
  const verifiedByWeek = new Map(figures.verified.filter((row) => row.week !== null).map((row) => [row.week, row]));
  return {
    scope: desk ? "desk" : "own",
    range: { from: range.fromDay, to: range.toDay },
    articleId: range.articleId,
    claimsByStatus: CLAIM_STATUSES.map((status) => ({ status, count: statusCounts.get(status) ?? 0 })),
    verdictsByKind: VERDICTS.map((verdict) => ({
      verdict,
      approved: verdictCounts.get(verdict)?.approved ?? 0,
      inReview: verdictCounts.get(verdict)?.inReview ?? 0,
    })),
    checksPerWeek: weeks.map((week) => ({ week, count: checks.get(week) ?? 0 })),
    timeToVerified: {
      medianHours: hours(overall?.seconds ?? null),
      claims: overall?.claims ?? 0,
      weeks: weeks.map((week) => {
        const row = verifiedByWeek.get(week);
        return { week, medianHours: hours(row?.seconds ?? null), claims: row?.claims ?? 0 };
      }),
    },
    openWork: {
      asOf: now.toISOString(),
      assignees: row.openWork.map((person) => ({ assignee: { id: person.id, name: person.name }, open: person.open, overdue: person.overdue })),
      overdue: row.overdue.map((item) => ({
        type: item.type,
        id: item.id,
        articleId: item.articleId,
        articleTitle: item.articleTitle,
        quote: item.quote,
        assignee: { id: item.assigneeId, name: item.assigneeName },
        dueAt: item.dueAt,
      })),
    },
    agreement: weeks.map((week) => {
      const { approve, requestChanges, reject } = reviews.get(week) ?? { approve: 0, requestChanges: 0, reject: 0 };
      const total = approve + requestChanges + reject;
      return { week, approve, requestChanges, reject, approvalShare: total === 0 ? null : Math.round((approve / total) * 1000) / 1000 };
    }),
  };
}
