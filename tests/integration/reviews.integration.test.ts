/**
 * Reviews (D3) and the claim status they drive (D4), through the use cases against a real
 * PostgreSQL: the annotation state machine with every legal and illegal transition, the
 * required-approvals setting, stale versions, and the claim statuses that follow.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { AnnotationStatus } from "@/lib/claims/present";
import { submitAnnotation } from "@/lib/annotations/submit-annotation";
import { withdrawAnnotation } from "@/lib/annotations/withdraw-annotation";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { getAnnotation } from "@/lib/annotations/get-annotation";
import { getClaim } from "@/lib/claims/get-claim";
import { reviewAnnotation } from "@/lib/reviews/review-annotation";
import { requiredApprovals } from "@/lib/settings";
import { isAppError } from "@/lib/errors";
import { makeUser } from "./factories";
import { expectRefused, makeClaim, makeVerification } from "./claim-factories";
import { annotationIn, review, submitted } from "./review-factories";

afterEach(() => {
  vi.unstubAllEnvs();
});

/** The stored state of an annotation. */
async function stored(id: string) {
  return db.annotation.findUniqueOrThrow({ where: { id }, select: { status: true, version: true } });
}

async function claimStatus(actor: Actor, claimId: string) {
  return (await getClaim({ actor, claimId })).status;
}

const APPROVE = { decision: "approve", comment: "Checked against the survey.", version: 1 };

describe("reviewing: who may", () => {
  it("refuses the anonymous, unknown ids, others' drafts (404) and one's own work (403), changing nothing", async () => {
    const author = await makeUser();
    const other = await makeUser();
    const editor = await makeUser("editor");
    const claim = await makeClaim(author);
    const draft = await makeVerification(author, claim.id);
    await expectRefused(() => reviewAnnotation({ actor: null, annotationId: draft.id, input: APPROVE }), { code: "unauthenticated" });
    await expectRefused(() => reviewAnnotation({ actor: other, annotationId: "no-such-annotation", input: APPROVE }), {
      code: "not_found",
    });
    // Someone else's draft does not exist for a reviewer, nor for an editor.
    for (const actor of [other, editor]) {
      await expectRefused(() => reviewAnnotation({ actor, annotationId: draft.id, input: APPROVE }), { code: "not_found" });
    }
    // One's own: a draft, and once submitted.
    await expectRefused(() => reviewAnnotation({ actor: author, annotationId: draft.id, input: APPROVE }), { code: "forbidden" });
    await submitAnnotation({ actor: author, annotationId: draft.id });
    await expectRefused(() => reviewAnnotation({ actor: author, annotationId: draft.id, input: APPROVE }), {
      code: "forbidden",
      message: "You cannot review your own annotation.",
    });
    expect((await getAnnotation({ actor: author, annotationId: draft.id })).can.review).toBe(false);
    expect((await getAnnotation({ actor: other, annotationId: draft.id })).can.review).toBe(true);
  });

  it.each([
    ["no decision", { comment: "x", version: 1 }, "decision"],
    ["an unknown decision", { decision: "maybe", comment: "x", version: 1 }, "decision"],
    ["no comment", { decision: "approve", version: 1 }, "comment"],
    ["a blank comment", { decision: "approve", comment: "  \n ", version: 1 }, "comment"],
    ["a comment over 5,000 characters", { decision: "approve", comment: "c".repeat(5001), version: 1 }, "comment"],
    ["no version", { decision: "approve", comment: "x" }, "version"],
    ["a version as text", { decision: "approve", comment: "x", version: "1" }, "version"],
    ["a status set by the client", { ...APPROVE, status: "approved" }, "status"],
    ["a reviewer set by the client", { ...APPROVE, reviewerId: "x" }, "reviewerId"],
  ])("refuses %s with a field error and changes nothing", async (_, input, field) => {
    const author = await makeUser();
    const reviewer = await makeUser();
    const claim = await makeClaim(author);
    const annotation = await submitted(author, claim.id);
    await expectRefused(() => reviewAnnotation({ actor: reviewer, annotationId: annotation.id, input }), {
      code: "invalid_input",
      fields: { [field]: expect.any(String) },
    });
  });

  it("takes a comment of exactly 5,000 characters, trimmed", async () => {
    const author = await makeUser();
    const reviewer = await makeUser();
    const claim = await makeClaim(author);
    const annotation = await submitted(author, claim.id);
    const comment = "c".repeat(5000);
    const result = await reviewAnnotation({ actor: reviewer, annotationId: annotation.id, input: { ...APPROVE, comment: ` ${comment} ` } });
    expect(result.comment).toBe(comment);
  });
});

describe("the annotation state machine", () => {
  type Outcome = { status: AnnotationStatus; version: number } | { code: string };
  type Action = "submit" | "withdraw" | "edit" | "approve" | "request_changes" | "reject" | "review_own";

  // Every status × every action: what happens. Illegal moves must change nothing at all.
  const TABLE: Array<[AnnotationStatus, Action, Outcome]> = [
    ["draft", "submit", { status: "submitted", version: 1 }],
    ["draft", "withdraw", { code: "conflict" }],
    ["draft", "edit", { status: "draft", version: 2 }],
    ["draft", "approve", { code: "not_found" }],
    ["draft", "request_changes", { code: "not_found" }],
    ["draft", "reject", { code: "not_found" }],
    ["draft", "review_own", { code: "forbidden" }],
    ["submitted", "submit", { code: "conflict" }],
    ["submitted", "withdraw", { status: "draft", version: 1 }],
    ["submitted", "edit", { status: "submitted", version: 2 }],
    ["submitted", "approve", { status: "approved", version: 1 }],
    ["submitted", "request_changes", { status: "changes_requested", version: 1 }],
    ["submitted", "reject", { status: "rejected", version: 1 }],
    ["submitted", "review_own", { code: "forbidden" }],
    ["approved", "submit", { code: "conflict" }],
    ["approved", "withdraw", { code: "conflict" }],
    ["approved", "edit", { status: "submitted", version: 2 }],
    ["approved", "approve", { code: "conflict" }],
    ["approved", "request_changes", { code: "conflict" }],
    ["approved", "reject", { code: "conflict" }],
    ["approved", "review_own", { code: "forbidden" }],
    // Sent back and submitted again unchanged: a new round, so a new version.
    ["changes_requested", "submit", { status: "submitted", version: 2 }],
    ["changes_requested", "withdraw", { code: "conflict" }],
    ["changes_requested", "edit", { status: "submitted", version: 2 }],
    ["changes_requested", "approve", { code: "conflict" }],
    ["changes_requested", "request_changes", { code: "conflict" }],
    ["changes_requested", "reject", { code: "conflict" }],
    ["changes_requested", "review_own", { code: "forbidden" }],
    ["rejected", "submit", { code: "conflict" }],
    ["rejected", "withdraw", { code: "conflict" }],
    ["rejected", "edit", { code: "conflict" }],
    ["rejected", "approve", { code: "conflict" }],
    ["rejected", "request_changes", { code: "conflict" }],
    ["rejected", "reject", { code: "conflict" }],
    ["rejected", "review_own", { code: "forbidden" }],
  ];

  it.each(TABLE)("%s --%s--> %j", async (from, action, outcome) => {
    const author = await makeUser();
    const reviewer = await makeUser();
    const second = await makeUser();
    const claim = await makeClaim(author);
    const annotation = await annotationIn(from, author, reviewer, claim.id);
    expect(annotation.status).toBe(from);
    const version = annotation.version;
    // A fresh reviewer for decisions, so "already reviewed this version" is not what answers.
    const run = (): Promise<unknown> => {
      switch (action) {
        case "submit":
          return submitAnnotation({ actor: author, annotationId: annotation.id });
        case "withdraw":
          return withdrawAnnotation({ actor: author, annotationId: annotation.id });
        case "edit":
          return updateAnnotation({ actor: author, annotationId: annotation.id, input: { version, verdict: "mixed" } });
        case "review_own":
          return reviewAnnotation({ actor: author, annotationId: annotation.id, input: { ...APPROVE, version } });
        default:
          return reviewAnnotation({ actor: second, annotationId: annotation.id, input: { decision: action, comment: "Seen.", version } });
      }
    };
    if ("code" in outcome) {
      await expectRefused(run, { code: outcome.code });
      expect(await stored(annotation.id)).toEqual({ status: from, version });
    } else {
      const events = await db.auditEvent.count({ where: { targetId: annotation.id } });
      await run();
      expect(await stored(annotation.id)).toEqual(outcome);
      expect(await db.auditEvent.count({ where: { targetId: annotation.id } })).toBe(events + 1);
    }
  });

  it("says why a review is refused", async () => {
    const author = await makeUser();
    const reviewer = await makeUser();
    const late = await makeUser();
    const claim = await makeClaim(author);
    const approved = await annotationIn("approved", author, reviewer, claim.id);
    await expect(review(late, approved)).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("already approved") });
    const rejected = await annotationIn("rejected", author, reviewer, claim.id);
    await expect(review(late, rejected)).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("rejection is final") });
    const sentBack = await annotationIn("changes_requested", author, reviewer, claim.id);
    await expect(review(late, sentBack)).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("asked for changes") });
  });
});

describe("a review", () => {
  it("approves the current version: the review, the annotation, the claim, one audit event", async () => {
    const author = await makeUser("reviewer", "Ann Author");
    const reviewer = await makeUser("reviewer", "Rita Reviewer");
    const claim = await makeClaim(author);
    const annotation = await submitted(author, claim.id);
    const events = await db.auditEvent.count();

    const result = await reviewAnnotation({ actor: reviewer, annotationId: annotation.id, input: APPROVE });
    expect(result).toMatchObject({
      annotationId: annotation.id,
      decision: "approve",
      comment: APPROVE.comment,
      version: 1,
      current: true,
      reviewer: { id: reviewer.id, name: "Rita Reviewer" },
    });
    expect(await db.auditEvent.count()).toBe(events + 1);
    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: annotation.id, action: "annotation.reviewed" } });
    expect(event).toMatchObject({
      actorId: reviewer.id,
      claimId: claim.id,
      before: { status: "submitted", version: 1 },
      after: { decision: "approve", version: 1, comment: APPROVE.comment, status: "approved", reviewId: result.id },
    });

    const seenByAuthor = await getAnnotation({ actor: author, annotationId: annotation.id });
    expect(seenByAuthor).toMatchObject({ status: "approved", version: 1, approvals: 1, requiredApprovals: 1 });
    expect(seenByAuthor.reviews).toEqual([result]);
    expect(seenByAuthor.can).toMatchObject({ withdraw: false, submit: false, edit: true, review: false, reply: true });
    expect((await getAnnotation({ actor: reviewer, annotationId: annotation.id })).can.review).toBe(false);
    // A verdict without an approved source is not verified yet.
    expect(await claimStatus(author, claim.id)).toBe("in_review");
  });

  it("is one per reviewer per version, even when sent in parallel", async () => {
    vi.stubEnv("FACTDESK_REQUIRED_APPROVALS", "3");
    const author = await makeUser();
    const reviewer = await makeUser();
    const claim = await makeClaim(author);
    const annotation = await submitted(author, claim.id);
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => review(reviewer, annotation)));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results) {
      if (result.status === "rejected") expect(isAppError(result.reason) && result.reason.code === "conflict").toBe(true);
    }
    expect(await db.review.count({ where: { annotationId: annotation.id } })).toBe(1);
    await expectRefused(() => review(reviewer, annotation), { code: "conflict", message: expect.stringContaining("already reviewed version 1") });
    expect(await stored(annotation.id)).toEqual({ status: "submitted", version: 1 });
  });

  it("of a stale version is refused with the current version, and changes nothing", async () => {
    const author = await makeUser();
    const reviewer = await makeUser();
    const claim = await makeClaim(author);
    const annotation = await submitted(author, claim.id);
    await updateAnnotation({ actor: author, annotationId: annotation.id, input: { version: 1, verdict: "false" } });
    await expectRefused(() => reviewAnnotation({ actor: reviewer, annotationId: annotation.id, input: APPROVE }), {
      code: "stale_version",
      details: { currentVersion: 2 },
    });
    expect((await review(reviewer, { id: annotation.id, version: 2 })).version).toBe(2);
  });

  it("sent back: the author edits, the new version is reviewed again, the old review stays as history", async () => {
    const author = await makeUser();
    const reviewer = await makeUser();
    const claim = await makeClaim(author);
    const annotation = await submitted(author, claim.id);
    const first = await review(reviewer, annotation, "request_changes", "Cite the survey table.");
    expect(await claimStatus(author, claim.id)).toBe("in_review");
    const edited = await updateAnnotation({ actor: author, annotationId: annotation.id, input: { version: 1, rationale: "Table 3 of the survey." } });
    expect(edited).toMatchObject({ status: "submitted", version: 2, approvals: 0 });
    expect(edited.reviews).toEqual([{ ...first, current: false }]);
    expect(edited.can.review).toBe(false);
    expect((await getAnnotation({ actor: reviewer, annotationId: annotation.id })).can.review).toBe(true);
    const second = await review(reviewer, edited);
    const after = await getAnnotation({ actor: author, annotationId: annotation.id });
    expect(after).toMatchObject({ status: "approved", version: 2, approvals: 1 });
    expect(after.reviews.map((entry) => [entry.id, entry.version, entry.current])).toEqual([
      [first.id, 1, false],
      [second.id, 2, true],
    ]);
  });

  it("sent back and resubmitted unchanged is a new version the same reviewer can judge again", async () => {
    const author = await makeUser();
    const reviewer = await makeUser();
    const claim = await makeClaim(author);
    const annotation = await submitted(author, claim.id);
    await review(reviewer, annotation, "request_changes");
    const again = await submitAnnotation({ actor: author, annotationId: annotation.id });
    expect(again).toMatchObject({ status: "submitted", version: 2 });
    await review(reviewer, again, "approve");
    expect(await stored(annotation.id)).toEqual({ status: "approved", version: 2 });
  });

  it("rejected is final: no edit, no submit, no further review", async () => {
    const author = await makeUser();
    const reviewer = await makeUser();
    const other = await makeUser();
    const claim = await makeClaim(author);
    const annotation = await submitted(author, claim.id);
    await review(reviewer, annotation, "reject", "The survey says otherwise.");
    expect(await claimStatus(author, claim.id)).toBe("unchecked");
    await expectRefused(() => updateAnnotation({ actor: author, annotationId: annotation.id, input: { version: 1, verdict: "true" } }), {
      code: "conflict",
    });
    await expectRefused(() => submitAnnotation({ actor: author, annotationId: annotation.id }), { code: "conflict" });
    await expectRefused(() => review(other, annotation), { code: "conflict" });
  });

  it("of a withdrawn annotation is 404: a draft again, it is its author's alone", async () => {
    const author = await makeUser();
    const reviewer = await makeUser();
    const claim = await makeClaim(author);
    const annotation = await submitted(author, claim.id);
    await withdrawAnnotation({ actor: author, annotationId: annotation.id });
    await expectRefused(() => review(reviewer, annotation), { code: "not_found" });
  });

  it("of a deleted annotation is 404", async () => {
    const author = await makeUser();
    const reviewer = await makeUser();
    const claim = await makeClaim(author);
    const annotation = await submitted(author, claim.id);
    await deleteAnnotation({ actor: author, annotationId: annotation.id });
    await expectRefused(() => review(reviewer, annotation), { code: "not_found" });
  });
});

describe("withdrawing after a review", () => {
  it("is refused once anyone has reviewed the current version, even short of the required approvals", async () => {
    vi.stubEnv("FACTDESK_REQUIRED_APPROVALS", "2");
    const author = await makeUser();
    const reviewer = await makeUser();
    const claim = await makeClaim(author);
    const annotation = await submitted(author, claim.id);
    await review(reviewer, annotation);
    expect(await stored(annotation.id)).toEqual({ status: "submitted", version: 1 });
    expect((await getAnnotation({ actor: author, annotationId: annotation.id })).can.withdraw).toBe(false);
    await expectRefused(() => withdrawAnnotation({ actor: author, annotationId: annotation.id }), {
      code: "conflict",
      message: expect.stringContaining("already reviewed this version"),
    });
    // A new version has no reviews yet: it can be withdrawn again.
    const edited = await updateAnnotation({ actor: author, annotationId: annotation.id, input: { version: 1, verdict: "false" } });
    expect(edited.can.withdraw).toBe(true);
    expect((await withdrawAnnotation({ actor: author, annotationId: annotation.id })).status).toBe("draft");
  });

  it("is refused after approval", async () => {
    const author = await makeUser();
    const reviewer = await makeUser();
    const claim = await makeClaim(author);
    const annotation = await annotationIn("approved", author, reviewer, claim.id);
    await expectRefused(() => withdrawAnnotation({ actor: author, annotationId: annotation.id }), {
      code: "conflict",
      message: expect.stringContaining("approved annotation cannot be withdrawn"),
    });
  });
});

describe("required approvals (FACTDESK_REQUIRED_APPROVALS)", () => {
  it("defaults to 1 and refuses a malformed value", () => {
    vi.stubEnv("FACTDESK_REQUIRED_APPROVALS", "");
    expect(requiredApprovals()).toBe(1);
    vi.stubEnv("FACTDESK_REQUIRED_APPROVALS", " 3 ");
    expect(requiredApprovals()).toBe(3);
    for (const bad of ["0", "-1", "1.5", "two", "1e3"]) {
      vi.stubEnv("FACTDESK_REQUIRED_APPROVALS", bad);
      expect(() => requiredApprovals()).toThrow(/FACTDESK_REQUIRED_APPROVALS/);
    }
  });

  it("with 2 required: one approval keeps it submitted, the second approves", async () => {
    vi.stubEnv("FACTDESK_REQUIRED_APPROVALS", "2");
    const author = await makeUser();
    const first = await makeUser();
    const second = await makeUser();
    const claim = await makeClaim(author);
    const annotation = await submitted(author, claim.id);
    await review(first, annotation);
    expect(await getAnnotation({ actor: author, annotationId: annotation.id })).toMatchObject({
      status: "submitted",
      approvals: 1,
      requiredApprovals: 2,
    });
    expect(await claimStatus(author, claim.id)).toBe("in_review");
    await review(second, annotation);
    expect(await getAnnotation({ actor: author, annotationId: annotation.id })).toMatchObject({ status: "approved", approvals: 2 });
  });

  it("counts approvals of the current version only: an edit starts the count again", async () => {
    vi.stubEnv("FACTDESK_REQUIRED_APPROVALS", "2");
    const author = await makeUser();
    const first = await makeUser();
    const second = await makeUser();
    const claim = await makeClaim(author);
    const annotation = await submitted(author, claim.id);
    await review(first, annotation);
    const edited = await updateAnnotation({ actor: author, annotationId: annotation.id, input: { version: 1, verdict: "mixed" } });
    expect(edited).toMatchObject({ status: "submitted", version: 2, approvals: 0 });
    // The first approval was of version 1: with the second reviewer's of version 2 it makes one, not two.
    await review(second, edited);
    expect(await getAnnotation({ actor: author, annotationId: annotation.id })).toMatchObject({ status: "submitted", approvals: 1 });
    await review(first, edited);
    expect(await getAnnotation({ actor: author, annotationId: annotation.id })).toMatchObject({ status: "approved", version: 2, approvals: 2 });
  });

  it("parallel approvals by different reviewers are all kept and approve exactly once", async () => {
    vi.stubEnv("FACTDESK_REQUIRED_APPROVALS", "2");
    const author = await makeUser();
    const reviewers = await Promise.all([makeUser(), makeUser(), makeUser()]);
    const claim = await makeClaim(author);
    const annotation = await submitted(author, claim.id);
    const results = await Promise.allSettled(reviewers.map((reviewer) => review(reviewer, annotation)));
    // Two approvals approve it; the third reviewer finds it approved already.
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(2);
    expect(await stored(annotation.id)).toEqual({ status: "approved", version: 1 });
    expect(await db.review.count({ where: { annotationId: annotation.id } })).toBe(2);
  });
});

describe("claim status from reviews (D4)", () => {
  /** A verdict and a source by `author`, both approved by `reviewer`. */
  async function verifiedClaim(author: Actor, reviewer: Actor) {
    const claim = await makeClaim(author);
    const verdict = await submitted(author, claim.id, "verification", { verdict: "false" });
    await review(reviewer, verdict);
    expect(await claimStatus(author, claim.id)).toBe("in_review");
    const source = await submitted(author, claim.id, "source");
    expect(await claimStatus(author, claim.id)).toBe("in_review");
    await review(reviewer, source);
    expect(await claimStatus(author, claim.id)).toBe("verified");
    return { claim, verdict, source };
  }

  it("is verified only with an approved verdict and an approved source", async () => {
    const author = await makeUser();
    const reviewer = await makeUser();
    await verifiedClaim(author, reviewer);
  });

  it("is disputed when two approved verdicts disagree, and settles when one is rejected in a new round", async () => {
    const author = await makeUser();
    const colleague = await makeUser();
    const reviewer = await makeUser();
    const { claim } = await verifiedClaim(author, reviewer);
    const dissent = await submitted(colleague, claim.id, "verification", { verdict: "true" });
    expect(await claimStatus(author, claim.id)).toBe("verified");
    await review(reviewer, dissent);
    expect(await claimStatus(author, claim.id)).toBe("disputed");
    // The colleague changes their mind; the edit drops the approval and the claim is settled again.
    const edited = await updateAnnotation({ actor: colleague, annotationId: dissent.id, input: { version: 1, verdict: "false" } });
    expect(await claimStatus(author, claim.id)).toBe("verified");
    await review(reviewer, edited);
    expect(await claimStatus(author, claim.id)).toBe("verified");
  });

  it("drops from verified when the approved verdict is edited (approvals of older versions never count)", async () => {
    const author = await makeUser();
    const reviewer = await makeUser();
    const { claim, verdict } = await verifiedClaim(author, reviewer);
    const edited = await updateAnnotation({ actor: author, annotationId: verdict.id, input: { version: 1, rationale: "Sharper wording." } });
    expect(edited).toMatchObject({ status: "submitted", version: 2, approvals: 0 });
    expect(await claimStatus(author, claim.id)).toBe("in_review");
    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: verdict.id, action: "annotation.updated" } });
    expect(event.after).toMatchObject({ claimStatus: { before: "verified", after: "in_review" } });
  });
});
