/**
 * The dashboard's kept totals (dashboard_totals migration, lib/dashboard/figures.ts) against the
 * same figures counted from the rows, after a desk has worked through the use cases: claims
 * marked and deleted, verdicts submitted, reviewed, withdrawn and deleted, disagreements,
 * assignments handed on and taken back, and times corrected afterwards. The desk lives in 2019,
 * a year no other test writes in; each comparison reads both in one snapshot.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db, Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assignClaim } from "@/lib/assignments/assign";
import { deleteClaim } from "@/lib/claims/delete-claim";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { withdrawAnnotation } from "@/lib/annotations/withdraw-annotation";
import { figuresFromRows, figuresFromTotals, type CountedFigures, type FigureQuery } from "@/lib/dashboard/figures";
import { compactDashboardTotals } from "@/lib/dashboard/totals";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { makeUser } from "./factories";
import { claimInput, makeClaimArticle, makeVerification } from "./claim-factories";
import { annotationIn, review, submitted } from "./review-factories";
import { createClaim } from "@/lib/claims/create-claim";

const SPANS = ["The minister said", "unemployment fell by 3% last year", "Critics say", "part-time work"];
const DAY = 86_400_000;

/** A small seeded generator (mulberry32), so every run builds the same desk. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Desk {
  editor: Actor;
  reviewers: Actor[];
  claimIds: string[];
}

let desk: Desk;

async function workDesk(): Promise<Desk> {
  const next = random(2019);
  const pick = <T,>(items: T[]): T => items[Math.floor(next() * items.length)] as T;
  const editor = await makeUser("editor", "Erin");
  const reviewers = await Promise.all(["Alice", "Bob", "Carol", "Dave"].map((name) => makeUser("reviewer", name)));
  const claimIds: string[] = [];
  for (let article = 0; article < 5; article += 1) {
    const articleId = await makeClaimArticle();
    for (const span of SPANS) {
      const marker = pick(reviewers);
      const claim = await createClaim({ actor: marker, articleId, input: claimInput(span) });
      claimIds.push(claim.id);
      const others = reviewers.filter((reviewer) => reviewer.id !== marker.id);
      const [author, reviewer, second] = [pick(reviewers), pick(others), pick(others)];
      const critic = reviewer.id === author.id ? marker : reviewer;
      const outcome = next();
      if (next() < 0.5) await assignClaim({ actor: editor, id: claim.id, input: { assigneeId: pick(reviewers).id } });
      if (outcome < 0.45) {
        await annotationIn("approved", author, critic, claim.id, "verification");
        await annotationIn("approved", author, critic, claim.id, "source");
        // Some get a disagreeing verdict: disputed, a second check of the claim.
        if (next() < 0.5 && second.id !== author.id) await review(author, await submitted(second, claim.id, "verification", { verdict: "true" }));
      } else if (outcome < 0.6) {
        await annotationIn("changes_requested", author, critic, claim.id, "verification");
      } else if (outcome < 0.7) {
        await annotationIn("rejected", author, critic, claim.id, "verification");
      } else if (outcome < 0.8) {
        const verdict = await submitted(author, claim.id, "verification", { verdict: "false" });
        if (next() < 0.5) await withdrawAnnotation({ actor: author, annotationId: verdict.id, input: { version: verdict.version } });
      } else {
        const draft = await makeVerification(author, claim.id, { verdict: "true" });
        if (next() < 0.5) await deleteAnnotation({ actor: author, annotationId: draft.id });
      }
      // Handed on, or taken back.
      if (next() < 0.3) await assignClaim({ actor: editor, id: claim.id, input: { assigneeId: next() < 0.5 ? null : pick(reviewers).id } });
    }
  }
  // Some claims are deleted, with everything on them.
  for (const claimId of claimIds.splice(0, 3)) await deleteClaim({ actor: editor, claimId });

  // Into 2019: each claim marked on a day of its first half, its work over the following days
  // (times corrected afterwards move every figure with them).
  for (const claimId of claimIds) {
    const marked = new Date(Date.UTC(2019, 0, 1) + Math.floor(next() * 180) * DAY + Math.floor(next() * DAY));
    const later = () => new Date(marked.getTime() + Math.floor(next() * 9 * DAY));
    await db.claim.update({ where: { id: claimId }, data: { createdAt: marked } });
    for (const annotation of await db.annotation.findMany({ where: { claimId, submittedAt: { not: null } }, select: { id: true } })) {
      await db.annotation.update({ where: { id: annotation.id }, data: { submittedAt: later() } });
      for (const review of await db.review.findMany({ where: { annotationId: annotation.id }, select: { id: true } })) {
        await db.review.update({ where: { id: review.id }, data: { createdAt: later() } });
      }
    }
    const events = await db.auditEvent.findMany({ where: { claimId }, orderBy: { createdAt: "asc" }, select: { id: true } });
    const times = events.map(later).sort((a, b) => a.getTime() - b.getTime());
    for (const [index, event] of events.entries()) await db.auditEvent.update({ where: { id: event.id }, data: { createdAt: times[index] } });
  }
  return { editor, reviewers, claimIds };
}

beforeAll(async () => {
  desk = await workDesk();
}, 120_000);

/** The figures without their zero rows, in one order, so that the two ways compare as values. */
function normal(figures: CountedFigures) {
  const by = <T,>(rows: T[], key: (row: T) => string) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));
  return {
    statuses: by(figures.statuses.filter((row) => row.count !== 0), (row) => row.status),
    verdicts: by(figures.verdicts.filter((row) => row.approved + row.inReview !== 0), (row) => row.verdict),
    checks: by(figures.checks.filter((row) => row.count !== 0), (row) => row.week),
    verified: by(
      figures.verified.filter((row) => row.claims !== 0).map((row) => ({ ...row, seconds: row.seconds === null ? null : Math.round(row.seconds * 1000) / 1000 })),
      (row) => row.week ?? "",
    ),
    reviews: by(figures.reviews.filter((row) => row.approve + row.requestChanges + row.reject !== 0), (row) => row.week),
  };
}

/** Both ways, in one snapshot. */
async function bothWays(query: FigureQuery) {
  const [[kept], [counted]] = await db.$transaction([db.$queryRaw<[CountedFigures]>(figuresFromTotals(query)), db.$queryRaw<[CountedFigures]>(figuresFromRows(query))], {
    isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead,
  });
  return { kept: normal(kept), counted: normal(counted) };
}

const RANGES: [string, string, string][] = [
  // [name, first day, last day]
  ["the half year, starting on a Tuesday", "2019-01-01", "2019-06-30"],
  ["whole weeks, Monday to Sunday", "2019-02-04", "2019-03-31"],
  ["a range cut at both ends mid-week", "2019-02-13", "2019-04-18"],
  ["three days inside one week", "2019-03-06", "2019-03-08"],
  ["a week from Wednesday to Tuesday, without a whole week", "2019-03-06", "2019-03-12"],
  ["the whole year", "2019-01-01", "2019-12-31"],
];

describe("kept totals equal the figures counted from the rows", () => {
  it("the desk worked: claims in every status, verdicts, checks, first verifications and reviews in 2019", async () => {
    const { kept } = await bothWays({ from: new Date("2019-01-01"), until: new Date("2020-01-01"), articleId: null, ownerId: null });
    expect(kept.statuses.reduce((sum, row) => sum + row.count, 0)).toBeGreaterThanOrEqual(17);
    expect(kept.statuses.map((row) => row.status)).toEqual(expect.arrayContaining(["verified", "in_review", "unchecked"]));
    expect(kept.checks.length).toBeGreaterThan(3);
    expect(kept.statuses.map((row) => row.status)).toContain("disputed");
    expect(kept.verified.find((row) => row.week === null)?.claims).toBeGreaterThan(3);
    expect(kept.reviews.length).toBeGreaterThan(3);
  });

  it.each(RANGES)("for the whole desk: %s", async (_name, first, last) => {
    const query = { from: new Date(first), until: new Date(Date.parse(last) + DAY), articleId: null, ownerId: null };
    const { kept, counted } = await bothWays(query);
    expect(kept).toEqual(counted);
  });

  it.each(RANGES)("for each reviewer's own figures: %s", async (_name, first, last) => {
    for (const reviewer of desk.reviewers) {
      const query = { from: new Date(first), until: new Date(Date.parse(last) + DAY), articleId: null, ownerId: reviewer.id };
      const { kept, counted } = await bothWays(query);
      expect({ reviewer: reviewer.name, ...kept }).toEqual({ reviewer: reviewer.name, ...counted });
    }
  });

  it("an odd and an even number of first verifications both give the exact median", async () => {
    const query = { from: new Date("2019-01-01"), until: new Date("2020-01-01"), articleId: null, ownerId: null };
    const [seconds] = await db.$queryRaw<{ all: number[] }[]>`
      SELECT array_agg(extract(epoch FROM first_verified_at - created_at)::float8 ORDER BY 1) AS "all"
      FROM claims WHERE id IN (${Prisma.join(desk.claimIds)}) AND first_verified_at IS NOT NULL`;
    const values = (seconds?.all ?? []).sort((a, b) => a - b);
    const median = (list: number[]) => (list.length % 2 === 1 ? (list[(list.length - 1) / 2] ?? 0) : ((list[list.length / 2 - 1] ?? 0) + (list[list.length / 2] ?? 0)) / 2);
    const { kept } = await bothWays(query);
    expect(kept.verified.find((row) => row.week === null)).toEqual({ week: null, claims: values.length, seconds: Math.round(median(values) * 1000) / 1000 });
    // One more first verification turns an odd count even (or the other way): still exact.
    const unverified = await db.claim.findFirstOrThrow({ where: { id: { in: desk.claimIds }, firstVerifiedAt: null }, select: { id: true, createdAt: true } });
    const at = new Date(unverified.createdAt.getTime() + 5 * 3_600_000);
    await db.$executeRaw`UPDATE claims SET first_verified_at = ${at} WHERE id = ${unverified.id}`;
    try {
      const more = [...values, 5 * 3_600].sort((a, b) => a - b);
      const { kept: after } = await bothWays(query);
      expect(after.verified.find((row) => row.week === null)).toEqual({ week: null, claims: more.length, seconds: Math.round(median(more) * 1000) / 1000 });
    } finally {
      await db.$executeRaw`UPDATE claims SET first_verified_at = NULL WHERE id = ${unverified.id}`;
    }
  });

  it("the dashboard of the whole desk shows what its rows say", async () => {
    const dashboard = await getDashboard({ actor: desk.editor, input: { from: "2019-01-01", to: "2019-06-30" } });
    const { counted } = await bothWays({ from: new Date("2019-01-01"), until: new Date("2019-07-01"), articleId: null, ownerId: null });
    expect(dashboard.claimsByStatus.filter((row) => row.count > 0)).toEqual(expect.arrayContaining(counted.statuses));
    expect(dashboard.claimsByStatus.filter((row) => row.count > 0)).toHaveLength(counted.statuses.length);
    expect(dashboard.checksPerWeek.filter((row) => row.count > 0)).toEqual(counted.checks);
    expect(dashboard.timeToVerified.claims).toBe(counted.verified.find((row) => row.week === null)?.claims);
  });
});

describe("keeping the totals", () => {
  it("folding the deltas changes no figure, and leaves one row per person, figure, day and key", async () => {
    const query = { from: new Date("2019-01-01"), until: new Date("2020-01-01"), articleId: null, ownerId: null };
    const before = await bothWays(query);
    // The desk's work left several rows per key (unless a worker's fold got there first).
    const folded = await compactDashboardTotals();
    expect(folded.folded).toBeGreaterThanOrEqual(folded.written);
    const [duplicates] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (
        SELECT 1 FROM dashboard_totals WHERE day >= '2019-01-01' AND day < '2020-01-01'
        GROUP BY user_id, figure, day, key HAVING count(*) > 1) d`;
    // Other tests may write meanwhile, but nothing of theirs falls in 2019: one row per key is left.
    expect(duplicates?.n).toBe(0);
    expect((await bothWays(query)).kept).toEqual(before.kept);
    for (const reviewer of desk.reviewers) {
      const own = { ...query, ownerId: reviewer.id };
      const { kept, counted } = await bothWays(own);
      expect(kept).toEqual(counted);
    }
  });

  it("everything the test run has done so far is kept right: totals and members equal a recount of the whole database", async () => {
    const [[difference], [members], [copies]] = await db.$transaction(
      [
        db.$queryRaw<{ n: number; sample: unknown }[]>`
          WITH kept AS (
            SELECT user_id, figure, day, key, sum(n)::int AS n FROM dashboard_totals GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0
          ), counted AS (SELECT * FROM factdesk_dashboard_totals_from_rows())
          SELECT count(*)::int AS n, (array_agg(row_to_json(d)))[1:5] AS sample FROM (
            (SELECT * FROM kept EXCEPT SELECT * FROM counted) UNION ALL (SELECT * FROM counted EXCEPT SELECT * FROM kept)
          ) d`,
        db.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM (
            (SELECT claim_id, user_id, refs FROM claim_members EXCEPT SELECT * FROM factdesk_claim_member_reasons())
            UNION ALL (SELECT * FROM factdesk_claim_member_reasons() EXCEPT SELECT claim_id, user_id, refs FROM claim_members)
          ) d`,
        // The times members carry for their medians are the claim's, and its bucket is its time's.
        db.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM claims c LEFT JOIN claim_members m ON m.claim_id = c.id
          WHERE c.verified_bucket IS DISTINCT FROM factdesk_verified_bucket(c.first_verified_at, c.created_at)
             OR (m.claim_id IS NOT NULL AND (m.marked_at, m.verified_at, m.verified_bucket) IS DISTINCT FROM (c.created_at, c.first_verified_at, c.verified_bucket))`,
      ],
      { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead },
    );
    expect(difference).toEqual({ n: 0, sample: null });
    expect(members?.n).toBe(0);
    expect(copies?.n).toBe(0);
  });
});
