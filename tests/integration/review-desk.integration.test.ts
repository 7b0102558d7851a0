/**
 * The review desk around the state machine: replies, the review queue, activity on one's own
 * work, a claim's history, and an article's progress, agreement and status counts.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { ReviewQueueItemDTO } from "@/lib/claims/present";
import { submitAnnotation } from "@/lib/annotations/submit-annotation";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { withdrawAnnotation } from "@/lib/annotations/withdraw-annotation";
import { getAnnotation } from "@/lib/annotations/get-annotation";
import { getClaim } from "@/lib/claims/get-claim";
import { getArticle } from "@/lib/articles/get-article";
import { listArticles } from "@/lib/articles/list-articles";
import { replyToAnnotation } from "@/lib/reviews/reply-to-annotation";
import { listReviewQueue } from "@/lib/reviews/list-review-queue";
import { countReviewQueue } from "@/lib/reviews/count-review-queue";
import { listActivity } from "@/lib/reviews/list-activity";
import { getClaimHistory } from "@/lib/claims/get-claim-history";
import { makeUser } from "./factories";
import { expectRefused, makeClaim, makeClaimArticle, makeSource, makeVerification } from "./claim-factories";
import { countQueries, review, submitted } from "./review-factories";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("replies", () => {
  it("are refused to the anonymous, under others' drafts (404), and without a body", async () => {
    const author = await makeUser();
    const other = await makeUser();
    const claim = await makeClaim(author);
    const draft = await makeVerification(author, claim.id);
    await expectRefused(() => replyToAnnotation({ actor: null, annotationId: draft.id, input: { body: "Hi" } }), { code: "unauthenticated" });
    await expectRefused(() => replyToAnnotation({ actor: other, annotationId: draft.id, input: { body: "Hi" } }), { code: "not_found" });
    await expectRefused(() => replyToAnnotation({ actor: other, annotationId: "no-such-annotation", input: { body: "Hi" } }), {
      code: "not_found",
    });
    for (const [input, field] of [
      [{}, "body"],
      [{ body: "   " }, "body"],
      [{ body: "b".repeat(5001) }, "body"],
      [{ body: "Hi", authorId: other.id }, "authorId"],
    ] as const) {
      await expectRefused(() => replyToAnnotation({ actor: author, annotationId: draft.id, input }), {
        code: "invalid_input",
        fields: { [field]: expect.any(String) },
      });
    }
  });

  it("thread under any annotation one can see, oldest first, with an audit event each", async () => {
    const author = await makeUser("reviewer", "Ann Author");
    const other = await makeUser("reviewer", "Otto Other");
    const claim = await makeClaim(author);
    const annotation = await makeVerification(author, claim.id);
    // The author's own draft: a note to self.
    const note = await replyToAnnotation({ actor: author, annotationId: annotation.id, input: { body: " Check table 3. " } });
    expect(note).toMatchObject({ annotationId: annotation.id, body: "Check table 3.", author: { id: author.id, name: "Ann Author" } });
    await submitAnnotation({ actor: author, annotationId: annotation.id });
    expect((await getAnnotation({ actor: other, annotationId: annotation.id })).can.reply).toBe(true);
    const question = await replyToAnnotation({ actor: other, annotationId: annotation.id, input: { body: "Which edition?" } });
    const answer = await replyToAnnotation({ actor: author, annotationId: annotation.id, input: { body: "The 2025 one." } });

    const inClaim = (await getClaim({ actor: other, claimId: claim.id })).annotations[0]!;
    expect(inClaim.replies).toEqual([note, question, answer]);
    // The article's claim list summarises annotations; threads come with the claim itself.
    const article = await getArticle({ actor: other, id: claim.articleId });
    expect(article.claims[0]?.annotations[0]).toMatchObject({ id: annotation.id, status: "submitted" });
    expect(article.claims[0]?.annotations[0]).not.toHaveProperty("replies");

    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: annotation.id, action: "annotation.replied", actorId: other.id } });
    expect(event).toMatchObject({ claimId: claim.id, after: { replyId: question.id, body: "Which edition?", status: "submitted" } });
  });

  it("stay possible on rejected work, for the discussion", async () => {
    const author = await makeUser();
    const reviewer = await makeUser();
    const claim = await makeClaim(author);
    const annotation = await submitted(author, claim.id);
    await review(reviewer, annotation, "reject");
    expect((await replyToAnnotation({ actor: author, annotationId: annotation.id, input: { body: "Why?" } })).body).toBe("Why?");
  });
});

/** Every item of `reviewer`'s queue, page by page. */
async function wholeQueue(reviewer: Actor, limit = 100): Promise<ReviewQueueItemDTO[]> {
  const items: ReviewQueueItemDTO[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 1000; pages += 1) {
    const page: { items: ReviewQueueItemDTO[]; nextCursor: string | null } = await listReviewQueue({
      actor: reviewer,
      input: { limit, ...(cursor ? { cursor } : {}) },
    });
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) return items;
  }
  throw new Error("the queue never ended");
}

describe("the review queue", () => {
  it("is refused to the anonymous and refuses a forged cursor", async () => {
    const reviewer = await makeUser();
    await expect(listReviewQueue({ actor: null })).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(countReviewQueue({ actor: null })).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(listReviewQueue({ actor: reviewer, input: { cursor: "not-a-cursor" } })).rejects.toMatchObject({
      code: "invalid_input",
      fields: { cursor: expect.any(String) },
    });
  });

  it("holds others' submitted work not yet reviewed by me at its current version, oldest first, with its claim", async () => {
    vi.stubEnv("FACTDESK_REQUIRED_APPROVALS", "2");
    const author = await makeUser();
    const me = await makeUser();
    const colleague = await makeUser();
    const claim = await makeClaim(author);
    const waiting = await submitted(author, claim.id, "source");
    await makeVerification(author, claim.id); // a draft: nobody else's business
    const myOwn = await submitted(me, claim.id); // my own
    const rejected = await submitted(author, claim.id);
    await review(colleague, rejected, "reject"); // decided
    const approvedByMe = await submitted(author, claim.id);
    await review(me, approvedByMe); // 1 of 2: still submitted, but I have judged this version
    const editedSince = await submitted(author, claim.id);
    await review(me, editedSince);
    await updateAnnotation({ actor: author, annotationId: editedSince.id, input: { version: 1, verdict: "true" } }); // v2: mine to judge again
    const latest = await submitted(author, claim.id);
    const withdrawn = await submitted(author, claim.id);
    await withdrawAnnotation({ actor: author, annotationId: withdrawn.id });

    const queue = await wholeQueue(me);
    const mine = queue.filter((item) => item.claim.id === claim.id);
    expect(mine.map((item) => item.annotation.id)).toEqual([waiting.id, editedSince.id, latest.id]);
    expect(mine[0]).toMatchObject({
      annotation: { id: waiting.id, kind: "source", status: "submitted", can: { review: true, reply: true, edit: false } },
      claim: { id: claim.id, exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix, claimant: null, status: "in_review" },
      article: { id: claim.articleId, title: "Claims test article" },
    });
    expect(mine[1]?.annotation).toMatchObject({ version: 2, approvals: 0, requiredApprovals: 2 });
    // The whole queue: oldest first, never my own, and the badge agrees with it.
    const times = queue.map((item) => Date.parse(item.annotation.submittedAt!));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(queue.every((item) => item.annotation.author.id !== me.id && item.annotation.status === "submitted")).toBe(true);
    expect(await countReviewQueue({ actor: me })).toBe(queue.length);
    expect(new Set(queue.map((item) => item.annotation.id)).size).toBe(queue.length);

    // The colleague has not judged `approvedByMe`, nor my own work, so those wait for them.
    const theirs = (await wholeQueue(colleague)).filter((item) => item.claim.id === claim.id).map((item) => item.annotation.id);
    expect(theirs).toEqual([waiting.id, myOwn.id, approvedByMe.id, editedSince.id, latest.id]);
  });

  it("pages without skipping or repeating", async () => {
    const author = await makeUser();
    const me = await makeUser();
    const claim = await makeClaim(author);
    for (let index = 0; index < 3; index += 1) await submitted(author, claim.id, "source");
    const all = await wholeQueue(me);
    const paged = await wholeQueue(me, 2);
    expect(paged.map((item) => item.annotation.id)).toEqual(all.map((item) => item.annotation.id));
    expect(all.length).toBeGreaterThanOrEqual(3);
  });

  it("answers in a fixed number of queries, however long the page", async () => {
    const author = await makeUser();
    const claim = await makeClaim(author);
    const replier = await makeUser();
    const page = (actor: Actor, limit: number) => countQueries(() => listReviewQueue({ actor, input: { limit } }));
    for (let index = 0; index < 4; index += 1) {
      const annotation = await submitted(author, claim.id);
      await replyToAnnotation({ actor: replier, annotationId: annotation.id, input: { body: "Looks right." } });
    }
    const reader = await makeUser();
    const one = await page(reader, 1);
    expect(one).toBeGreaterThan(1);
    expect(await page(reader, 5)).toBe(one);
  });
});

describe("activity", () => {
  it("lists others' reviews and replies on my work, newest first, and nothing else", async () => {
    const me = await makeUser();
    const reviewer = await makeUser("reviewer", "Rita Reviewer");
    const colleague = await makeUser("reviewer", "Colin Colleague");
    const claim = await makeClaim(me);
    const mine = await submitted(me, claim.id);
    const theirs = await submitted(colleague, claim.id);
    const sentBack = await review(reviewer, mine, "request_changes", "Which table?");
    await replyToAnnotation({ actor: me, annotationId: mine.id, input: { body: "Table 3." } }); // my own: not activity
    const question = await replyToAnnotation({ actor: colleague, annotationId: mine.id, input: { body: "Agreed with Rita." } });
    await review(reviewer, theirs); // someone else's work
    await replyToAnnotation({ actor: reviewer, annotationId: theirs.id, input: { body: "Nice." } });

    const { items, nextCursor } = await listActivity({ actor: me });
    expect(nextCursor).toBeNull();
    expect(items.map((item) => item.id).sort()).toEqual([sentBack.id, question.id].sort());
    const byId = new Map(items.map((item) => [item.id, item]));
    expect(byId.get(sentBack.id)).toMatchObject({
      type: "review",
      decision: "request_changes",
      text: "Which table?",
      actor: { id: reviewer.id, name: "Rita Reviewer" },
      annotation: { id: mine.id, kind: "verification", version: 1, status: "changes_requested" },
      claim: { id: claim.id, exact: claim.exact },
      article: { id: claim.articleId, title: "Claims test article" },
    });
    expect(byId.get(question.id)).toMatchObject({ type: "reply", decision: null, text: "Agreed with Rita.", actor: { id: colleague.id } });
    const order = items.map((item) => [item.createdAt, item.id] as const);
    expect(order).toEqual([...order].sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? 1 : -1) : a[0] < b[0] ? 1 : -1)));

    // One at a time: the same items, in the same order.
    const first = await listActivity({ actor: me, input: { limit: 1 } });
    expect(first.nextCursor).not.toBeNull();
    const second = await listActivity({ actor: me, input: { limit: 1, cursor: first.nextCursor } });
    expect([...first.items, ...second.items]).toEqual(items);
    expect(second.nextCursor).toBeNull();
    expect((await listActivity({ actor: colleague })).items.map((item) => item.id)).toEqual(
      (await listActivity({ actor: colleague })).items.map((item) => item.id),
    );
  });
});

describe("a claim's history", () => {
  it("is refused to the anonymous and 404 for an unknown claim", async () => {
    const reviewer = await makeUser();
    const claim = await makeClaim(reviewer);
    await expect(getClaimHistory({ actor: null, claimId: claim.id })).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(getClaimHistory({ actor: reviewer, claimId: "no-such-claim" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("tells every event, oldest first, to the author, and leaks no draft to others", async () => {
    const author = await makeUser("reviewer", "Ann Author");
    const reviewer = await makeUser("reviewer", "Rita Reviewer");
    const stranger = await makeUser("reviewer", "Sid Stranger");
    const claim = await makeClaim(author);
    const SECRET = "Secret draft rationale";
    const verdict = await makeVerification(author, claim.id, { rationale: SECRET, verdict: "false" });
    await updateAnnotation({ actor: author, annotationId: verdict.id, input: { version: 1, rationale: `${SECRET}, revised` } });
    await submitAnnotation({ actor: author, annotationId: verdict.id });
    await review(reviewer, { id: verdict.id, version: 2 }, "request_changes", "Name the survey.");
    await replyToAnnotation({ actor: reviewer, annotationId: verdict.id, input: { body: "Table 3?" } });
    await updateAnnotation({ actor: author, annotationId: verdict.id, input: { version: 2, rationale: "Survey table 3." } });
    await review(reviewer, { id: verdict.id, version: 3 });
    const draftSource = await makeSource(author, claim.id, { title: "Secret source title" }); // still a draft
    const gone = await submitted(author, claim.id, "source", { title: "Deleted source title" });
    await deleteAnnotation({ actor: author, annotationId: gone.id });
    const strangersDraft = await makeVerification(stranger, claim.id, { rationale: "The stranger's secret" });

    const forAuthor = (await getClaimHistory({ actor: author, claimId: claim.id })).items;
    expect(forAuthor.map((entry) => entry.summary)).toEqual([
      "Ann Author marked the claim.",
      "Ann Author added a verdict (version 1).",
      "Ann Author edited a verdict, now version 2.",
      "Ann Author submitted a verdict (version 2) for review. Claim status: In review.",
      "Rita Reviewer requested changes to a verdict (version 2).",
      "Rita Reviewer replied on a verdict.",
      "Ann Author edited a verdict, now version 3.",
      "Rita Reviewer approved a verdict (version 3).",
      "Ann Author added a source (version 1).",
      "Ann Author added a source (version 1).",
      "Ann Author submitted a source (version 1) for review.",
      "Ann Author deleted a source.",
    ]);
    expect(forAuthor[4]).toMatchObject({ action: "annotation.reviewed", actor: { id: reviewer.id, name: "Rita Reviewer" }, annotationId: verdict.id });
    expect(forAuthor[0]).toMatchObject({ action: "claim.created", annotationId: null });
    const times = forAuthor.map((entry) => entry.createdAt);
    expect(times).toEqual([...times].sort());
    expect(forAuthor.some((entry) => entry.annotationId === strangersDraft.id)).toBe(false);

    // Others: nothing of a draft, and nothing from an annotation's draft days.
    for (const actor of [reviewer, stranger]) {
      const entries = (await getClaimHistory({ actor, claimId: claim.id })).items;
      const ids = new Set(entries.map((entry) => entry.annotationId));
      expect(ids.has(draftSource.id)).toBe(false);
      // The stranger sees their own draft's creation; the reviewer does not.
      const own = actor.id === stranger.id ? 1 : 0;
      expect(ids.has(strangersDraft.id)).toBe(own === 1);
      expect(entries.map((entry) => entry.summary).slice(0, 7)).toEqual([
        "Ann Author marked the claim.",
        "Ann Author submitted a verdict (version 2) for review. Claim status: In review.",
        "Rita Reviewer requested changes to a verdict (version 2).",
        "Rita Reviewer replied on a verdict.",
        "Ann Author edited a verdict, now version 3.",
        "Rita Reviewer approved a verdict (version 3).",
        "Ann Author submitted a source (version 1) for review.",
      ]);
      expect(entries).toHaveLength(8 + own);
      expect(entries[7]?.summary).toBe("Ann Author deleted a source.");
    }
    // No summary anywhere carries content.
    const everything = JSON.stringify([
      await getClaimHistory({ actor: author, claimId: claim.id }),
      await getClaimHistory({ actor: reviewer, claimId: claim.id }),
      await getClaimHistory({ actor: stranger, claimId: claim.id }),
    ]);
    for (const secret of [SECRET, "Secret source title", "Deleted source title", "stranger's secret", "Name the survey", "Table 3?"]) {
      expect(everything).not.toContain(secret);
    }
  });
});

describe("an article's progress, agreement and status counts", () => {
  it("computes ordinal alpha on the hand example of krippendorff-alpha.test.ts", async () => {
    const first = await makeUser();
    const second = await makeUser();
    const third = await makeUser();
    const articleId = await makeClaimArticle();
    const claimOn = (exact: string) => makeClaim(first, exact, articleId);
    const [c1, c2, c3] = [
      await claimOn("The minister said"),
      await claimOn("unemployment fell by 3% last year"),
      await claimOn("the figure leaves out part-time work"),
    ];
    const verdict = (author: Actor, claimId: string, value: string) => submitted(author, claimId, "verification", { verdict: value });
    await verdict(first, c1.id, "true");
    await verdict(second, c1.id, "true");
    await makeVerification(third, c1.id, { verdict: "mixed" }); // a draft: does not count
    await verdict(first, c2.id, "true");
    await verdict(second, c2.id, "mostly_true");
    const rejected = await verdict(third, c2.id, "false");
    await review(first, rejected, "reject"); // rejected: does not count
    const v31 = await verdict(first, c3.id, "false");
    const v32 = await verdict(second, c3.id, "false");
    await verdict(third, c3.id, "unverifiable"); // off the scale: a missing value
    // Claim 3 becomes verified: both verdicts and a source approved.
    await review(third, v31);
    await review(third, v32);
    await review(second, await submitted(first, c3.id, "source"));

    const article = await getArticle({ actor: third, id: articleId });
    expect(article.agreement.claims).toBe(3);
    expect(article.agreement.reviewers).toBe(2);
    expect(article.agreement.alpha).toBeCloseTo(7 / 9, 12);
    expect(article.progress).toEqual({ verified: 1, total: 3 });
    expect(article.claims.map((claim) => claim.status)).toEqual(["in_review", "in_review", "verified"]);
    // The same figures for everyone.
    const again = await getArticle({ actor: await makeUser(), id: articleId });
    expect([again.agreement, again.progress]).toEqual([article.agreement, article.progress]);

    const { items } = await listArticles({ actor: first, input: { limit: 100 } });
    expect(items.find((item) => item.id === articleId)?.statusCounts).toEqual({
      unchecked: 0,
      in_review: 2,
      verified: 1,
      disputed: 0,
      needs_reverification: 0,
      orphaned: 0,
    });
  });

  it("has no agreement figure without two reviewers on one claim, and counts unchecked claims", async () => {
    const reviewer = await makeUser();
    const claim = await makeClaim(reviewer);
    await submitted(reviewer, claim.id);
    await makeClaim(reviewer, "Critics say", claim.articleId);
    const article = await getArticle({ actor: reviewer, id: claim.articleId });
    expect(article.agreement).toEqual({ alpha: null, claims: 0, reviewers: 0 });
    expect(article.progress).toEqual({ verified: 0, total: 2 });
    const { items } = await listArticles({ actor: reviewer, input: { limit: 100 } });
    expect(items.find((item) => item.id === claim.articleId)?.statusCounts).toMatchObject({ unchecked: 1, in_review: 1 });
  });

  it("loads in a fixed number of queries, however many claims, annotations, reviews and replies", async () => {
    const author = await makeUser();
    const reviewer = await makeUser();
    const reader = await makeUser();
    const small = await makeClaim(author);
    const large = await makeClaimArticle();
    const claimIds: string[] = [];
    for (const exact of ["The minister said", "unemployment", "fell by 3%", "Critics say"]) {
      const claim = await makeClaim(author, exact, large);
      claimIds.push(claim.id);
      const annotation = await submitted(author, claim.id);
      await review(reviewer, annotation, "request_changes");
      await replyToAnnotation({ actor: reviewer, annotationId: annotation.id, input: { body: "See the table." } });
      await makeSource(author, claim.id);
    }
    const smallCount = await countQueries(() => getArticle({ actor: reader, id: small.articleId }));
    const largeCount = await countQueries(() => getArticle({ actor: reader, id: large }));
    expect(smallCount).toBeGreaterThan(0);
    expect(largeCount).toBe(smallCount);
    // One claim in full, with its threads: as many queries for one annotation as for three.
    const [fewer, more] = [claimIds[0]!, claimIds[1]!];
    for (let extra = 0; extra < 2; extra += 1) {
      const annotation = await submitted(author, more);
      await review(reviewer, annotation, "approve");
      await replyToAnnotation({ actor: reviewer, annotationId: annotation.id, input: { body: "Agreed." } });
    }
    const oneInFull = await countQueries(() => getClaim({ actor: reader, claimId: fewer }));
    expect(oneInFull).toBeGreaterThan(0);
    expect(await countQueries(() => getClaim({ actor: reader, claimId: more }))).toBe(oneInFull);
    const list = (limit: number) => countQueries(() => listArticles({ actor: reader, input: { limit } }));
    expect(await list(50)).toBe(await list(1));
  });

  it("lists each claim as the claim itself reads, summarised, for each reader", async () => {
    const [author, other, editor] = [await makeUser(), await makeUser(), await makeUser("editor")];
    const articleId = await makeClaimArticle();
    const outer = await makeClaim(author, "unemployment fell by 3% last year", articleId);
    const inner = await makeClaim(other, "unemployment", articleId);
    await makeClaim(author, "Critics say", articleId);
    const verdict = await submitted(author, outer.id, "verification", { verdict: "misleading" });
    await review(other, verdict, "approve");
    await submitted(other, outer.id, "source", { publisher: null, excerpt: "Table 3" });
    await makeSource(author, outer.id, { publisher: "Statistics Office" });
    await makeVerification(other, inner.id);

    for (const reader of [author, other, editor]) {
      const article = await getArticle({ actor: reader, id: articleId });
      expect(article.claims).toHaveLength(3);
      for (const listed of article.claims) {
        const full = await getClaim({ actor: reader, claimId: listed.id });
        // The assignment and what the reader may do with it come with the claim itself only.
        const { annotations, assignment: _assignment, can: fullCan, ...claim } = full;
        expect(listed).toEqual({
          ...claim,
          can: { delete: fullCan.delete, annotate: fullCan.annotate },
          annotations: annotations.map((annotation) => ({
            id: annotation.id,
            claimId: annotation.claimId,
            kind: annotation.kind,
            status: annotation.status,
            version: annotation.version,
            author: annotation.author,
            updatedAt: annotation.updatedAt,
            ...(annotation.kind === "source"
              ? { url: annotation.url, title: annotation.title, publisher: annotation.publisher, stance: annotation.stance, archive: annotation.archive }
              : { verdict: annotation.verdict }),
          })),
        });
      }
    }
  });
});
