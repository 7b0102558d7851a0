import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { createArticle } from "@/lib/articles/create-article";
import { previewArticle } from "@/lib/articles/preview-article";
import { createRevision } from "@/lib/articles/create-revision";
import { getRevision, listRevisions } from "@/lib/articles/list-revisions";
import { getArticle } from "@/lib/articles/get-article";
import { createClaim } from "@/lib/claims/create-claim";
import { reattachClaim } from "@/lib/claims/reattach-claim";
import { getClaim } from "@/lib/claims/get-claim";
import { getClaimHistory } from "@/lib/claims/get-claim-history";
import { getAnnotation } from "@/lib/annotations/get-annotation";
import { docFromPlainText } from "@/lib/anchoring";
import type { ClaimDTO } from "@/lib/claims/present";
import { makeUser } from "./factories";
import { databaseState, expectRefused } from "./claim-factories";
import { annotationIn, review } from "./review-factories";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/import");

const TEXT = [
  "The harbour council voted on Tuesday to approve a new ferry terminal.",
  "Council leader Mara Jensen said the terminal would cost 42 million euros.",
  "Critics say the estimate leaves out the cost of dredging the harbour.",
  "Construction is expected to begin next spring.",
].join("\n\n");

async function makeArticle(editor: Actor, text = TEXT): Promise<string> {
  const { id } = await createArticle({ actor: editor, input: { title: "Ferry terminal", text } });
  return id;
}

/** A claim on the current revision of the article on the first occurrence of `exact`. */
async function claim(actor: Actor, articleId: string, exact: string): Promise<ClaimDTO> {
  const article = await getArticle({ actor, id: articleId });
  const start = article.revision.text.indexOf(exact);
  if (start < 0) throw new Error(`"${exact}" is not in the article`);
  return createClaim({ actor, articleId, input: { exact, start, end: start + exact.length, revision: article.revision.number } });
}

/** Revises the article: `edit` turns the current text into the new one. */
async function revise(editor: Actor, articleId: string, edit: (text: string) => string) {
  const article = await getArticle({ actor: editor, id: articleId });
  return createRevision({
    actor: editor,
    articleId,
    input: { text: edit(article.revision.text), baseRevision: article.revision.number },
  });
}

/** A claim with an approved verdict and an approved source: verified. */
async function verifiedClaim(articleId: string, exact: string, people: { author: Actor; reviewer: Actor }) {
  const made = await claim(people.author, articleId, exact);
  const verdict = await annotationIn("approved", people.author, people.reviewer, made.id, "verification");
  const source = await annotationIn("approved", people.author, people.reviewer, made.id, "source");
  expect((await getClaim({ actor: people.author, claimId: made.id })).status).toBe("verified");
  return { claim: made, verdict, source };
}

describe("importing through the use case", () => {
  it("is for editors only, and a preview stores nothing", async () => {
    const reviewer = await makeUser("reviewer");
    const editor = await makeUser("editor");
    const file = { name: "article.docx", contentBase64: fs.readFileSync(path.join(FIXTURES, "article.docx")).toString("base64") };
    await expect(previewArticle({ actor: null, input: { file } })).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(previewArticle({ actor: reviewer, input: { file } })).rejects.toMatchObject({ code: "forbidden" });
    const before = await db.article.count();
    const preview = await previewArticle({ actor: editor, input: { file } });
    expect(await db.article.count()).toBe(before);
    expect(preview).toMatchObject({ origin: "file:docx", blocks: 6, suggestedTitle: "Harbour council approves new ferry terminal" });

    const { id } = await createArticle({ actor: editor, input: { title: "Ferry", file, url: "https://council.example/news" } });
    const article = await getArticle({ actor: reviewer, id });
    // What the preview showed is what was stored.
    expect(article.revision.doc).toEqual(preview.doc);
    expect(article.revision.text).toBe(preview.text);
    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: id, action: "article.imported" } });
    expect(event.after).toMatchObject({ origin: "file:docx", fileName: "article.docx", blocks: 6 });
  });

  it("stores pasted hostile HTML without any of its scripts, handlers or dangerous links", async () => {
    const editor = await makeUser("editor");
    const html = fs.readFileSync(path.join(FIXTURES, "hostile.html"), "utf8");
    const { id } = await createArticle({ actor: editor, input: { title: "Hostile", html } });
    const row = await db.articleRevision.findFirstOrThrow({ where: { articleId: id } });
    const stored = JSON.stringify(row.doc);
    expect(stored).not.toMatch(/javascript:|vbscript:|data:|onload|onerror|onclick|iframe|style/i);
    expect(row.text).not.toContain("body script");
  });

  it("refuses a document with a javascript: link with 422 and stores nothing", async () => {
    const editor = await makeUser("editor");
    const before = await db.article.count();
    const doc = {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] }],
    };
    await expect(createArticle({ actor: editor, input: { title: "T", doc } })).rejects.toMatchObject({ code: "unprocessable" });
    await expect(createArticle({ actor: editor, input: { title: "T", text: "a", html: "<p>b</p>" } })).rejects.toMatchObject({
      code: "invalid_input",
    });
    expect(await db.article.count()).toBe(before);
  });
});

describe("creating a revision", () => {
  it("refuses the anonymous and reviewers, stale and invalid input, changing nothing", async () => {
    const editor = await makeUser("editor");
    const reviewer = await makeUser("reviewer");
    const articleId = await makeArticle(editor);
    await claim(reviewer, articleId, "42 million euros");
    const input = { text: `${TEXT}\n\nA new paragraph.`, baseRevision: 1 };
    const revisions = () => db.articleRevision.count({ where: { articleId } });

    await expectRefused(() => createRevision({ actor: null, articleId, input }), { code: "unauthenticated" });
    await expectRefused(() => createRevision({ actor: reviewer, articleId, input }), { code: "forbidden" });
    await expectRefused(() => createRevision({ actor: editor, articleId, input: { text: "x" } }), {
      code: "invalid_input",
      fields: { baseRevision: expect.any(String) },
    });
    await expectRefused(() => createRevision({ actor: editor, articleId, input: { ...input, baseRevision: 2 } }), {
      code: "stale_version",
      details: { currentRevision: 1 },
    });
    await expectRefused(() => createRevision({ actor: editor, articleId: "nope", input }), { code: "not_found" });
    await expectRefused(() => createRevision({ actor: editor, articleId, input: { text: TEXT, baseRevision: 1 } }), {
      code: "unprocessable",
      message: "Nothing changed since revision 1.",
    });
    const hostile = {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] }],
    };
    await expectRefused(() => createRevision({ actor: editor, articleId, input: { doc: hostile, baseRevision: 1 } }), {
      code: "unprocessable",
    });
    await expectRefused(
      () => createRevision({ actor: editor, articleId, input: { doc: { type: "doc", content: [{ type: "codeBlock" }] }, baseRevision: 1 } }),
      { code: "unprocessable" },
    );
    expect(await revisions()).toBe(1);
  });

  it("answers 409 to the second of two editors saving from the same revision", async () => {
    const editor = await makeUser("editor");
    const articleId = await makeArticle(editor);
    const results = await Promise.allSettled([
      createRevision({ actor: editor, articleId, input: { text: `${TEXT}\n\nOne.`, baseRevision: 1 } }),
      createRevision({ actor: editor, articleId, input: { text: `${TEXT}\n\nTwo.`, baseRevision: 1 } }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({
      reason: { code: "stale_version", details: { currentRevision: 2 } },
    });
  });

  it("re-anchors claims: moved with their words, re-verified when their words changed, orphaned when rewritten", async () => {
    const editor = await makeUser("editor", "Erin Editor");
    const author = await makeUser("reviewer", "Alice");
    const reviewer = await makeUser("reviewer", "Bob");
    const articleId = await makeArticle(editor);
    const moved = await claim(author, articleId, "would cost 42 million euros");
    const typo = await verifiedClaim(articleId, "leaves out the cost of dredging the harbour", { author, reviewer });
    const rewritten = await verifiedClaim(articleId, "Construction is expected to begin next spring", { author, reviewer });
    const revision1 = (await getArticle({ actor: author, id: articleId })).revision;

    const created = await revise(editor, articleId, (text) =>
      text
        .replace("voted on Tuesday", "voted late on Tuesday evening")
        .replace("the cost of dredging the harbour", "the cost of dreding the harbour")
        .replace("Construction is expected to begin next spring.", "Nobody knows when building will start."),
    );
    expect(created).toMatchObject({ number: 2, claims: { unchanged: 0, moved: 1, changed: 1, orphaned: 1, needsReverification: 1 } });

    const article = await getArticle({ actor: author, id: articleId });
    expect(article.revision).toMatchObject({ number: 2, id: created.id });
    const byId = new Map([...article.claims, ...article.orphanedClaims].map((c) => [c.id, c]));

    // Same words, shifted by the insertion before them.
    const movedNow = byId.get(moved.id)!;
    expect(movedNow).toMatchObject({ revisionId: created.id, status: "unchecked", exact: "would cost 42 million euros" });
    expect(movedNow.start).toBe(moved.start + "late  evening".length);
    expect(article.revision.text.slice(movedNow.start, movedNow.end)).toBe(movedNow.exact);

    // Changed words under an approved check: the new words are stored, and the approvals stop counting.
    const typoNow = byId.get(typo.claim.id)!;
    expect(typoNow).toMatchObject({ revisionId: created.id, status: "needs_reverification", exact: "leaves out the cost of dreding the harbour" });
    expect(article.revision.text.slice(typoNow.start, typoNow.end)).toBe(typoNow.exact);
    expect(typoNow.annotations).toHaveLength(2);
    for (const annotation of (await getClaim({ actor: author, claimId: typo.claim.id })).annotations) {
      expect(annotation).toMatchObject({ status: "submitted", version: 2, approvals: 0 });
    }
    // They are back in review: the reviewer who approved them may review them again.
    for (const id of [typo.verdict.id, typo.source.id]) {
      expect(await getAnnotation({ actor: reviewer, annotationId: id })).toMatchObject({ status: "submitted", can: { review: true } });
    }

    // Rewritten: orphaned, with its original quote and revision, not attached elsewhere.
    expect(article.claims.map((c) => c.id)).not.toContain(rewritten.claim.id);
    expect(article.orphanedClaims).toHaveLength(1);
    expect(article.orphanedClaims[0]).toMatchObject({
      id: rewritten.claim.id,
      status: "orphaned",
      revisionId: revision1.id,
      exact: rewritten.claim.exact,
      prefix: rewritten.claim.prefix,
      start: rewritten.claim.start,
      end: rewritten.claim.end,
    });
    // Its annotations keep their approvals until someone re-attaches it.
    expect((await getAnnotation({ actor: author, annotationId: rewritten.verdict.id })).status).toBe("approved");

    // Audit: the revision, and each claim that changed, with before and after.
    const events = await db.auditEvent.findMany({ where: { OR: [{ targetId: articleId }, { claimId: { in: [moved.id, typo.claim.id, rewritten.claim.id] } }] }, orderBy: { createdAt: "asc" } });
    const actions = events.map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(["revision.created", "claim.reanchored", "claim.orphaned", "annotation.reopened"]));
    const reanchored = events.find((event) => event.action === "claim.reanchored" && event.targetId === typo.claim.id);
    expect(reanchored?.before).toMatchObject({ revision: 1, exact: typo.claim.exact, status: "verified" });
    expect(reanchored?.after).toMatchObject({ revision: 2, exact: typoNow.exact, match: "fuzzy", status: "needs_reverification" });
    const history = await getClaimHistory({ actor: author, claimId: rewritten.claim.id });
    expect(history.items.at(-1)?.summary).toBe("Erin Editor saved revision 2, where the claim’s text could not be found. Claim status: Orphaned.");

    // A fresh approval cycle on the new text settles the claim again.
    const [verdict, source] = [typoNow.annotations.find((a) => a.kind === "verification")!, typoNow.annotations.find((a) => a.kind === "source")!];
    await review(reviewer, verdict);
    expect((await getClaim({ actor: author, claimId: typo.claim.id })).status).toBe("needs_reverification");
    await review(reviewer, source);
    expect((await getClaim({ actor: author, claimId: typo.claim.id })).status).toBe("verified");

    // Both revisions stay readable.
    const list = await listRevisions({ actor: author, articleId });
    expect(list.items.map((item) => [item.number, item.createdBy?.name])).toEqual([
      [2, "Erin Editor"],
      [1, "Erin Editor"],
    ]);
    expect((await getRevision({ actor: author, articleId, number: 1 })).text).toBe(TEXT);
    await expect(getRevision({ actor: author, articleId, number: 3 })).rejects.toMatchObject({ code: "not_found" });
  });

  it("keeps claims on text the edit did not touch, whatever the edit (property)", async () => {
    const editor = await makeUser("editor");
    const reviewer = await makeUser("reviewer");
    // Sentences with unique numbers, so every claim's words occur once.
    const sentences = Array.from({ length: 12 }, (_, i) => `Sentence ${i + 1} reports that figure ${(i + 1) * 137} rose.`);
    const base = [0, 4, 8].map((i) => sentences.slice(i, i + 4).join(" ")).join("\n\n");
    const claimIndexes = [1, 5, 10];

    await fc.assert(
      fc.asyncProperty(
        fc.record({
          // An edit anywhere outside the claimed sentences: a position in the text and the
          // characters removed and inserted there.
          at: fc.nat({ max: base.length }),
          remove: fc.nat({ max: 40 }),
          insert: fc.string({ unit: fc.constantFrom(..."abcdefgh ,.".split("")), maxLength: 30 }),
        }),
        async ({ at, remove, insert }) => {
          const articleId = await makeArticle(editor, base);
          const claimed = [];
          for (const index of claimIndexes) claimed.push(await claim(reviewer, articleId, sentences[index]!));
          const protectedRanges = claimed.map((c) => [c.start, c.end] as const);
          const end = Math.min(base.length, at + remove);
          // Keep the edit off the claims and their surrounding spaces, and off paragraph breaks.
          fc.pre(protectedRanges.every(([start, stop]) => end < start - 1 || at > stop + 1));
          fc.pre(!base.slice(Math.max(0, at - 1), end + 1).includes("\n"));
          const next = base.slice(0, at) + insert + base.slice(end);
          fc.pre(next !== base && next.split("\n\n").every((paragraph) => paragraph.trim() === paragraph && paragraph !== ""));

          await createRevision({ actor: editor, articleId, input: { doc: docFromPlainText(next), baseRevision: 1 } });
          const article = await getArticle({ actor: reviewer, id: articleId });
          expect(article.orphanedClaims).toEqual([]);
          for (const before of claimed) {
            const after = article.claims.find((c) => c.id === before.id)!;
            const shift = before.start > at ? insert.length - (end - at) : 0;
            expect(after).toMatchObject({ exact: before.exact, start: before.start + shift, end: before.end + shift, revisionId: article.revision.id });
            expect(article.revision.text.slice(after.start, after.end)).toBe(after.exact);
            expect(article.revision.text.slice(after.start - after.prefix.length, after.start)).toBe(after.prefix);
            expect(article.revision.text.slice(after.end, after.end + after.suffix.length)).toBe(after.suffix);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it("never attaches a claim to other words silently: a claim is on its words, on changed words and flagged, or orphaned (property)", async () => {
    const editor = await makeUser("editor");
    const reviewer = await makeUser("reviewer");
    const words = "the council said its plan would cost more than expected and critics disagreed with the figure".split(" ");
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...words), { minLength: 20, maxLength: 40 }),
        fc.nat(),
        fc.nat(),
        fc.record({ at: fc.nat(), remove: fc.nat({ max: 25 }), insert: fc.constantFrom("", "not ", "x", "the figure ", "cost") }),
        async (textWords, claimStart, claimLength, edit) => {
          const text = textWords.join(" ");
          const startWord = claimStart % (textWords.length - 3);
          const lengthWords = 1 + (claimLength % 3);
          const exact = textWords.slice(startWord, startWord + lengthWords).join(" ");
          const start = textWords.slice(0, startWord).join(" ").length + (startWord > 0 ? 1 : 0);
          const articleId = await makeArticle(editor, text);
          const made = await createClaim({ actor: reviewer, articleId, input: { exact, start, end: start + exact.length, revision: 1 } });
          const at = edit.at % text.length;
          const next = (text.slice(0, at) + edit.insert + text.slice(at + edit.remove)).trim();
          fc.pre(next !== text && next !== "" && !next.includes("\n"));

          await createRevision({ actor: editor, articleId, input: { text: next, baseRevision: 1 } });
          const article = await getArticle({ actor: reviewer, id: articleId });
          const after = [...article.claims, ...article.orphanedClaims].find((c) => c.id === made.id)!;
          if (after.status === "orphaned") {
            // The original quote, on the original revision.
            expect(after).toMatchObject({ exact, start, end: start + exact.length, revisionId: made.revisionId });
          } else {
            // On the new revision, and what it quotes is exactly the text there.
            expect(after.revisionId).toBe(article.revision.id);
            expect(next.slice(after.start, after.end)).toBe(after.exact);
            expect(next.slice(after.start - after.prefix.length, after.start)).toBe(after.prefix);
            // Changed words were found only as a close variant of the quote.
            if (after.exact !== exact) expect(after.exact.length).toBeGreaterThanOrEqual(Math.floor(exact.length * 0.7));
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  it("announces the revision to open editors and answers with the new revision", async () => {
    const editor = await makeUser("editor");
    const articleId = await makeArticle(editor);
    const created = await createRevision({ actor: editor, articleId, input: { text: `${TEXT}\n\nUpdate: the vote was 7 to 2.`, baseRevision: 1 } });
    expect(created).toMatchObject({ number: 2, articleId, createdBy: { id: editor.id }, claims: { orphaned: 0 } });
    expect(created.text.endsWith("Update: the vote was 7 to 2.")).toBe(true);
  });
});

describe("re-attaching an orphaned claim", () => {
  async function orphaned() {
    const editor = await makeUser("editor");
    const author = await makeUser("reviewer");
    const reviewer = await makeUser("reviewer");
    const articleId = await makeArticle(editor);
    const made = await verifiedClaim(articleId, "Construction is expected to begin next spring", { author, reviewer });
    const anchored = await claim(author, articleId, "42 million euros");
    await revise(editor, articleId, (text) =>
      text.replace("Construction is expected to begin next spring.", "Building is expected to start in the spring of 2027."),
    );
    const article = await getArticle({ actor: author, id: articleId });
    expect(article.orphanedClaims.map((c) => c.id)).toEqual([made.claim.id]);
    const span = (exact: string) => {
      const start = article.revision.text.indexOf(exact);
      return { exact, start, end: start + exact.length, revision: article.revision.number };
    };
    return { ...made, anchored, articleId, author, reviewer, editor, span };
  }

  it("refuses the anonymous, bad spans, stale revisions and claims that are not orphaned, changing nothing", async () => {
    const { claim: made, anchored, author, span } = await orphaned();
    const input = span("Building is expected to start in the spring of 2027");
    await expectRefused(() => reattachClaim({ actor: null, claimId: made.id, input }), { code: "unauthenticated" });
    await expectRefused(() => reattachClaim({ actor: author, claimId: "nope", input }), { code: "not_found" });
    await expectRefused(() => reattachClaim({ actor: author, claimId: made.id, input: { ...input, exact: "Building is" } }), {
      code: "unprocessable",
    });
    await expectRefused(() => reattachClaim({ actor: author, claimId: made.id, input: { ...input, revision: 1 } }), {
      code: "conflict",
      details: { currentRevision: 2 },
    });
    await expectRefused(() => reattachClaim({ actor: author, claimId: made.id, input: { ...input, claimant: "x" } }), {
      code: "invalid_input",
    });
    await expectRefused(() => reattachClaim({ actor: author, claimId: anchored.id, input }), { code: "conflict" });
  });

  it("anchors it on the chosen words; approvals of other words stop counting", async () => {
    const { claim: made, verdict, author, reviewer, span } = await orphaned();
    const before = await databaseState();
    const reattached = await reattachClaim({ actor: author, claimId: made.id, input: span("Building is expected to start in the spring of 2027") });
    expect(reattached).toMatchObject({ status: "needs_reverification", exact: "Building is expected to start in the spring of 2027", start: expect.any(Number) });
    const article = await getArticle({ actor: author, id: reattached.articleId });
    expect(article.orphanedClaims).toEqual([]);
    expect(article.claims.find((c) => c.id === made.id)?.revisionId).toBe(article.revision.id);
    expect((await getAnnotation({ actor: author, annotationId: verdict.id })).status).toBe("submitted");
    expect((await databaseState()).auditEvents).toBeGreaterThan(before.auditEvents);
    const history = await getClaimHistory({ actor: reviewer, claimId: made.id });
    expect(history.items.map((item) => item.action)).toEqual(expect.arrayContaining(["claim.orphaned", "claim.reattached", "annotation.reopened"]));
  });

  it("keeps the approvals when re-attached to the very same words", async () => {
    const editor = await makeUser("editor");
    const author = await makeUser("reviewer");
    const reviewer = await makeUser("reviewer");
    const articleId = await makeArticle(editor);
    const made = await verifiedClaim(articleId, "42 million euros", { author, reviewer });
    // The figure goes from its sentence and turns up in a new one: not found where it was, so
    // orphaned rather than moved to the other occurrence on its own.
    await revise(editor, articleId, (text) =>
      `${text.replace("would cost 42 million euros", "would cost an undisclosed sum")}\n\nOfficials later confirmed 42 million euros.`,
    );
    const article = await getArticle({ actor: author, id: articleId });
    expect(article.orphanedClaims.map((c) => c.id)).toEqual([made.claim.id]);
    const start = article.revision.text.indexOf("42 million euros");
    const reattached = await reattachClaim({
      actor: author,
      claimId: made.claim.id,
      input: { exact: "42 million euros", start, end: start + 16, revision: 2 },
    });
    expect(reattached.status).toBe("verified");
  });
});
