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
 * verified or disputed, and `claims.first_verified_at`. Every figure reads an index alone.
 */
import { db, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertCan, can } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { sqlTimestamp } from "@/lib/sql";
import { CLAIM_STATUSES, VERDICTS, type ClaimStatus, type PersonDTO, type Verdict } from "@/lib/claims/present";
import { DashboardInput } from "@/lib/dashboard/schemas";

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
  const from = sqlTimestamp(range.from);
  const until = sqlTimestamp(range.until);
  const now = new Date();
  const nowSql = sqlTimestamp(now);
  const onArticle = (column: string) => (range.articleId === null ? Prisma.empty : Prisma.sql`AND ${Prisma.raw(column)} = ${range.articleId}`);
  // A reviewer's claims: marked by them, assigned to them, or with work of theirs on it. The
  // uncorrelated IN is read once into a hashed set (a correlated EXISTS under OR is run per claim).
  const ownClaim = desk
    ? Prisma.empty
    : Prisma.sql`AND (c.created_by_id = ${me} OR c.assignee_id = ${me}
        OR c.id IN (SELECT mine.claim_id FROM annotations mine WHERE mine.author_id = ${me}))`;
  // Checks per week join the claims only to filter them (by article, or to a reviewer's own).
  const onClaims = range.articleId !== null || !desk;
  const weeks = Prisma.sql`generate_series(date_trunc('week', ${from}), date_trunc('week', ${until} - interval '1 millisecond'), interval '1 week') AS w(week)`;

  const [, , statusRows, verdictRows, checkRows, verifiedRows, openRows, overdueRows, agreementRows] = await db.$transaction(
    [
      // Sorting tens of thousands of settled claims by week stays in memory (the default 4 MB spills
      // to disk). No parallel workers: each would scan part of an index the statement reads alone in
      // tens of milliseconds, and with several dashboards at once on a few cores they only add work.
      db.$executeRaw`SET LOCAL work_mem = '32MB'`,
      db.$executeRaw`SET LOCAL max_parallel_workers_per_gather = 0`,
      db.$queryRaw<{ status: ClaimStatus; count: number }[]>`
        SELECT c.status::text AS status, count(*)::int AS count
        FROM claims c
        WHERE c.created_at >= ${from} AND c.created_at < ${until} ${onArticle("c.article_id")} ${ownClaim}
        GROUP BY c.status`,
      db.$queryRaw<{ verdict: Verdict; approved: number; inReview: number }[]>`
        SELECT an.verdict::text AS verdict,
               count(*) FILTER (WHERE an.status = 'approved')::int AS approved,
               count(*) FILTER (WHERE an.status <> 'approved')::int AS "inReview"
        FROM annotations an
        ${range.articleId === null ? Prisma.empty : Prisma.sql`JOIN claims c ON c.id = an.claim_id`}
        WHERE an.kind = 'verification' AND an.status IN ('submitted', 'changes_requested', 'approved')
          AND an.submitted_at >= ${from} AND an.submitted_at < ${until} AND an.verdict IS NOT NULL
          ${onArticle("c.article_id")} ${desk ? Prisma.empty : Prisma.sql`AND an.author_id = ${me}`}
        GROUP BY an.verdict`,
      db.$queryRaw<WeekCountDTO[]>`
        SELECT to_char(w.week, 'YYYY-MM-DD') AS week, coalesce(settled.count, 0)::int AS count
        FROM ${weeks}
        LEFT JOIN (
          SELECT s.week, count(*) AS count
          FROM (
            SELECT DISTINCT date_trunc('week', k.completed_at) AS week, k.claim_id
            FROM claim_checks k ${onClaims ? Prisma.sql`JOIN claims c ON c.id = k.claim_id` : Prisma.empty}
            WHERE k.completed_at >= ${from} AND k.completed_at < ${until} ${onArticle("c.article_id")} ${ownClaim}
          ) s
          GROUP BY s.week
        ) settled ON settled.week = w.week
        ORDER BY w.week`,
      db.$queryRaw<{ week: string | null; seconds: number | null; claims: number }[]>`
        SELECT to_char(date_trunc('week', c.first_verified_at), 'YYYY-MM-DD') AS week,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.first_verified_at - c.created_at))::float8 AS seconds,
               count(*)::int AS claims
        FROM claims c
        WHERE c.first_verified_at >= ${from} AND c.first_verified_at < ${until} ${onArticle("c.article_id")} ${ownClaim}
        GROUP BY GROUPING SETS ((date_trunc('week', c.first_verified_at)), ())`,
      db.$queryRaw<{ id: string; name: string; open: number; overdue: number }[]>`
        SELECT u.id, u.name, count(*)::int AS open, count(*) FILTER (WHERE w.due_at < ${nowSql})::int AS overdue
        FROM (
          SELECT c.assignee_id, c.due_at FROM claims c
          WHERE c.assignee_id IS NOT NULL AND c.status NOT IN ('verified', 'disputed') ${onArticle("c.article_id")}
          UNION ALL
          SELECT a.assignee_id, a.due_at FROM articles a
          WHERE a.assignee_id IS NOT NULL ${onArticle("a.id")}
        ) w JOIN users u ON u.id = w.assignee_id
        WHERE true ${desk ? Prisma.empty : Prisma.sql`AND w.assignee_id = ${me}`}
        GROUP BY u.id, u.name
        ORDER BY overdue DESC, open DESC, u.name, u.id`,
      db.$queryRaw<{ type: "article" | "claim"; id: string; articleId: string; articleTitle: string; quote: string | null; assigneeId: string; assigneeName: string; dueAt: Date }[]>`
        SELECT w.*, u.name AS "assigneeName"
        FROM (
          SELECT 'claim' AS type, c.id, c.article_id AS "articleId", a.title AS "articleTitle", c.exact AS quote,
                 c.assignee_id AS "assigneeId", c.due_at AS "dueAt"
          FROM claims c JOIN articles a ON a.id = c.article_id
          WHERE c.assignee_id IS NOT NULL AND c.due_at < ${nowSql} AND c.status NOT IN ('verified', 'disputed') ${onArticle("c.article_id")}
          UNION ALL
          SELECT 'article', a.id, a.id, a.title, NULL, a.assignee_id, a.due_at
          FROM articles a
          WHERE a.assignee_id IS NOT NULL AND a.due_at < ${nowSql} ${onArticle("a.id")}
        ) w JOIN users u ON u.id = w."assigneeId"
        WHERE true ${desk ? Prisma.empty : Prisma.sql`AND w."assigneeId" = ${me}`}
        ORDER BY w."dueAt", w.id
        LIMIT ${OVERDUE_LIST_LIMIT}`,
      // Week by week, each an index range: cheaper than truncating every review's time to its week.
      db.$queryRaw<{ week: string; approve: number; requestChanges: number; reject: number }[]>`
        SELECT to_char(w.week, 'YYYY-MM-DD') AS week, d.approve, d.request_changes AS "requestChanges", d.reject
        FROM ${weeks}
        CROSS JOIN LATERAL (
          SELECT count(*) FILTER (WHERE r.decision = 'approve')::int AS approve,
                 count(*) FILTER (WHERE r.decision = 'request_changes')::int AS request_changes,
                 count(*) FILTER (WHERE r.decision = 'reject')::int AS reject
          FROM reviews r
          ${range.articleId === null ? Prisma.empty : Prisma.sql`JOIN annotations an ON an.id = r.annotation_id JOIN claims c ON c.id = an.claim_id`}
          WHERE r.created_at >= greatest(w.week, ${from}) AND r.created_at < least(w.week + interval '1 week', ${until}) ${onArticle("c.article_id")}
            ${desk ? Prisma.empty : Prisma.sql`AND r.reviewer_id = ${me}`}
        ) d
        ORDER BY w.week`,
    ],
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead },
  );

  const statusCounts = new Map(statusRows.map((row) => [row.status, row.count]));
  const verdictCounts = new Map(verdictRows.map((row) => [row.verdict, row]));
  const overall = verifiedRows.find((row) => row.week === null);
  const verifiedByWeek = new Map(verifiedRows.filter((row) => row.week !== null).map((row) => [row.week, row]));
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
    checksPerWeek: checkRows,
    timeToVerified: {
      medianHours: hours(overall?.seconds ?? null),
      claims: overall?.claims ?? 0,
      weeks: checkRows.map(({ week }) => {
        const row = verifiedByWeek.get(week);
        return { week, medianHours: hours(row?.seconds ?? null), claims: row?.claims ?? 0 };
      }),
    },
    openWork: {
      asOf: now.toISOString(),
      assignees: openRows.map((row) => ({ assignee: { id: row.id, name: row.name }, open: row.open, overdue: row.overdue })),
      overdue: overdueRows.map((row) => ({
        type: row.type,
        id: row.id,
        articleId: row.articleId,
        articleTitle: row.articleTitle,
        quote: row.quote,
        assignee: { id: row.assigneeId, name: row.assigneeName },
        dueAt: row.dueAt.toISOString(),
      })),
    },
    agreement: agreementRows.map((row) => {
      const total = row.approve + row.requestChanges + row.reject;
      return { ...row, approvalShare: total === 0 ? null : Math.round((row.approve / total) * 1000) / 1000 };
    }),
  };
}
