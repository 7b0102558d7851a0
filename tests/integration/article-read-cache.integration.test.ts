/**
 * The article read keeps claim lists and revision texts in memory (lib/claims/load-claim-summaries.ts,
 * lib/articles/get-article.ts). These tests hold it to the rule that makes that safe: after any
 * change, by any writer, the next read answers as if nothing were kept.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { getArticle } from "@/lib/articles/get-article";
import { createRevision } from "@/lib/articles/create-revision";
import { createClaim } from "@/lib/claims/create-claim";
import { deleteClaim } from "@/lib/claims/delete-claim";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { submitAnnotation } from "@/lib/annotations/submit-annotation";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import { makeUser } from "./factories";
import { ARTICLE_TEXT, claimInput, makeClaim, makeSource } from "./claim-factories";
import { countQueries, review, submitted } from "./review-factories";

/** What a reader sees of the article's claims, without the parts that are the same every time. */
async function seen(actor: Actor, articleId: string) {
  const article = await getArticle({ actor, id: articleId });
  return { claims: article.claims, orphaned: article.orphanedClaims, progress: article.progress, agreement: article.agreement };
}

describe("reading an article again", () => {
  it("takes one statement while nothing changed, and gives the same answer", async () => {
    const author = await makeUser();
    const reader = await makeUser();
    const claim = await makeClaim(author);
    await submitted(author, claim.id);
    const first = await getArticle({ actor: reader, id: claim.articleId });
    let again: Awaited<ReturnType<typeof getArticle>> | undefined;
    // The article with the version of its claim list; the revision and the list come from memory.
    expect(await countQueries(async () => (again = await getArticle({ actor: reader, id: claim.articleId })))).toBe(1);
    expect(again).toEqual(first);
  });

  it("answers after every kind of change as a first read would, for the author and for another reader", async () => {
    const author = await makeUser("reviewer", "Ana Author");
    const reviewer = await makeUser("reviewer", "Rui Reviewer");
    const editor = await makeUser("editor");
    const claim = await makeClaim(author);
    const articleId = claim.articleId;
    const readers = [author, reviewer, editor];
    const steps: Array<[string, () => Promise<unknown>]> = [
      ["a draft is added", () => makeSource(author, claim.id, { title: "Draft title" })],
      ["the draft is edited", async () => {
        const [draft] = await db.annotation.findMany({ where: { claimId: claim.id, status: "draft" } });
        return updateAnnotation({
          actor: author,
          annotationId: draft!.id,
          input: { kind: "source", url: "https://stats.example.org/x", title: "Edited title", stance: "supports", version: draft!.version },
        });
      }],
      ["the draft is submitted", async () => {
        const [draft] = await db.annotation.findMany({ where: { claimId: claim.id, status: "draft" } });
        return submitAnnotation({ actor: author, annotationId: draft!.id });
      }],
      ["it is approved", async () => {
        const [open] = await db.annotation.findMany({ where: { claimId: claim.id, status: "submitted" } });
        return review(reviewer, open!);
      }],
      ["a verdict is submitted and approved", async () => review(reviewer, await submitted(author, claim.id))],
      ["another claim is marked", () => createClaim({ actor: reviewer, articleId, input: claimInput("Critics say") })],
      ["the other claim is deleted", async () => {
        const other = await db.claim.findFirstOrThrow({ where: { articleId, exact: "Critics say" } });
        return deleteClaim({ actor: reviewer, claimId: other.id });
      }],
      ["an author changes their name", () => db.user.update({ where: { id: author.id }, data: { name: "Ana Renamed" } })],
      ["a row is changed by hand, outside the app", () => db.$executeRaw`UPDATE claims SET claimant = 'The minister' WHERE id = ${claim.id}`],
      ["another reviewer adds a draft", () => makeSource(reviewer, claim.id, { title: "Second opinion" })],
      ["they delete it again", async () => {
        const [draft] = await db.annotation.findMany({ where: { claimId: claim.id, authorId: reviewer.id, status: "draft" } });
        return deleteAnnotation({ actor: reviewer, annotationId: draft!.id });
      }],
      ["the text is revised", async () => {
        const article = await getArticle({ actor: editor, id: articleId });
        return createRevision({
          actor: editor,
          articleId,
          input: { text: `${ARTICLE_TEXT}\n\nA new last paragraph.`, baseRevision: article.revision.number },
        });
      }],
    ];
    for (const reader of readers) await getArticle({ actor: reader, id: articleId });
    for (const [change, run] of steps) {
      const before = await Promise.all(readers.map((reader) => seen(reader, articleId)));
      await run();
      const after = await Promise.all(readers.map((reader) => seen(reader, articleId)));
      // What a server that kept nothing answers: the list read straight from the database.
      const fresh = await Promise.all(readers.map((reader) => freshRead(reader, articleId)));
      expect(after, change).toEqual(fresh);
      expect(after, `${change} shows`).not.toEqual(before);
    }
    const finalRead = await getArticle({ actor: author, id: articleId });
    expect(finalRead.revision.text).toContain("A new last paragraph.");
    expect(finalRead.claims[0]?.claimant).toBe("The minister");
    expect(finalRead.claims[0]?.createdBy.name).toBe("Ana Renamed");
  });

  it("never shows a draft to anyone but its author, though the kept list holds every draft", async () => {
    const author = await makeUser();
    const other = await makeUser();
    const claim = await makeClaim(author);
    const draft = await makeSource(author, claim.id);
    const own = await getArticle({ actor: author, id: claim.articleId });
    expect(own.claims[0]?.annotations.map((annotation) => annotation.id)).toEqual([draft.id]);
    const theirs = await getArticle({ actor: other, id: claim.articleId });
    expect(theirs.claims[0]?.annotations).toEqual([]);
    // The draft still counts for whether the claim's creator may delete it.
    expect(own.claims[0]?.can.delete).toBe(false);
  });
});

/**
 * The same read on a server that has kept nothing: the module is loaded afresh, so its
 * caches are empty.
 */
async function freshRead(actor: Actor, articleId: string) {
  const { vi } = await import("vitest");
  vi.resetModules();
  const { getArticle: readWithNothingKept } = await import("@/lib/articles/get-article");
  const article = await readWithNothingKept({ actor, id: articleId });
  return { claims: article.claims, orphaned: article.orphanedClaims, progress: article.progress, agreement: article.agreement };
}
