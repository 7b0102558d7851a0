/**
 * Another reviewer's draft on the live channel (D9): a reader is told nothing of a draft that
 * is not theirs, not even that it exists: its creation, edits and deletion reach its author's
 * pages only. A withdrawal takes back what everyone could see, so other pages are still told
 * that the claim changed (and drop the annotation), but not what happened or to which
 * annotation.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { stopListening } from "@/lib/live/subscribe";
import type { ChangeEventDTO } from "@/lib/live/change-batch";
import { getArticle } from "@/lib/articles/get-article";
import { createClaim } from "@/lib/claims/create-claim";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { submitAnnotation } from "@/lib/annotations/submit-annotation";
import { withdrawAnnotation } from "@/lib/annotations/withdraw-annotation";
import { makeUser } from "./factories";
import { claimInput, makeClaim, makeSource } from "./claim-factories";
import { openStream, type OpenedStream } from "./event-stream";

afterAll(async () => {
  await stopListening();
});

const changeOf = (data: string) => JSON.parse(data) as ChangeEventDTO;

async function opened(actor: Actor, articleId: string, after?: string): Promise<OpenedStream> {
  const stream = await openStream(actor, articleId, after ?? String((await getArticle({ actor, id: articleId })).liveEventId));
  await stream.nextOf("ready");
  return stream;
}

/** The claim as `actor` would read it afresh in the article's claim list, without abilities. */
async function freshSummary(actor: Actor, articleId: string, claimId: string) {
  const { can: _can, ...summary } = (await getArticle({ actor, id: articleId })).claims.find((claim) => claim.id === claimId)!;
  return summary;
}

describe("another reviewer's draft", () => {
  it("reaches its author's pages only: created, edited and deleted, live or catching up", async () => {
    const alice = await makeUser("reviewer", "Alice Author");
    const bob = await makeUser("reviewer", "Bob Other");
    const claim = await makeClaim(alice);
    const articleId = claim.articleId;
    const start = String((await getArticle({ actor: bob, id: articleId })).liveEventId);
    const mine = await opened(alice, articleId);
    const theirs = await opened(bob, articleId);

    const draft = await makeSource(alice, claim.id, { title: "Secret draft source" });
    const created = changeOf((await mine.nextOf("change")).data);
    expect(created).toMatchObject({ types: ["annotation.created"], ids: [draft.id] });
    expect(created.claims[0]!.annotations.map((annotation) => annotation.id)).toEqual([draft.id]);

    await updateAnnotation({ actor: alice, annotationId: draft.id, input: { title: "Secret draft, edited", version: draft.version } });
    const edited = changeOf((await mine.nextOf("change")).data);
    expect(edited).toMatchObject({ types: ["annotation.updated"], ids: [draft.id] });
    expect(edited.claims[0]!.annotations[0]).toMatchObject({ id: draft.id, title: "Secret draft, edited" });

    await deleteAnnotation({ actor: alice, annotationId: draft.id });
    const deleted = changeOf((await mine.nextOf("change")).data);
    expect(deleted).toMatchObject({ types: ["annotation.deleted"], ids: [draft.id], removed: [] });
    expect(deleted.claims[0]!.annotations).toEqual([]);

    // Bob's page was sent nothing at all: its next event is the next change he may see.
    const other = await createClaim({ actor: alice, articleId, input: claimInput("Critics") });
    const next = changeOf((await theirs.nextOf("change")).data);
    expect(next).toMatchObject({ types: ["claim.created"], ids: [other.id], removed: [] });
    expect(next.claims.map((item) => item.id)).toEqual([other.id]);
    expect(JSON.stringify(next)).not.toContain(draft.id);
    expect(theirs.pending()).toEqual([]);

    // A page of Bob's that catches up over all of it is told the new claim only.
    const late = await openStream(bob, articleId, start);
    const missed = changeOf((await late.nextOf("change")).data);
    expect(missed).toMatchObject({ types: ["claim.created"], ids: [other.id] });
    expect(missed.claims.map((item) => item.id)).toEqual([other.id]);
    expect(JSON.stringify(missed)).not.toContain(draft.id);
    // Alice's own page catching up is told everything, in order.
    const lateMine = await openStream(alice, articleId, start);
    expect(changeOf((await lateMine.nextOf("change")).data)).toMatchObject({
      types: ["annotation.created", "annotation.updated", "annotation.deleted", "claim.created"],
      ids: [draft.id, draft.id, draft.id, other.id],
    });
    for (const stream of [mine, theirs, late, lateMine]) await stream.close();
  });

  it("withdrawn, leaves other pages at once, without their being told what happened to it", async () => {
    const alice = await makeUser("reviewer", "Alice Author");
    const bob = await makeUser("reviewer", "Bob Other");
    const claim = await makeClaim(alice);
    const articleId = claim.articleId;
    const source = await makeSource(alice, claim.id, { title: "Source taken back" });
    const { version } = await submitAnnotation({ actor: alice, annotationId: source.id, input: { version: source.version } });
    const beforeWithdrawal = String((await getArticle({ actor: bob, id: articleId })).liveEventId);
    const mine = await opened(alice, articleId);
    const theirs = await opened(bob, articleId);

    const withdrawn = await withdrawAnnotation({ actor: alice, annotationId: source.id, input: { version } });
    // Alice's pages are told all of it.
    const toAlice = changeOf((await mine.nextOf("change")).data);
    expect(toAlice).toMatchObject({ types: ["annotation.withdrawn"], ids: [source.id] });
    expect(toAlice.claims[0]!.annotations.map((annotation) => annotation.status)).toEqual(["draft"]);
    // Bob's page is told its claim changed, as he may see it now: without the source.
    const toBob = changeOf((await theirs.nextOf("change")).data);
    expect(toBob).toMatchObject({ id: toAlice.id, types: [], ids: [], removed: [] });
    expect(toBob.claims).toEqual([await freshSummary(bob, articleId, claim.id)]);
    expect(toBob.claims[0]!.annotations).toEqual([]);
    expect(JSON.stringify(toBob)).not.toContain(source.id);

    // Edited and deleted as a draft now, it is Alice's business alone again.
    const edited = await updateAnnotation({ actor: alice, annotationId: source.id, input: { title: "Reworded", version: withdrawn.version } });
    await deleteAnnotation({ actor: alice, annotationId: edited.id });
    expect(changeOf((await mine.nextOf("change")).data).types).toEqual(["annotation.updated"]);
    expect(changeOf((await mine.nextOf("change")).data).types).toEqual(["annotation.deleted"]);
    const other = await createClaim({ actor: alice, articleId, input: claimInput("Critics") });
    expect(changeOf((await theirs.nextOf("change")).data)).toMatchObject({ types: ["claim.created"], ids: [other.id] });

    // A page of Bob's that was away through all of it still drops the source when it catches up.
    const late = await openStream(bob, articleId, beforeWithdrawal);
    const missed = changeOf((await late.nextOf("change")).data);
    expect(missed).toMatchObject({ types: ["claim.created"], ids: [other.id] });
    expect(missed.claims.map((item) => item.id).sort()).toEqual([claim.id, other.id].sort());
    expect(missed.claims.find((item) => item.id === claim.id)!.annotations).toEqual([]);
    expect(JSON.stringify(missed)).not.toContain(source.id);
    for (const stream of [mine, theirs, late]) await stream.close();
  });

  it("is still told to everyone once submitted, and so is its deletion", async () => {
    const alice = await makeUser("reviewer", "Alice Author");
    const bob = await makeUser("reviewer", "Bob Other");
    const claim = await makeClaim(alice);
    const articleId = claim.articleId;
    const theirs = await opened(bob, articleId);

    const source = await makeSource(alice, claim.id, { title: "Published statistics" });
    await submitAnnotation({ actor: alice, annotationId: source.id, input: { version: source.version } });
    const submitted = changeOf((await theirs.nextOf("change")).data);
    expect(submitted).toMatchObject({ types: ["annotation.submitted"], ids: [source.id] });
    expect(submitted.claims).toEqual([await freshSummary(bob, articleId, claim.id)]);

    await deleteAnnotation({ actor: alice, annotationId: source.id });
    const deleted = changeOf((await theirs.nextOf("change")).data);
    expect(deleted).toMatchObject({ types: ["annotation.deleted"], ids: [source.id] });
    expect(deleted.claims[0]!.annotations).toEqual([]);
    expect(deleted.totals).not.toBeNull();
    await theirs.close();
  });
});
