import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { submitAnnotation } from "@/lib/annotations/submit-annotation";
import { withdrawAnnotation } from "@/lib/annotations/withdraw-annotation";
import { getAnnotation } from "@/lib/annotations/get-annotation";
import { getClaim } from "@/lib/claims/get-claim";
import { getArticle } from "@/lib/articles/get-article";
import { refreshClaimStatus } from "@/lib/claims/refresh-claim-status";
import { lockClaim } from "@/lib/claims/lock-claim";
import { isAppError } from "@/lib/errors";
import type { AnnotationStatus } from "@/lib/claims/present";
import { makeUser } from "./factories";
import { expectRefused, makeClaim, makeSource, makeVerification } from "./claim-factories";
import { annotationIn, countQueries, review, submitted } from "./review-factories";

const SOURCE = { kind: "source", url: "https://stats.example.org/labour", title: "Labour force survey", stance: "refutes" };
const VERIFICATION = { kind: "verification", verdict: "misleading", rationale: "Part-time work is left out." };

/** Sets an annotation's status as a reviewer's decision would (reviews are another use case). */
async function decide(annotationId: string, status: AnnotationStatus): Promise<void> {
  const { claimId } = await db.annotation.update({ where: { id: annotationId }, data: { status }, select: { claimId: true } });
  await db.$transaction(async (tx) => refreshClaimStatus(tx, await lockClaim(tx, claimId)));
}

async function auditActions(targetId: string): Promise<string[]> {
  const events = await db.auditEvent.findMany({ where: { targetId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return events.map((event) => event.action);
}

describe("creating an annotation", () => {
  it("needs a signed-in user and an existing claim", async () => {
    const reviewer = await makeUser();
    const claim = await makeClaim(reviewer);
    await expectRefused(() => createAnnotation({ actor: null, claimId: claim.id, input: SOURCE }), { code: "unauthenticated" });
    await expectRefused(() => createAnnotation({ actor: reviewer, claimId: "no-such-claim", input: SOURCE }), {
      code: "not_found",
    });
  });

  it.each([
    ["no kind", { ...SOURCE, kind: undefined }, "kind"],
    ["an unknown kind", { ...SOURCE, kind: "opinion" }, "kind"],
    ["a javascript: address", { ...SOURCE, url: "javascript:alert(1)" }, "url"],
    ["an ftp address", { ...SOURCE, url: "ftp://files.example.org/x" }, "url"],
    ["an address over 2,000 characters", { ...SOURCE, url: `https://example.org/${"a".repeat(2000)}` }, "url"],
    ["no title", { ...SOURCE, title: "  " }, "title"],
    ["a title over 500 characters", { ...SOURCE, title: "t".repeat(501) }, "title"],
    ["a publisher over 200 characters", { ...SOURCE, publisher: "p".repeat(201) }, "publisher"],
    ["an excerpt over 5,000 characters", { ...SOURCE, excerpt: "e".repeat(5001) }, "excerpt"],
    ["an unknown stance", { ...SOURCE, stance: "agrees" }, "stance"],
    ["a verdict on a source", { ...SOURCE, verdict: "true" }, "verdict"],
    ["an author set by the client", { ...SOURCE, author: { id: "x" } }, "author"],
    ["a status set by the client", { ...SOURCE, status: "approved" }, "status"],
    ["a version set by the client", { ...VERIFICATION, version: 7 }, "version"],
    ["an unknown verdict", { ...VERIFICATION, verdict: "pants_on_fire" }, "verdict"],
    ["no rationale", { ...VERIFICATION, rationale: undefined }, "rationale"],
    ["a blank rationale", { ...VERIFICATION, rationale: " \n\n " }, "rationale"],
    ["a rationale over 20,000 characters", { ...VERIFICATION, rationale: "r".repeat(20_001) }, "rationale"],
    ["a rationale that is a number", { ...VERIFICATION, rationale: 42 }, "rationale"],
  ])("refuses %s with a field error and stores nothing", async (_, input, field) => {
    const reviewer = await makeUser();
    const claim = await makeClaim(reviewer);
    await expectRefused(() => createAnnotation({ actor: reviewer, claimId: claim.id, input }), {
      code: "invalid_input",
      fields: { [field]: expect.any(String) },
    });
  });

  const paragraph = (content: unknown[]) => ({ type: "doc", content: [{ type: "paragraph", content }] });
  it.each([
    ["a heading", { type: "doc", content: [{ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Hi" }] }] }],
    ["an image", { type: "doc", content: [{ type: "image", attrs: { src: "https://example.org/x.png" } }] }],
    ["a strike mark", paragraph([{ type: "text", text: "old", marks: [{ type: "strike" }] }])],
    ["a javascript: link", paragraph([{ type: "text", text: "click", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }])],
    ["a data: link", paragraph([{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "data:text/html,<script>" } }] }])],
    ["a relative link", paragraph([{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "/admin" } }] }])],
    ["a paragraph holding a list item", { type: "doc", content: [{ type: "listItem", content: [{ type: "paragraph" }] }] }],
  ])("answers 422 for a rationale document with %s, and stores nothing", async (_, rationale) => {
    const reviewer = await makeUser();
    const claim = await makeClaim(reviewer);
    await expectRefused(() => createAnnotation({ actor: reviewer, claimId: claim.id, input: { ...VERIFICATION, rationale } }), {
      code: "unprocessable",
      fields: { rationale: expect.any(String) },
    });
  });

  it("stores a source as a draft, version 1, with an audit event", async () => {
    const reviewer = await makeUser("reviewer", "Sam Source");
    const claim = await makeClaim(reviewer);
    const source = await createAnnotation({
      actor: reviewer,
      claimId: claim.id,
      input: { ...SOURCE, publisher: " Statistics Office ", excerpt: "" },
    });
    expect(source).toMatchObject({
      kind: "source",
      claimId: claim.id,
      status: "draft",
      version: 1,
      author: { id: reviewer.id, name: "Sam Source" },
      url: SOURCE.url,
      title: SOURCE.title,
      publisher: "Statistics Office",
      excerpt: null,
      stance: "refutes",
      submittedAt: null,
      can: { edit: true, delete: true, submit: true, withdraw: false },
    });
    const events = await db.auditEvent.findMany({ where: { targetId: source.id } });
    expect(events).toMatchObject([
      { action: "annotation.created", actorId: reviewer.id, targetType: "annotation", before: null, after: { kind: "source", version: 1 } },
    ]);
  });

  it("turns a plain-text rationale into paragraphs and line breaks", async () => {
    const reviewer = await makeUser();
    const claim = await makeClaim(reviewer);
    const verification = await makeVerification(reviewer, claim.id, { rationale: "First line\nsecond line.\n\n\nNext paragraph." });
    expect(verification.rationaleText).toBe("First line\nsecond line.\n\nNext paragraph.");
    expect(verification.rationale).toEqual({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "First line" }, { type: "hardBreak" }, { type: "text", text: "second line." }] },
        { type: "paragraph", content: [{ type: "text", text: "Next paragraph." }] },
      ],
    });
  });

  it("keeps a rich rationale, with only the href of its links", async () => {
    const reviewer = await makeUser();
    const claim = await makeClaim(reviewer);
    const rationale = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "See " },
            {
              type: "text",
              text: "the survey",
              marks: [{ type: "bold" }, { type: "link", attrs: { href: "https://stats.example.org/", class: "evil", target: "_top" } }],
            },
          ],
        },
        { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "one", marks: [{ type: "italic" }] }] }] }] },
        { type: "orderedList", attrs: { start: 3 }, content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "mail", marks: [{ type: "link", attrs: { href: "mailto:desk@example.org" } }] }] }] }] },
      ],
    };
    const verification = await makeVerification(reviewer, claim.id, { rationale });
    expect(verification.rationaleText).toBe("See the survey\n\none\n\nmail");
    const link = (verification.rationale.content?.[0]?.content?.[1]?.marks ?? []).find((mark) => mark.type === "link");
    expect(link?.attrs).toEqual({ href: "https://stats.example.org/", target: null, rel: "noopener noreferrer nofollow", class: null, title: null });
  });
});

describe("a new draft", () => {
  it.each([
    ["a source", SOURCE],
    ["a verification", VERIFICATION],
  ])("answers %s exactly as it reads back afterwards", async (_, input) => {
    const reviewer = await makeUser("reviewer", "Rita Reader");
    const claim = await makeClaim(reviewer);
    const created = await createAnnotation({ actor: reviewer, claimId: claim.id, input });
    // The response is built from what the INSERT returned, not read back: it must not differ.
    expect(await getAnnotation({ actor: reviewer, annotationId: created.id })).toEqual(created);
    const inClaim = (await getClaim({ actor: reviewer, claimId: claim.id })).annotations.find((annotation) => annotation.id === created.id);
    expect(inClaim).toEqual(created);
  });

  /** A claim in `status`, reached the way the app gets there. */
  async function claimIn(status: "unchecked" | "in_review" | "verified" | "disputed" | "needs_reverification" | "orphaned") {
    const author = await makeUser();
    const reviewer = await makeUser();
    const claim = await makeClaim(author);
    if (status === "in_review" || status === "needs_reverification") {
      await submitted(author, claim.id);
    }
    if (status === "verified" || status === "disputed") {
      await annotationIn("approved", author, reviewer, claim.id, "source");
      await annotationIn("approved", author, reviewer, claim.id, "verification");
    }
    if (status === "disputed") {
      const other = await submitted(author, claim.id, "verification", { verdict: "true" });
      await review(reviewer, other);
    }
    // Re-anchoring stores these two (lib/claims/reanchor-claims.ts): after a changed text, with
    // every approval sent back to review; or when the text is gone.
    if (status === "needs_reverification" || status === "orphaned") await db.claim.update({ where: { id: claim.id }, data: { status } });
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).status).toBe(status);
    return claim;
  }

  it.each(["unchecked", "in_review", "verified", "disputed", "needs_reverification", "orphaned"] as const)(
    "leaves a claim %s as it was, with one audit event and no status change in it",
    async (status) => {
      const claim = await claimIn(status);
      const reviewer = await makeUser();
      const before = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
      for (const input of [SOURCE, VERIFICATION]) {
        const created = await createAnnotation({ actor: reviewer, claimId: claim.id, input });
        const events = await db.auditEvent.findMany({ where: { targetId: created.id } });
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({ action: "annotation.created", claimId: claim.id, actorId: reviewer.id });
        expect(events[0]?.after).not.toHaveProperty("claimStatus");
      }
      expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).toEqual(before);
    },
  );

  it("costs one statement: lock, insert, audit event and notification in one round trip", async () => {
    const reviewer = await makeUser();
    const claim = await makeClaim(reviewer);
    // One data-modifying CTE (lib/annotations/create-annotation.ts), which also writes a source's
    // pending archive; a source then costs one more statement, the archive job's insert into the
    // job queue (once the queue is connected, as it is after the first source). More means the
    // create path went back to an interactive transaction or reads something back again.
    await createAnnotation({ actor: reviewer, claimId: claim.id, input: SOURCE });
    expect(await countQueries(() => createAnnotation({ actor: reviewer, claimId: claim.id, input: VERIFICATION }))).toBe(1);
    expect(await countQueries(() => createAnnotation({ actor: reviewer, claimId: claim.id, input: SOURCE }))).toBe(2);
  });

  it.each([
    ["source", { ...SOURCE, publisher: "Statistics Office", excerpt: "Full-time employment fell." }],
    ["source without publisher and excerpt", SOURCE],
    ["verification", VERIFICATION],
  ])("stores the %s it answers with, and records it in its audit event", async (_, input) => {
    const reviewer = await makeUser();
    const claim = await makeClaim(reviewer);
    const created = await createAnnotation({ actor: reviewer, claimId: claim.id, input });
    // The answer is built without reading the row back: it must be what a read returns.
    expect(await getAnnotation({ actor: reviewer, annotationId: created.id })).toEqual(created);
    const stored = await db.annotation.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.createdAt.toISOString()).toBe(created.createdAt);
    expect(Math.abs(stored.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    const [event] = await db.auditEvent.findMany({ where: { targetId: created.id } });
    expect(event).toMatchObject({ actorId: reviewer.id, targetType: "annotation", claimId: claim.id, before: null });
    expect(event?.createdAt.toISOString()).toBe(created.createdAt);
    const { claimId, kind, status, version } = stored;
    const content =
      kind === "source"
        ? { url: stored.url, title: stored.title, publisher: stored.publisher, excerpt: stored.excerpt, stance: stored.stance }
        : { verdict: stored.verdict, rationaleText: stored.rationaleText, rationale: stored.rationale };
    expect(event?.after).toEqual({ claimId, kind, status, version, ...content });
  });
});

describe("editing an annotation", () => {
  it("is refused without a session, and to anyone but the author (403, or 404 for a draft)", async () => {
    const author = await makeUser();
    const other = await makeUser();
    const editor = await makeUser("editor");
    const claim = await makeClaim(author);
    const draft = await makeSource(author, claim.id);
    const edit = { version: 1, title: "Changed" };
    await expectRefused(() => updateAnnotation({ actor: null, annotationId: draft.id, input: edit }), { code: "unauthenticated" });
    await expectRefused(() => updateAnnotation({ actor: other, annotationId: draft.id, input: edit }), { code: "not_found" });
    await expectRefused(() => updateAnnotation({ actor: editor, annotationId: draft.id, input: edit }), { code: "not_found" });
    await submitAnnotation({ actor: author, annotationId: draft.id });
    await expectRefused(() => updateAnnotation({ actor: other, annotationId: draft.id, input: edit }), { code: "forbidden" });
    await expectRefused(() => updateAnnotation({ actor: editor, annotationId: draft.id, input: edit }), { code: "forbidden" });
    await expectRefused(() => updateAnnotation({ actor: author, annotationId: "no-such-annotation", input: edit }), {
      code: "not_found",
    });
  });

  it.each([
    ["no version", { title: "Changed" }, "version"],
    ["a version as text", { title: "Changed", version: "1" }, "version"],
    ["nothing to change", { version: 1 }, "_"],
    ["a new kind", { version: 1, kind: "verification", verdict: "true" }, "kind"],
    ["a status", { version: 1, status: "approved" }, "status"],
    ["an author", { version: 1, authorId: "x" }, "authorId"],
    ["a bad address", { version: 1, url: "javascript:alert(1)" }, "url"],
    ["an empty title", { version: 1, title: "" }, "title"],
  ])("refuses %s with a field error and changes nothing", async (_, input, field) => {
    const author = await makeUser();
    const claim = await makeClaim(author);
    const source = await makeSource(author, claim.id);
    await expectRefused(() => updateAnnotation({ actor: author, annotationId: source.id, input }), {
      code: "invalid_input",
      fields: { [field]: expect.any(String) },
    });
  });

  it("answers 422 for a bad rationale document and changes nothing", async () => {
    const author = await makeUser();
    const claim = await makeClaim(author);
    const verification = await makeVerification(author, claim.id);
    const rationale = { type: "doc", content: [{ type: "codeBlock", content: [{ type: "text", text: "x" }] }] };
    await expectRefused(() => updateAnnotation({ actor: author, annotationId: verification.id, input: { version: 1, rationale } }), {
      code: "unprocessable",
    });
  });

  it("increments the version, keeps a draft a draft, and refuses a stale version with the current one", async () => {
    const author = await makeUser();
    const claim = await makeClaim(author);
    const source = await makeSource(author, claim.id);
    const edited = await updateAnnotation({ actor: author, annotationId: source.id, input: { version: 1, title: "Revised survey", publisher: "ONS" } });
    expect(edited).toMatchObject({ version: 2, status: "draft", title: "Revised survey", publisher: "ONS", url: source.url });
    expect(Date.parse(edited.updatedAt)).toBeGreaterThan(Date.parse(source.updatedAt));
    const cleared = await updateAnnotation({ actor: author, annotationId: source.id, input: { version: 2, publisher: null } });
    expect(cleared).toMatchObject({ version: 3, publisher: null, title: "Revised survey" });
    await expectRefused(() => updateAnnotation({ actor: author, annotationId: source.id, input: { version: 2, title: "Late" } }), {
      code: "stale_version",
      details: { currentVersion: 3 },
    });
    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: source.id, action: "annotation.updated" }, orderBy: { createdAt: "asc" } });
    expect(event).toMatchObject({ before: { version: 1, title: SOURCE.title }, after: { version: 2, title: "Revised survey" } });
  });

  it("sends an annotation in review, approved or sent back to review again as a new version", async () => {
    const author = await makeUser();
    const claim = await makeClaim(author);
    for (const status of ["submitted", "approved", "changes_requested"] as const) {
      const verification = await makeVerification(author, claim.id);
      await submitAnnotation({ actor: author, annotationId: verification.id });
      if (status !== "submitted") await decide(verification.id, status);
      const edited = await updateAnnotation({ actor: author, annotationId: verification.id, input: { version: 1, verdict: "false" } });
      expect(edited).toMatchObject({ status: "submitted", version: 2, verdict: "false", rationaleText: "Part-time work is left out." });
    }
  });

  it("refuses to edit a rejected annotation", async () => {
    const author = await makeUser();
    const claim = await makeClaim(author);
    const source = await makeSource(author, claim.id);
    await submitAnnotation({ actor: author, annotationId: source.id });
    await decide(source.id, "rejected");
    expect((await getAnnotation({ actor: author, annotationId: source.id })).can.edit).toBe(false);
    await expectRefused(() => updateAnnotation({ actor: author, annotationId: source.id, input: { version: 1, title: "Again" } }), {
      code: "conflict",
    });
  });

  it("lets exactly one of ten parallel edits from the same version win; the rest are stale, nothing is lost", async () => {
    const author = await makeUser();
    const claim = await makeClaim(author);
    const source = await makeSource(author, claim.id);
    const titles = Array.from({ length: 10 }, (_, index) => `Edit number ${index}`);
    const results = await Promise.allSettled(
      titles.map((title) => updateAnnotation({ actor: author, annotationId: source.id, input: { version: 1, title } })),
    );
    const winners = results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    const losers = results.flatMap((result) => (result.status === "rejected" ? [result.reason as unknown] : []));
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(9);
    for (const error of losers) {
      expect(isAppError(error) && error.code === "stale_version" && error.details?.currentVersion === 2).toBe(true);
    }
    const stored = await db.annotation.findUniqueOrThrow({ where: { id: source.id } });
    expect(stored.version).toBe(2);
    expect(stored.title).toBe(winners[0]?.kind === "source" ? winners[0].title : "");
    expect(titles).toContain(stored.title);
    expect(await auditActions(source.id)).toEqual(["annotation.created", "annotation.updated"]);
  });
});

describe("submitting and withdrawing", () => {
  it("is the author's only", async () => {
    const author = await makeUser();
    const other = await makeUser();
    const claim = await makeClaim(author);
    const draft = await makeVerification(author, claim.id);
    await expectRefused(() => submitAnnotation({ actor: null, annotationId: draft.id }), { code: "unauthenticated" });
    await expectRefused(() => submitAnnotation({ actor: other, annotationId: draft.id }), { code: "not_found" });
    await submitAnnotation({ actor: author, annotationId: draft.id });
    await expectRefused(() => withdrawAnnotation({ actor: other, annotationId: draft.id }), { code: "forbidden" });
    await expectRefused(() => deleteAnnotation({ actor: other, annotationId: draft.id }), { code: "forbidden" });
  });

  it("moves a draft to review and back, deriving the claim's status, with an audit event each", async () => {
    const author = await makeUser();
    const other = await makeUser();
    const claim = await makeClaim(author);
    const verification = await makeVerification(author, claim.id);
    expect((await getClaim({ actor: author, claimId: claim.id })).status).toBe("unchecked");

    const submitted = await submitAnnotation({ actor: author, annotationId: verification.id, input: { version: 1 } });
    expect(submitted).toMatchObject({ status: "submitted", version: 1, can: { edit: true, submit: false, withdraw: true } });
    expect(submitted.submittedAt).not.toBeNull();
    expect((await getClaim({ actor: other, claimId: claim.id })).status).toBe("in_review");
    expect((await getAnnotation({ actor: other, annotationId: verification.id })).id).toBe(verification.id);

    const withdrawn = await withdrawAnnotation({ actor: author, annotationId: verification.id });
    expect(withdrawn).toMatchObject({ status: "draft", version: 1, submittedAt: null });
    expect((await getClaim({ actor: author, claimId: claim.id })).status).toBe("unchecked");
    await expect(getAnnotation({ actor: other, annotationId: verification.id })).rejects.toMatchObject({ code: "not_found" });

    expect(await auditActions(verification.id)).toEqual(["annotation.created", "annotation.submitted", "annotation.withdrawn"]);
    const submitEvent = await db.auditEvent.findFirstOrThrow({ where: { targetId: verification.id, action: "annotation.submitted" } });
    expect(submitEvent).toMatchObject({
      before: { status: "draft" },
      after: { status: "submitted", claimStatus: { before: "unchecked", after: "in_review" } },
    });
  });

  it("derives verified and disputed from approved annotations", async () => {
    const author = await makeUser();
    const claim = await makeClaim(author);
    const verification = await makeVerification(author, claim.id, { verdict: "false" });
    const source = await makeSource(author, claim.id);
    for (const annotation of [verification, source]) await submitAnnotation({ actor: author, annotationId: annotation.id });
    await decide(verification.id, "approved");
    expect((await getClaim({ actor: author, claimId: claim.id })).status).toBe("in_review");
    await decide(source.id, "approved");
    expect((await getClaim({ actor: author, claimId: claim.id })).status).toBe("verified");
    const second = await makeVerification(author, claim.id, { verdict: "true" });
    await submitAnnotation({ actor: author, annotationId: second.id });
    expect((await getClaim({ actor: author, claimId: claim.id })).status).toBe("verified");
    await decide(second.id, "approved");
    expect((await getClaim({ actor: author, claimId: claim.id })).status).toBe("disputed");
    // Deleting the dissenting verdict settles the claim again, in the same transaction.
    await deleteAnnotation({ actor: author, annotationId: second.id });
    expect((await getClaim({ actor: author, claimId: claim.id })).status).toBe("verified");
  });

  it("refuses transitions the status does not allow, and stale versions", async () => {
    const author = await makeUser();
    const claim = await makeClaim(author);
    const source = await makeSource(author, claim.id);
    await expectRefused(() => withdrawAnnotation({ actor: author, annotationId: source.id }), { code: "conflict" });
    await expectRefused(() => submitAnnotation({ actor: author, annotationId: source.id, input: { version: 2 } }), {
      code: "stale_version",
      details: { currentVersion: 1 },
    });
    await expectRefused(() => submitAnnotation({ actor: author, annotationId: source.id, input: { version: 1, status: "approved" } }), {
      code: "invalid_input",
      fields: { status: expect.any(String) },
    });
    await submitAnnotation({ actor: author, annotationId: source.id });
    await expectRefused(() => submitAnnotation({ actor: author, annotationId: source.id }), { code: "conflict" });
    await decide(source.id, "approved");
    await expectRefused(() => withdrawAnnotation({ actor: author, annotationId: source.id }), {
      code: "conflict",
      message: expect.stringContaining("approved annotation cannot be withdrawn"),
    });
  });

  it("submits an annotation sent back for changes again", async () => {
    const author = await makeUser();
    const claim = await makeClaim(author);
    const source = await makeSource(author, claim.id);
    await submitAnnotation({ actor: author, annotationId: source.id });
    await decide(source.id, "changes_requested");
    expect(await submitAnnotation({ actor: author, annotationId: source.id })).toMatchObject({ status: "submitted" });
  });
});

describe("deleting an annotation", () => {
  it("is the author's, in any status, with an audit event", async () => {
    const author = await makeUser();
    const other = await makeUser();
    const claim = await makeClaim(author);
    const draft = await makeSource(author, claim.id);
    await expectRefused(() => deleteAnnotation({ actor: other, annotationId: draft.id }), { code: "not_found" });
    await expectRefused(() => deleteAnnotation({ actor: null, annotationId: draft.id }), { code: "unauthenticated" });
    await deleteAnnotation({ actor: author, annotationId: draft.id });
    expect(await db.annotation.findUnique({ where: { id: draft.id } })).toBeNull();
    expect(await auditActions(draft.id)).toEqual(["annotation.created", "annotation.deleted"]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: draft.id, action: "annotation.deleted" } });
    expect(event).toMatchObject({ actorId: author.id, before: { title: SOURCE.title, status: "draft" }, after: null });
  });
});

describe("drafts", () => {
  it("are invisible to everyone but their author, in the article too", async () => {
    const author = await makeUser();
    const other = await makeUser();
    const editor = await makeUser("editor");
    const claim = await makeClaim(author);
    const draft = await makeVerification(author, claim.id);
    for (const actor of [other, editor]) {
      await expect(getAnnotation({ actor, annotationId: draft.id })).rejects.toMatchObject({ code: "not_found" });
      const article = await getArticle({ actor, id: claim.articleId });
      expect(article.claims.find((entry) => entry.id === claim.id)?.annotations).toEqual([]);
    }
    const mine = await getArticle({ actor: author, id: claim.articleId });
    expect(mine.claims.find((entry) => entry.id === claim.id)?.annotations.map((annotation) => annotation.id)).toEqual([draft.id]);
  });
});

describe("every change", () => {
  it("writes exactly one audit event", async () => {
    const author = await makeUser();
    const claim = await makeClaim(author);
    const before = await db.auditEvent.count();
    const source = await makeSource(author, claim.id);
    await updateAnnotation({ actor: author, annotationId: source.id, input: { version: 1, stance: "context" } });
    await submitAnnotation({ actor: author, annotationId: source.id });
    await withdrawAnnotation({ actor: author, annotationId: source.id });
    await deleteAnnotation({ actor: author, annotationId: source.id });
    expect(await db.auditEvent.count()).toBe(before + 5);
  });
});
