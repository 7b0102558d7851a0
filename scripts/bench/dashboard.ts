/**
 * Line 13, the dashboard: `GET /api/dashboard` over two years of a desk with 100,000 claims,
 * at concurrency 8, as an editor (the whole desk) and as a reviewer who worked on every claim
 * (their own figures, the widest reviewer's view). Baseline in the same run: `GET /api/members`
 * (a small authenticated read through the same wrapper) at the same concurrency.
 *
 * The desk: the claims line 10 generated (generateMemoryData, bench/memory.ts), or as many as
 * are missing when line 10 did not run, spread over the last two years and given a history in
 * plain SQL (seeded, so every run builds the same one): a verdict on 80 % of the claims
 * (approved on three quarters of those, with an approved source), reviews of every decision,
 * the audit events the use cases would have written (marking, submitting, reviewing, the claim
 * status moving to verified or disputed), and 2,000 claims assigned with due dates, some past.
 */
import pg from "pg";
import { db } from "@/lib/db";
import { createAccessToken } from "@/lib/tokens/create-access-token";
import { resolveActor } from "@/lib/users/resolve-actor";
import type { BenchResult } from "./result.ts";
import { result } from "./result.ts";
import { round } from "./stats.ts";
import { measureLoad, type LoadResult } from "./load.ts";
import { generateMemoryData } from "./memory.ts";
import { compactDashboardTotals } from "@/lib/dashboard/totals";

export const DASHBOARD_CLAIMS = 100_000;
const CLAIMS_PER_ARTICLE = 50;
const REQUESTS = 96;
/** Requests made one at a time after the loads: the cost of a dashboard without queueing. */
const ALONE = 9;
const DAY = 86_400_000;

async function tokenFor(email: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, tokenVersion: true } });
  const actor = await resolveActor({ userId: user.id, tokenVersion: user.tokenVersion });
  if (!actor) throw new Error(`no actor for ${email}`);
  const { secret } = await createAccessToken({ actor, credential: "session", input: { name: "dashboard benchmark" } });
  return secret;
}

/**
 * Claims, verdicts, sources, reviews, audit events and assignments of the last `days` days (two
 * years by default), in SQL; `assigned` unsettled claims get an assignee and a due date.
 */
export async function buildHistory({
  days = 730,
  assigned = 2_000,
  log,
}: { days?: number; assigned?: number; log?: (message: string) => void } = {}): Promise<{ claims: number; annotations: number; reviews: number; auditEvents: number }> {
  const users = await db.user.findMany({ where: { email: { in: ["alice@factdesk.test", "bob@factdesk.test", "erin@factdesk.test"] } }, select: { id: true, email: true } });
  const id = (email: string) => users.find((user) => user.email === email)?.id ?? "";
  const [alice, bob, erin] = [id("alice@factdesk.test"), id("bob@factdesk.test"), id("erin@factdesk.test")];
  const statements = [
    `SELECT setseed(0.13)`,
    // Every claim: marked at some moment of the last two years; an outcome drawn for it.
    `CREATE TEMP TABLE bench_plan ON COMMIT DROP AS
      SELECT c.id AS claim_id, now()::timestamp(3) - (random() * current_setting('bench.days')::float8 * interval '1 day') AS marked, random() AS outcome,
             (ARRAY['true','mostly_true','mixed','misleading','false','unverifiable'])[1 + floor(random() * 6)::int] AS verdict
      FROM claims c`,
    `UPDATE claims c SET created_at = p.marked,
        status = (CASE WHEN p.outcome < 0.55 THEN 'verified' WHEN p.outcome < 0.60 THEN 'disputed'
                       WHEN p.outcome < 0.80 THEN 'in_review' ELSE 'unchecked' END)::"ClaimStatus"
      FROM bench_plan p WHERE p.claim_id = c.id`,
    `INSERT INTO audit_events (id, actor_id, action, target_type, target_id, claim_id, after, created_at)
      SELECT 'ae-m-' || p.claim_id, current_setting('bench.alice'), 'claim.created', 'claim', p.claim_id, p.claim_id, '{}'::jsonb, p.marked FROM bench_plan p`,
    // A verdict on 80 % of the claims, submitted within ten days; approved on the settled ones.
    `INSERT INTO annotations (id, claim_id, kind, status, version, author_id, verdict, rationale, rationale_text, submitted_at, created_at, updated_at)
      SELECT 'an-v-' || p.claim_id, p.claim_id, 'verification',
             (CASE WHEN p.outcome < 0.60 THEN 'approved' WHEN p.outcome < 0.70 THEN 'submitted' ELSE 'changes_requested' END)::"AnnotationStatus",
             1, CASE WHEN floor(p.outcome * 1000)::int % 2 = 0 THEN current_setting('bench.alice') ELSE current_setting('bench.bob') END, p.verdict::"Verdict",
             '{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"Generated rationale."}]}]}'::jsonb, 'Generated rationale.',
             p.marked + random() * interval '10 days', p.marked, p.marked
      FROM bench_plan p WHERE p.outcome < 0.80`,
    `INSERT INTO annotations (id, claim_id, kind, status, version, author_id, url, title, stance, submitted_at, created_at, updated_at)
      SELECT 'an-s-' || p.claim_id, p.claim_id, 'source', 'approved', 1, current_setting('bench.alice'), 'https://example.org/source', 'Generated source', 'supports',
             p.marked + interval '1 hour', p.marked, p.marked
      FROM bench_plan p WHERE p.outcome < 0.60`,
    `INSERT INTO audit_events (id, actor_id, action, target_type, target_id, claim_id, after, created_at)
      SELECT 'ae-s-' || a.id, a.author_id, 'annotation.submitted', 'annotation', a.id, a.claim_id, '{}'::jsonb, a.submitted_at
      FROM annotations a WHERE a.id LIKE 'an-%'`,
    // One review per submitted verdict and source, one to five days after submission.
    `INSERT INTO reviews (id, annotation_id, reviewer_id, decision, comment, version, created_at)
      SELECT 'rv-' || a.id, a.id, CASE WHEN a.author_id = current_setting('bench.alice') THEN current_setting('bench.bob') ELSE current_setting('bench.alice') END,
             (CASE a.status WHEN 'approved' THEN 'approve' WHEN 'changes_requested' THEN 'request_changes' ELSE 'reject' END)::"ReviewDecision",
             'Generated review.', 1, a.submitted_at + interval '1 day' + random() * interval '4 days'
      FROM annotations a WHERE a.id LIKE 'an-%' AND a.status <> 'submitted'`,
    `INSERT INTO audit_events (id, actor_id, action, target_type, target_id, claim_id, after, created_at)
      SELECT 'ae-r-' || r.id, r.reviewer_id, 'annotation.reviewed', 'annotation', r.annotation_id, a.claim_id,
             CASE WHEN a.kind = 'verification' AND a.status = 'approved'
                  THEN jsonb_build_object('decision', r.decision, 'claimStatus', jsonb_build_object('before', 'in_review', 'after', c.status::text))
                  ELSE jsonb_build_object('decision', r.decision) END,
             r.created_at
      FROM reviews r JOIN annotations a ON a.id = r.annotation_id JOIN claims c ON c.id = a.claim_id WHERE r.id LIKE 'rv-an-%'`,
    // 2,000 unsettled claims assigned, due within ±30 days of now (about half of them overdue).
    `UPDATE claims c SET assignee_id = (ARRAY[current_setting('bench.alice'), current_setting('bench.bob'), current_setting('bench.erin')])[1 + floor(random() * 3)::int],
        assigned_at = c.created_at, due_at = now()::timestamp(3) + (random() - 0.5) * interval '60 days'
      FROM (SELECT claim_id FROM bench_plan WHERE outcome >= 0.60 ORDER BY claim_id LIMIT current_setting('bench.assigned')::int) pick WHERE pick.claim_id = c.id`,
  ];
  // Its own connection, without the app's statement and reply timeouts: these statements
  // write hundreds of thousands of rows on a machine that may be busy.
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(
      "SELECT set_config('bench.alice', $1, true), set_config('bench.bob', $2, true), set_config('bench.erin', $3, true), set_config('bench.days', $4, true), set_config('bench.assigned', $5, true)",
      [alice, bob, erin, String(days), String(assigned)],
    );
    for (const statement of statements) await client.query(statement);
    await client.query("COMMIT");
    // As a desk that has been working finds them: the dashboard's totals folded by the job that
    // runs every minute, and what autovacuum leaves (statistics, visibility maps for index-only scans).
    const folded = await compactDashboardTotals();
    log?.(`13. Dashboard: ${folded.folded.toLocaleString("en")} total deltas folded into ${folded.written.toLocaleString("en")} rows`);
    await client.query("VACUUM ANALYZE claims, annotations, reviews, audit_events, claim_checks, claim_members, dashboard_totals");
  } finally {
    await client.end();
  }
  const [claims, annotations, reviews, auditEvents] = await Promise.all([db.claim.count(), db.annotation.count(), db.review.count(), db.auditEvent.count()]);
  return { claims, annotations, reviews, auditEvents };
}

function describe(load: LoadResult): string {
  return (
    `p50 ${round(load.p50, 1)} ms, p95 ${round(load.p95, 1)} ms, p99 ${round(load.p99, 1)} ms, ${load.responses} responses, ` +
    `statuses ${JSON.stringify(load.statuses)}, ${load.errors} errors` +
    (load.serverCpuMsPerResponse !== undefined && Number.isFinite(load.serverCpuMsPerResponse)
      ? `, app server CPU ${round(load.serverCpuMsPerResponse, 1)} ms per response`
      : "")
  );
}

export async function measureDashboardLine({
  origin,
  authorId,
  seed,
  log,
  serverCpuMs,
}: {
  origin: string;
  /** Whom generated claims are marked by (the benchmark's reviewer). */
  authorId: string;
  seed: number;
  log: (message: string) => void;
  serverCpuMs?: () => number;
}): Promise<BenchResult[]> {
  const started = performance.now();
  const existing = await db.claim.count();
  if (existing < DASHBOARD_CLAIMS) {
    const articles = Math.ceil((DASHBOARD_CLAIMS - existing) / CLAIMS_PER_ARTICLE);
    log(`13. Dashboard: generating ${articles.toLocaleString("en")} articles (${existing.toLocaleString("en")} claims exist)…`);
    await generateMemoryData({ articles, claimsPerArticle: CLAIMS_PER_ARTICLE, authorId, seed: seed + 13, log });
  }
  log("13. Dashboard: two years of history (verdicts, reviews, audit events, assignments)…");
  const sizes = await buildHistory({ log });
  const setup = (performance.now() - started) / 1000;
  const [editorToken, reviewerToken] = [await tokenFor("erin@factdesk.test"), await tokenFor("alice@factdesk.test")];
  const to = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - 730 * DAY).toISOString().slice(0, 10);
  const path = `/api/dashboard?from=${from}&to=${to}`;
  const load = (token: string, target: string, amount = REQUESTS) =>
    measureLoad(
      { origin, method: "GET", path: () => target, headers: { authorization: `Bearer ${token}` }, connections: 8, seconds: 0, amount },
      0,
      serverCpuMs,
    );
  log(`13. Dashboard: ${REQUESTS} requests each at c=8, baseline GET /api/members…`);
  await load(editorToken, "/api/members", 16); // warm-up of both routes, not measured
  await load(editorToken, path, 16);
  const baseline = await load(editorToken, "/api/members");
  const desk = await load(editorToken, path);
  const own = await load(reviewerToken, path);
  const times: number[] = [];
  for (let index = 0; index < ALONE; index += 1) {
    const begun = performance.now();
    const response = await fetch(`${origin}${path}`, { headers: { authorization: `Bearer ${editorToken}` } });
    await response.arrayBuffer();
    times.push(performance.now() - begun);
  }
  times.sort((a, b) => a - b);
  const alone = times[Math.floor(times.length / 2)] ?? Number.NaN;
  const scale =
    `${sizes.claims.toLocaleString("en")} claims marked over two years, ${sizes.annotations.toLocaleString("en")} annotations, ` +
    `${sizes.reviews.toLocaleString("en")} reviews, ${sizes.auditEvents.toLocaleString("en")} audit events (set up in ${setup.toFixed(0)} s); ` +
    `range ${from}..${to}`;
  const failures = (entry: LoadResult) => entry.non2xx + entry.errors;
  return [
    {
      ...result({
        name: `13. dashboard p95 c=8, ${DASHBOARD_CLAIMS.toLocaleString("en")} claims, editor`,
        baseline: baseline.p95,
        value: desk.p95,
        unit: "ms",
        target: "≤ 200 ms",
        pass: desk.p95 <= 200 && failures(desk) === 0,
        ...(failures(desk) ? { note: `${failures(desk)} failed responses` } : {}),
      }),
      detail: `baseline = GET /api/members p95 at c=8 (${describe(baseline)}); ${scale}; ${describe(desk)}; one request at a time: median ${round(alone, 1)} ms of ${ALONE}`,
    },
    {
      ...result({
        name: "13. dashboard p95 c=8, reviewer's own figures",
        baseline: baseline.p95,
        value: own.p95,
        unit: "ms",
        target: "≤ 200 ms",
        pass: own.p95 <= 200 && failures(own) === 0,
        ...(failures(own) ? { note: `${failures(own)} failed responses` } : {}),
      }),
      detail: `the reviewer marked every generated claim, so their own view covers the whole desk; ${describe(own)}`,
    },
  ];
}
