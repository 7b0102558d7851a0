import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createClaim } from "@/lib/claims/create-claim";
import { deleteClaim } from "@/lib/claims/delete-claim";
import { getClaim } from "@/lib/claims/get-claim";
import { getArticle } from "@/lib/articles/get-article";
import { listArticles } from "@/lib/articles/list-articles";
import { documentFromText } from "@/lib/articles/document";
import { makeUser } from "./factories";
import {
  ARTICLE_TEXT,
  claimInput,
  expectRefused,
  makeClaim,
  makeClaimArticle,
  makeSource,
} from "./claim-factories";

describe("creating a claim", () => {
  it("needs a signed-in user", async () => {
    const articleId = await makeClaimArticle();
    await expectRefused(() => createClaim({ actor: null, articleId, input: claimInput("Critics") }), {
      code: "unauthenticated",
    });
  });

  it.each([
    ["a missing quote", { exact: undefined }, "exact"],
    ["an empty quote", { exact: "", start: 0, end: 0 }, "exact"],
    ["a blank quote", { exact: "\n\n", start: 52, end: 54 }, "exact"],
    ["a quote over 5,000 characters", { exact: "x".repeat(5001), end: 5001 }, "exact"],
    ["a prefix over 200 characters", { prefix: "x".repeat(201) }, "prefix"],
    ["a suffix over 200 characters", { suffix: "x".repeat(201) }, "suffix"],
    ["a claimant over 200 characters", { claimant: "x".repeat(201) }, "claimant"],
    ["an end before the start", { start: 10, end: 4 }, "end"],
    ["a negative start", { start: -1 }, "start"],
    ["a fractional end", { end: 7.5 }, "end"],
    ["a start sent as text", { start: "4" }, "start"],
    ["revision 0", { revision: 0 }, "revision"],
    ["a revision id instead of its number", { revision: "cl123" }, "revision"],
    ["a status set by the client", { status: "verified" }, "status"],
    ["an author set by the client", { createdById: "someone" }, "createdById"],
  ])("refuses %s with a field error and stores nothing", async (_, change, field) => {
    const reviewer = await makeUser();
    const articleId = await makeClaimArticle();
    const input = { ...claimInput("The minister"), ...change };
    await expectRefused(() => createClaim({ actor: reviewer, articleId, input }), {
      code: "invalid_input",
      fields: { [field]: expect.any(String) },
    });
  });

  it("refuses the revision's id in place of its number, saying which to send, and stores nothing", async () => {
    const reviewer = await makeUser();
    const articleId = await makeClaimArticle();
    const article = await getArticle({ actor: reviewer, id: articleId });
    const input = claimInput("The minister", { revision: article.revision.id });
    await expectRefused(() => createClaim({ actor: reviewer, articleId, input }), {
      code: "invalid_input",
      message: expect.stringMatching(/revision's number \(e\.g\. 3\), not its id/),
      fields: { revision: expect.stringMatching(/number.*not its id/) },
    });
    expect(await db.claim.count({ where: { articleId } })).toBe(0);
  });

  it("answers 422 when the quote is not the text at start..end, and stores nothing", async () => {
    const reviewer = await makeUser();
    const articleId = await makeClaimArticle();
    const wrongQuote = { ...claimInput("The minister"), exact: "The ministry" };
    await expectRefused(() => createClaim({ actor: reviewer, articleId, input: wrongQuote }), {
      code: "unprocessable",
      fields: { exact: expect.any(String) },
    });
    const shifted = { ...claimInput("The minister"), start: 1, end: 13 };
    await expectRefused(() => createClaim({ actor: reviewer, articleId, input: shifted }), {
      code: "unprocessable",
      fields: { exact: expect.any(String) },
    });
    const pastTheEnd = { exact: "work.!", start: ARTICLE_TEXT.length - 5, end: ARTICLE_TEXT.length + 1, revision: 1 };
    await expectRefused(() => createClaim({ actor: reviewer, articleId, input: pastTheEnd }), {
      code: "unprocessable",
      fields: { end: expect.any(String) },
    });
    const wrongPrefix = claimInput("unemployment", { prefix: "The president said " });
    await expectRefused(() => createClaim({ actor: reviewer, articleId, input: wrongPrefix }), {
      code: "unprocessable",
      fields: { prefix: expect.any(String) },
    });
    const wrongSuffix = claimInput("unemployment", { suffix: " rose" });
    await expectRefused(() => createClaim({ actor: reviewer, articleId, input: wrongSuffix }), {
      code: "unprocessable",
      fields: { suffix: expect.any(String) },
    });
  });

  it("refuses a span that splits a character in two", async () => {
    const reviewer = await makeUser();
    const { id: articleId } = await db.article.create({
      data: {
        title: "Emoji",
        revisions: { create: { number: 1, ...documentFromText("Growth 📈 is strong.") } },
      },
      select: { id: true },
    });
    const text = "Growth 📈 is strong.";
    const start = text.indexOf("📈") + 1;
    await expectRefused(
      () => createClaim({ actor: reviewer, articleId, input: { exact: text.slice(start, start + 4), start, end: start + 4, revision: 1 } }),
      { code: "unprocessable" },
    );
  });

  it("answers 404 for an unknown article or revision", async () => {
    const reviewer = await makeUser();
    await expectRefused(() => createClaim({ actor: reviewer, articleId: "no-such-article", input: claimInput("Critics") }), {
      code: "not_found",
    });
    const articleId = await makeClaimArticle();
    await expectRefused(() => createClaim({ actor: reviewer, articleId, input: claimInput("Critics", { revision: 2 }) }), {
      code: "not_found",
      fields: { revision: expect.any(String) },
    });
  });

  it("answers 409 on a revision that is no longer current", async () => {
    const reviewer = await makeUser();
    const articleId = await makeClaimArticle();
    await db.articleRevision.create({ data: { articleId, number: 2, ...documentFromText(`${ARTICLE_TEXT}\n\nCorrection.`) } });
    await expectRefused(() => createClaim({ actor: reviewer, articleId, input: claimInput("Critics") }), {
      code: "conflict",
      details: { currentRevision: 2 },
    });
  });

  it("stores both selectors, the claimant, an audit event, and answers the claim", async () => {
    const reviewer = await makeUser("reviewer", "Rita Reviewer");
    const articleId = await makeClaimArticle();
    const claim = await createClaim({
      actor: reviewer,
      articleId,
      input: claimInput("unemployment fell by 3% last year", { prefix: "The minister said ", suffix: ".", claimant: "  The minister " }),
    });
    expect(claim).toMatchObject({
      articleId,
      status: "unchecked",
      exact: "unemployment fell by 3% last year",
      prefix: "The minister said ",
      suffix: ".",
      start: 18,
      end: 51,
      claimant: "The minister",
      createdBy: { id: reviewer.id, name: "Rita Reviewer" },
      annotations: [],
      can: { delete: true, annotate: true },
    });
    const revision = await db.articleRevision.findFirstOrThrow({ where: { articleId } });
    expect(claim.revisionId).toBe(revision.id);
    const events = await db.auditEvent.findMany({ where: { targetId: claim.id } });
    expect(events).toMatchObject([
      { action: "claim.created", actorId: reviewer.id, targetType: "claim", after: { exact: claim.exact, start: 18, end: 51, revision: 1 } },
    ]);
  });

  it("takes the context from the text when the client leaves it out, and stores an empty claimant as null", async () => {
    const reviewer = await makeUser();
    const articleId = await makeClaimArticle();
    const claim = await createClaim({ actor: reviewer, articleId, input: claimInput("Critics", { claimant: "   " }) });
    expect(claim.prefix).toBe(ARTICLE_TEXT.slice(claim.start - 32, claim.start));
    expect(claim.suffix).toBe(ARTICLE_TEXT.slice(claim.end, claim.end + 32));
    expect(claim.claimant).toBeNull();
  });
});

describe("deleting a claim", () => {
  it("needs a signed-in user and an existing claim", async () => {
    const reviewer = await makeUser();
    const claim = await makeClaim(reviewer);
    await expectRefused(() => deleteClaim({ actor: null, claimId: claim.id }), { code: "unauthenticated" });
    await expectRefused(() => deleteClaim({ actor: reviewer, claimId: "no-such-claim" }), { code: "not_found" });
  });

  it("is refused to another reviewer", async () => {
    const creator = await makeUser();
    const other = await makeUser();
    const claim = await makeClaim(creator);
    await expectRefused(() => deleteClaim({ actor: other, claimId: claim.id }), { code: "forbidden" });
  });

  it("is refused to the creator once anyone annotated it, even with a draft the creator cannot see", async () => {
    const creator = await makeUser();
    const other = await makeUser();
    const claim = await makeClaim(creator);
    await makeSource(other, claim.id);
    expect((await getClaim({ actor: creator, claimId: claim.id })).can.delete).toBe(false);
    await expectRefused(() => deleteClaim({ actor: creator, claimId: claim.id }), { code: "forbidden" });
  });

  it("is the creator's while the claim has no annotations, with an audit event", async () => {
    const creator = await makeUser();
    const claim = await makeClaim(creator);
    await deleteClaim({ actor: creator, claimId: claim.id });
    expect(await db.claim.findUnique({ where: { id: claim.id } })).toBeNull();
    const events = await db.auditEvent.findMany({ where: { targetId: claim.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((event) => event.action)).toEqual(["claim.created", "claim.deleted"]);
    expect(events[1]).toMatchObject({ actorId: creator.id, before: { exact: claim.exact, annotationIds: [] }, after: null });
  });

  it("is an editor's with annotations too; the annotations go with it", async () => {
    const creator = await makeUser();
    const editor = await makeUser("editor");
    const claim = await makeClaim(creator);
    const source = await makeSource(creator, claim.id);
    expect((await getClaim({ actor: editor, claimId: claim.id })).can.delete).toBe(true);
    await deleteClaim({ actor: editor, claimId: claim.id });
    expect(await db.annotation.findUnique({ where: { id: source.id } })).toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: claim.id, action: "claim.deleted" } });
    expect(event).toMatchObject({ actorId: editor.id, before: { annotationIds: [source.id] } });
  });
});

describe("claims in the article", () => {
  it("come in document order with the annotations each reader may see", async () => {
    const alice = await makeUser("reviewer", "Alice");
    const bob = await makeUser("reviewer", "Bob");
    const articleId = await makeClaimArticle();
    const inner = await makeClaim(alice, "fell by 3%", articleId);
    const critics = await makeClaim(bob, "Critics say", articleId);
    const outer = await makeClaim(bob, "unemployment fell by 3% last year", articleId);
    const sameStartShorter = await makeClaim(alice, "unemployment", articleId);
    const aliceDraft = await makeSource(alice, outer.id);
    const bobDraft = await makeSource(bob, outer.id);

    const forAlice = await getArticle({ actor: alice, id: articleId });
    expect(forAlice.claims.map((claim) => claim.id)).toEqual([outer.id, sameStartShorter.id, inner.id, critics.id]);
    expect(forAlice.orphanedClaims).toEqual([]);
    const outerForAlice = forAlice.claims[0]!;
    expect(outerForAlice.annotations.map((annotation) => annotation.id)).toEqual([aliceDraft.id]);
    const outerInFull = await getClaim({ actor: alice, claimId: outer.id });
    expect(outerInFull.annotations.map((annotation) => annotation.id)).toEqual([aliceDraft.id]);
    expect(outerInFull.annotations[0]?.can).toEqual({ edit: true, delete: true, submit: true, withdraw: false, review: false, reply: true });
    expect(outerForAlice.can).toEqual({ delete: false, annotate: true });
    expect(forAlice.claims[1]?.can).toEqual({ delete: true, annotate: true });

    const forBob = await getArticle({ actor: bob, id: articleId });
    expect(forBob.claims[0]?.annotations.map((annotation) => annotation.id)).toEqual([bobDraft.id]);

    const { items } = await listArticles({ actor: alice, input: { limit: 100 } });
    expect(items.find((item) => item.id === articleId)?.claimCount).toBe(4);
  });

  it("answers a single claim by id, and 404 for an unknown one", async () => {
    const reviewer = await makeUser();
    const claim = await makeClaim(reviewer);
    expect(await getClaim({ actor: reviewer, claimId: claim.id })).toEqual(claim);
    await expect(getClaim({ actor: reviewer, claimId: "nope" })).rejects.toMatchObject({ code: "not_found" });
    await expect(getClaim({ actor: null, claimId: claim.id })).rejects.toMatchObject({ code: "unauthenticated" });
  });
});
