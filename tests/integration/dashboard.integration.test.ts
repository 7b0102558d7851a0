/**
 * The dashboard's figures on a small desk whose every number is known: one article, four
 * claims, moved into March 2020 so that nothing else the run creates falls in the range.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assignArticle, assignClaim } from "@/lib/assignments/assign";
import { getDashboard, type DashboardDTO } from "@/lib/dashboard/get-dashboard";
import { makeUser } from "./factories";
import { claimInput, expectRefused, makeClaimArticle, makeVerification } from "./claim-factories";
import { annotationIn, review, submitted } from "./review-factories";
import { createClaim } from "@/lib/claims/create-claim";
import { getClaim } from "@/lib/claims/get-claim";
import { getArticle } from "@/lib/articles/get-article";
import { createRevision } from "@/lib/articles/create-revision";

interface Desk {
  editor: Actor;
  alice: Actor;
  bob: Actor;
  articleId: string;
  claims: { verified: string; inReview: string; overdue: string; drafted: string };
}

const RANGE = { from: "2020-03-01", to: "2020-03-15" };
let desk: Desk;

/**
 * - verified: marked by Alice; her verdict (misleading) and source, both approved by Bob → verified
 *   48 hours after it was marked; assigned to Alice (settled, so not open work);
 * - inReview: marked by Bob; his verdict (false) sent back by Alice → in review; assigned to
 *   Alice, due in a week;
 * - overdue: marked by Alice, unchecked; assigned to Bob, due yesterday;
 * - drafted: marked by Bob, who has a draft verdict (true) on it: counted nowhere.
 */
async function makeDesk(): Promise<Desk> {
  const [editor, alice, bob] = await Promise.all([makeUser("editor", "Erin"), makeUser("reviewer", "Alice"), makeUser("reviewer", "Bob")]);
  const articleId = await makeClaimArticle();
  const mark = (actor: Actor, exact: string) => createClaim({ actor, articleId, input: claimInput(exact) }).then((claim) => claim.id);
  const verified = await mark(alice, "unemployment fell by 3% last year");
  const inReview = await mark(bob, "The minister said");
  const overdue = await mark(alice, "Critics say");
  const drafted = await mark(bob, "part-time work");

  await annotationIn("approved", alice, bob, verified, "verification");
  await annotationIn("approved", alice, bob, verified, "source");
  const sentBack = await submitted(bob, inReview, "verification", { verdict: "false" });
  await review(alice, sentBack, "request_changes");
  await makeVerification(bob, drafted, { verdict: "true" });

  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
  await assignClaim({ actor: editor, id: verified, input: { assigneeId: alice.id } });
  await assignClaim({ actor: editor, id: inReview, input: { assigneeId: alice.id, dueAt: inDays(7) } });
  await assignClaim({ actor: editor, id: overdue, input: { assigneeId: bob.id, dueAt: inDays(2) } });
  await db.claim.update({ where: { id: overdue }, data: { dueAt: new Date(Date.now() - 86_400_000) } });

  // Into March 2020: marked on Monday 2 March, submitted on the 3rd, approved (and so verified)
  // on the 4th, sent back on Tuesday 10 March.
  const ids = [verified, inReview, overdue, drafted];
  await db.claim.updateMany({ where: { id: { in: ids } }, data: { createdAt: new Date("2020-03-02T10:00:00Z") } });
  await db.annotation.updateMany({ where: { claimId: { in: ids }, submittedAt: { not: null } }, data: { submittedAt: new Date("2020-03-03T10:00:00Z") } });
  await db.review.updateMany({ where: { annotation: { claimId: verified } }, data: { createdAt: new Date("2020-03-04T10:00:00Z") } });
  await db.review.updateMany({ where: { annotation: { claimId: inReview } }, data: { createdAt: new Date("2020-03-10T09:00:00Z") } });
  await db.auditEvent.updateMany({ where: { claimId: verified, action: "annotation.reviewed" }, data: { createdAt: new Date("2020-03-04T10:00:00Z") } });
  return { editor, alice, bob, articleId, claims: { verified, inReview, overdue, drafted } };
}

beforeAll(async () => {
  desk = await makeDesk();
});

const counts = <K extends string>(rows: { count: number }[], key: (row: never) => K) =>
  Object.fromEntries(rows.map((row) => [key(row as never), row.count]));

function statuses(dashboard: DashboardDTO) {
  return counts(dashboard.claimsByStatus, (row: { status: string }) => row.status);
}

function verdicts(dashboard: DashboardDTO) {
  return Object.fromEntries(dashboard.verdictsByKind.filter((row) => row.approved + row.inReview > 0).map((row) => [row.verdict, { approved: row.approved, inReview: row.inReview }]));
}

// Each figure both ways: the known article's, counted from its rows, and the whole desk's in the
// range (nothing else in the run falls in March 2020), summed from the totals the database keeps.
describe.each([
  ["one article, counted from its rows", true],
  ["the whole desk, from the kept totals", false],
])("%s", (_way, oneArticle) => {
  const scoped = (range: { from: string; to: string }) => (oneArticle ? { ...range, articleId: desk.articleId } : range);
  // Open work is the state now: the whole desk's has other tests' assignments too.
  const ours = (dashboard: DashboardDTO) => ({
    assignees: dashboard.openWork.assignees.filter((row) => [desk.alice.id, desk.bob.id].includes(row.assignee.id)),
    overdue: dashboard.openWork.overdue.filter((item) => item.articleId === desk.articleId),
  });

  describe("the desk's figures (editors)", () => {
    it("counts claims, verdicts, checks, time to verified, open work and reviews of a known desk", async () => {
      const dashboard = await getDashboard({ actor: desk.editor, input: scoped(RANGE) });
      expect(dashboard.scope).toBe("desk");
      expect(dashboard.range).toEqual(RANGE);
      expect(statuses(dashboard)).toEqual({ unchecked: 2, in_review: 1, verified: 1, disputed: 0, needs_reverification: 0, orphaned: 0 });
      // Bob's draft verdict (true) is nobody's figure but his, and not even his until submitted.
      expect(verdicts(dashboard)).toEqual({ misleading: { approved: 1, inReview: 0 }, false: { approved: 0, inReview: 1 } });
      // 1 March 2020 is a Sunday: the range touches the weeks of 24 February, 2 and 9 March.
      expect(dashboard.checksPerWeek).toEqual([
        { week: "2020-02-24", count: 0 },
        { week: "2020-03-02", count: 1 },
        { week: "2020-03-09", count: 0 },
      ]);
      expect(dashboard.timeToVerified).toEqual({
        medianHours: 48,
        claims: 1,
        weeks: [
          { week: "2020-02-24", medianHours: null, claims: 0 },
          { week: "2020-03-02", medianHours: 48, claims: 1 },
          { week: "2020-03-09", medianHours: null, claims: 0 },
        ],
      });
      expect(ours(dashboard).assignees).toEqual([
        { assignee: { id: desk.bob.id, name: "Bob" }, open: 1, overdue: 1 },
        { assignee: { id: desk.alice.id, name: "Alice" }, open: 1, overdue: 0 },
      ]);
      // (The whole desk's list shows the 20 most overdue of the run, which need not include it.)
      if (oneArticle) expect(ours(dashboard).overdue).toEqual([
        expect.objectContaining({ type: "claim", id: desk.claims.overdue, articleId: desk.articleId, quote: "Critics say", assignee: { id: desk.bob.id, name: "Bob" } }),
      ]);
      expect(dashboard.agreement).toEqual([
        { week: "2020-02-24", approve: 0, requestChanges: 0, reject: 0, approvalShare: null },
        { week: "2020-03-02", approve: 2, requestChanges: 0, reject: 0, approvalShare: 1 },
        { week: "2020-03-09", approve: 0, requestChanges: 1, reject: 0, approvalShare: 0 },
      ]);
    });

    it("leaves out what falls outside the range, but open work is the state now", async () => {
      const dashboard = await getDashboard({ actor: desk.editor, input: scoped({ from: "2020-03-09", to: "2020-03-15" }) });
      expect(statuses(dashboard)).toMatchObject({ unchecked: 0, in_review: 0, verified: 0 });
      expect(dashboard.checksPerWeek).toEqual([{ week: "2020-03-09", count: 0 }]);
      expect(dashboard.timeToVerified.claims).toBe(0);
      expect(dashboard.timeToVerified.medianHours).toBeNull();
      expect(dashboard.agreement).toEqual([{ week: "2020-03-09", approve: 0, requestChanges: 1, reject: 0, approvalShare: 0 }]);
      expect(ours(dashboard).assignees.map((row) => row.open)).toEqual([1, 1]);
    });

    it("an assignment shows at once in open work, an article counting as well as a claim", async () => {
      const carol = await makeUser("reviewer", "Carol");
      const before = await getDashboard({ actor: desk.editor, input: scoped(RANGE) });
      expect(before.openWork.assignees.find((row) => row.assignee.id === carol.id)).toBeUndefined();
      await assignArticle({ actor: desk.editor, id: desk.articleId, input: { assigneeId: carol.id } });
      const after = await getDashboard({ actor: desk.editor, input: scoped(RANGE) });
      expect(after.openWork.assignees.find((row) => row.assignee.id === carol.id)).toEqual({ assignee: { id: carol.id, name: "Carol" }, open: 1, overdue: 0 });
      await assignArticle({ actor: desk.editor, id: desk.articleId, input: { assigneeId: null } });
    });
  });

  describe("a reviewer's own figures", () => {
    it("Alice sees the claims she marked, is assigned or worked on, her verdicts, the reviews she gave, her own work", async () => {
      const dashboard = await getDashboard({ actor: desk.alice, input: scoped(RANGE) });
      expect(dashboard.scope).toBe("own");
      // verified (hers), inReview (assigned to her), overdue (marked by her); not Bob's drafted claim.
      expect(statuses(dashboard)).toMatchObject({ unchecked: 1, in_review: 1, verified: 1 });
      expect(verdicts(dashboard)).toEqual({ misleading: { approved: 1, inReview: 0 } });
      expect(dashboard.checksPerWeek.map((row) => row.count)).toEqual([0, 1, 0]);
      expect(dashboard.timeToVerified).toMatchObject({ medianHours: 48, claims: 1 });
      expect(dashboard.openWork.assignees).toEqual([{ assignee: { id: desk.alice.id, name: "Alice" }, open: 1, overdue: 0 }]);
      expect(dashboard.openWork.overdue).toEqual([]);
      // The reviews she gave: one request for changes; Bob's two approvals are his.
      expect(dashboard.agreement.map((row) => [row.approve, row.requestChanges])).toEqual([[0, 0], [0, 0], [0, 1]]);
    });

    it("Bob's figures never count his draft as a verdict, and leave out a claim he only reviewed", async () => {
      const dashboard = await getDashboard({ actor: desk.bob, input: scoped(RANGE) });
      // inReview and drafted (his), overdue (assigned to him); not the claim he only reviewed.
      expect(statuses(dashboard)).toMatchObject({ unchecked: 2, in_review: 1, verified: 0 });
      expect(verdicts(dashboard)).toEqual({ false: { approved: 0, inReview: 1 } });
      expect(dashboard.timeToVerified.claims).toBe(0);
      expect(dashboard.openWork.assignees).toEqual([{ assignee: { id: desk.bob.id, name: "Bob" }, open: 1, overdue: 1 }]);
      expect(dashboard.openWork.overdue.map((item) => item.id)).toEqual([desk.claims.overdue]);
      expect(dashboard.agreement.map((row) => row.approve)).toEqual([0, 2, 0]);
    });

    it("a reviewer with no work of their own sees zeros, never the desk's", async () => {
      const newcomer = await makeUser("reviewer", "Newcomer");
      const dashboard = await getDashboard({ actor: newcomer, input: RANGE });
      expect(dashboard.claimsByStatus.every((row) => row.count === 0)).toBe(true);
      expect(dashboard.verdictsByKind.every((row) => row.approved + row.inReview === 0)).toBe(true);
      expect(dashboard.openWork).toMatchObject({ assignees: [], overdue: [] });
      expect(dashboard.agreement.every((row) => row.approvalShare === null)).toBe(true);
    });
  });
});

describe("bad input", () => {
  it.each([
    [{ from: "2020-13-01" }, "from"],
    [{ to: "yesterday" }, "to"],
    [{ from: "2020-03-15", to: "2020-03-01" }, "from"],
    [{ from: "2016-01-01", to: "2020-03-01" }, "from"],
    [{ ...RANGE, status: "verified" }, "status"],
  ])("%j is refused (400) naming the field, and nothing changes", async (input, field) => {
    await expectRefused(() => getDashboard({ actor: desk.editor, input }), { code: "invalid_input", fields: { [field]: expect.any(String) } });
  });

  it("an unknown article is 404, and nothing changes", async () => {
    await expectRefused(() => getDashboard({ actor: desk.alice, input: { ...RANGE, articleId: "no-such-article" } }), {
      code: "not_found",
      fields: { articleId: "No such article." },
    });
  });

  it("without a range, the 13 weeks up to today", async () => {
    const dashboard = await getDashboard({ actor: desk.editor, input: {} });
    expect(dashboard.range.to).toBe(new Date().toISOString().slice(0, 10));
    expect(dashboard.checksPerWeek.length).toBeGreaterThanOrEqual(13);
    expect(dashboard.checksPerWeek.length).toBeLessThanOrEqual(15);
  });

  it("nobody signed in is refused", async () => {
    await expect(getDashboard({ actor: null, input: RANGE })).rejects.toMatchObject({ code: "unauthenticated" });
  });
});

describe("settled claims, kept as the desk works", () => {
  /** The claim's first verification and its checks (moves to verified or disputed), oldest first. */
  async function kept(claimId: string) {
    const [claim, checks] = await Promise.all([
      db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { firstVerifiedAt: true } }),
      db.claimCheck.findMany({ where: { claimId }, orderBy: { completedAt: "asc" }, select: { status: true, completedAt: true } }),
    ]);
    return { firstVerifiedAt: claim.firstVerifiedAt, checks: checks.map((check) => check.status) };
  }

  it("a claim verified, sent back to re-verification by an edit, verified again and disputed keeps its first verification and counts once a week", async () => {
    const [editor, alice, bob, carol] = await Promise.all([
      makeUser("editor", "Erin"),
      makeUser("reviewer", "Alice"),
      makeUser("reviewer", "Bob"),
      makeUser("reviewer", "Carol"),
    ]);
    const articleId = await makeClaimArticle();
    const claim = await createClaim({ actor: alice, articleId, input: claimInput("unemployment fell by 3% last year") });
    expect(await kept(claim.id)).toEqual({ firstVerifiedAt: null, checks: [] });

    await annotationIn("approved", alice, bob, claim.id, "verification");
    await annotationIn("approved", alice, bob, claim.id, "source");
    const verifiedEvent = await db.auditEvent.findFirstOrThrow({
      where: { claimId: claim.id, after: { path: ["claimStatus", "after"], equals: "verified" } },
      select: { id: true, createdAt: true },
    });
    const first = await kept(claim.id);
    expect(first).toEqual({ firstVerifiedAt: verifiedEvent.createdAt, checks: ["verified"] });

    // The editor changes the claim's words: it needs re-verification; its first verification stays.
    const article = await getArticle({ actor: editor, id: articleId });
    await createRevision({
      actor: editor,
      articleId,
      input: { text: article.revision.text.replace("fell by 3% last year", "fell by 3 % last year"), baseRevision: article.revision.number },
    });
    expect((await getClaim({ actor: alice, claimId: claim.id })).status).toBe("needs_reverification");
    expect(await kept(claim.id)).toEqual(first);

    // Approved again: verified a second time, still first verified when it was first.
    for (const annotation of (await getClaim({ actor: alice, claimId: claim.id })).annotations) await review(bob, annotation);
    expect((await getClaim({ actor: alice, claimId: claim.id })).status).toBe("verified");
    expect(await kept(claim.id)).toEqual({ firstVerifiedAt: first.firstVerifiedAt, checks: ["verified", "verified"] });

    // Carol's approved verdict disagrees: disputed, a third check.
    await submitted(carol, claim.id, "verification", { verdict: "true" }).then((verdict) => review(bob, verdict));
    expect((await getClaim({ actor: alice, claimId: claim.id })).status).toBe("disputed");
    expect(await kept(claim.id)).toEqual({ firstVerifiedAt: first.firstVerifiedAt, checks: ["verified", "verified", "disputed"] });

    // Settled three times this week: one check completed; verified once, in this week.
    const today = new Date().toISOString().slice(0, 10);
    const weekAgo = new Date(Date.now() - 14 * 86_400_000).toISOString().slice(0, 10);
    const now = await getDashboard({ actor: editor, input: { from: weekAgo, to: today, articleId } });
    expect(now.checksPerWeek.map((row) => row.count)).toEqual([0, 0, 1]);
    expect(now.timeToVerified.claims).toBe(1);
    expect(now.timeToVerified.weeks.map((row) => row.claims)).toEqual([0, 0, 1]);

    // A corrected time on the audit event moves the figures with it: the first verification two weeks back.
    const earlier = new Date(verifiedEvent.createdAt.getTime() - 14 * 86_400_000);
    await db.auditEvent.update({ where: { id: verifiedEvent.id }, data: { createdAt: earlier } });
    expect((await kept(claim.id)).firstVerifiedAt).toEqual(earlier);
    const moved = await getDashboard({ actor: editor, input: { from: weekAgo, to: today, articleId } });
    expect(moved.checksPerWeek.map((row) => row.count)).toEqual([1, 0, 1]);
    expect(moved.timeToVerified.weeks.map((row) => row.claims)).toEqual([1, 0, 0]);
  });
});
