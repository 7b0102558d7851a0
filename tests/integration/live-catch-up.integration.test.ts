/**
 * What an open article page is told: each change as that reader may see it, catching up from
 * the log after a dropped connection, a reset when the log cannot, and conditional reads.
 */
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { stopListening } from "@/lib/live/subscribe";
import { pruneLiveEvents } from "@/lib/live/event-log";
import type { ChangeEventDTO } from "@/lib/live/change-batch";
import { getArticle, readArticle } from "@/lib/articles/get-article";
import { createRevision } from "@/lib/articles/create-revision";
import { createClaim } from "@/lib/claims/create-claim";
import { submitAnnotation } from "@/lib/annotations/submit-annotation";
import { deleteClaim } from "@/lib/claims/delete-claim";
import { createAccessToken } from "@/lib/tokens/create-access-token";
import * as articleRoute from "@/app/api/articles/[id]/route";
import * as claimRoute from "@/app/api/claims/[id]/route";
import { makeUser } from "./factories";
import { ARTICLE_TEXT, claimInput, makeClaim, makeClaimArticle, makeSource } from "./claim-factories";
import { countQueries, review, submitted } from "./review-factories";
import { openStream, openStreamsFromNow } from "./event-stream";

afterAll(async () => {
  await stopListening();
});

const changeOf = (data: string) => JSON.parse(data) as ChangeEventDTO;

describe("a change event", () => {
  it("carries the changed claim as each subscriber may see it: a draft reaches its author only", async () => {
    const author = await makeUser("reviewer", "Ada Author");
    const other = await makeUser("reviewer", "Oli Other");
    const claim = await makeClaim(author);
    const [mine, theirs] = await openStreamsFromNow(claim.articleId, author, other);

    const draft = await makeSource(author, claim.id, { title: "Secret draft title" });
    const seenByAuthor = changeOf((await mine.nextOf("change")).data);
    expect(seenByAuthor.claims[0]!.annotations.map((a) => a.id)).toEqual([draft.id]);
    // The other reviewer is told nothing of it, not even that the claim changed.
    await expect(theirs.nextOf("change", 500)).rejects.toThrow("No event arrived in time");

    // Submitted, it reaches both, with the same id: the log's.
    await submitAnnotation({ actor: author, annotationId: draft.id, input: { version: draft.version } });
    const submittedForAuthor = changeOf((await mine.nextOf("change")).data);
    const seenByOther = changeOf((await theirs.nextOf("change")).data);
    expect(seenByOther.claims[0]!.annotations.map((a) => a.id)).toEqual([draft.id]);
    expect(submittedForAuthor.id).toBe(seenByOther.id);

    // What each is told is what each would read afresh.
    for (const [actor, seen] of [[author, submittedForAuthor], [other, seenByOther]] as const) {
      const fresh = await getArticle({ actor, id: claim.articleId });
      const { can: _can, ...summary } = fresh.claims.find((c) => c.id === claim.id)!;
      expect(seen.claims[0]).toEqual(summary);
    }
    await mine.close();
    await theirs.close();
  });

  it("tells progress and agreement after a review, that a claim is gone, and that a new revision needs a reload", async () => {
    const author = await makeUser();
    const reviewer = await makeUser();
    const editor = await makeUser("editor");
    const claim = await makeClaim(author);
    const articleId = claim.articleId;
    const stream = await openStream(reviewer, articleId, String((await getArticle({ actor: reviewer, id: articleId })).liveEventId));
    await stream.nextOf("ready");

    const annotation = await submitted(author, claim.id);
    // Its creation is told only if it was submitted by the time the change was read (a draft
    // is its author's alone): skip to the submission.
    while (!changeOf((await stream.nextOf("change")).data).types.includes("annotation.submitted"));
    await review(reviewer, annotation);
    const reviewed = changeOf((await stream.nextOf("change")).data);
    const fresh = await getArticle({ actor: reviewer, id: articleId });
    expect(reviewed.types).toEqual(["annotation.reviewed"]);
    expect(reviewed.totals).toEqual({ progress: fresh.progress, agreement: fresh.agreement });
    expect(reviewed.claims[0]!.status).toBe(fresh.claims[0]!.status);

    const bare = await createClaim({ actor: author, articleId, input: claimInput("Critics") });
    expect(changeOf((await stream.nextOf("change")).data).claims.map((c) => c.id)).toEqual([bare.id]);
    await deleteClaim({ actor: author, claimId: bare.id });
    const deleted = changeOf((await stream.nextOf("change")).data);
    expect(deleted).toMatchObject({ types: ["claim.deleted"], removed: [bare.id], claims: [] });

    await createRevision({ actor: editor, articleId, input: { text: `${ARTICLE_TEXT}\n\nA new paragraph.`, baseRevision: 1 } });
    const revised = changeOf((await stream.nextOf("change")).data);
    expect(revised).toMatchObject({ types: ["revision.created"], revision: true, claims: [] });
    await stream.close();
  });
});

describe("a page that reconnects", () => {
  it("is sent what it missed, from its Last-Event-ID, in one event, as it may see it", async () => {
    const author = await makeUser();
    const other = await makeUser();
    const claim = await makeClaim(author);
    const articleId = claim.articleId;
    const first = await openStream(other, articleId, String((await getArticle({ actor: other, id: articleId })).liveEventId));
    await first.nextOf("ready");
    await makeSource(other, claim.id, { title: "Seen before the drop" });
    await first.nextOf("change");
    const lastSeen = first.lastEventId();
    await first.close();

    // While it is away: someone's draft, a submitted source, a new claim.
    await makeSource(author, claim.id, { title: "Secret draft while away" });
    const shared = await submitted(author, claim.id, "source");
    const second = await createClaim({ actor: author, articleId, input: claimInput("Critics") });

    const again = await openStream(other, articleId, lastSeen);
    const caughtUp = await again.next();
    expect(caughtUp.event).toBe("change");
    const missed = changeOf(caughtUp.data);
    // Someone else's draft is left out; the submitted source's creation is told, since it may be seen now.
    expect(missed.types).toEqual(["annotation.created", "annotation.submitted", "claim.created"]);
    expect(missed.ids).toEqual([shared.id, shared.id, second.id]);
    expect(JSON.stringify(missed)).not.toContain("Secret");
    const fresh = await getArticle({ actor: other, id: articleId });
    const strip = ({ can: _can, ...rest }: (typeof fresh.claims)[number]) => rest;
    expect(missed.claims.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      fresh.claims.filter((c) => [claim.id, second.id].includes(c.id)).map(strip).sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(missed.claims.flatMap((c) => c.annotations.map((a) => a.id))).toContain(shared.id);
    expect((await again.next()).event).toBe("ready");
    expect(again.lastEventId()).toBe(String(missed.id));

    // Reconnecting with the newest id: nothing to replay, just ready.
    await again.close();
    const third = await openStream(other, articleId, String(missed.id));
    expect((await third.next()).event).toBe("ready");
    await third.close();
  });

  it("is told to reload when its events were pruned, when it gives no id, or an id the article never had", async () => {
    const author = await makeUser();
    const claim = await makeClaim(author);
    const articleId = claim.articleId;
    const before = (await getArticle({ actor: author, id: articleId })).liveEventId;
    await makeSource(author, claim.id);
    await makeSource(author, claim.id);
    expect(await pruneLiveEvents({ maxAgeMs: 0 })).toBeGreaterThanOrEqual(2);

    const behind = await openStream(author, articleId, String(before));
    const reset = await behind.next();
    expect(reset.event).toBe("reset");
    const head = (await getArticle({ actor: author, id: articleId })).liveEventId;
    expect(JSON.parse(reset.data)).toEqual({ id: head });
    expect(reset.id).toBe(String(head));
    expect((await behind.next()).event).toBe("ready");
    // Changes after the reset follow as usual.
    await makeSource(author, claim.id);
    expect(changeOf((await behind.nextOf("change")).data).types).toEqual(["annotation.created"]);
    await behind.close();

    const fresh = await openStream(author, articleId, null);
    expect((await fresh.next()).event).toBe("reset");
    await fresh.close();
    const future = await openStream(author, articleId, String(head + 1_000_000));
    expect((await future.next()).event).toBe("reset");
    await future.close();
  });
});

describe("conditional reads", () => {
  const BASE = "http://factdesk.test";
  async function tokenOf(actor: Actor) {
    return (await createAccessToken({ actor, credential: "session", input: { name: "live" } })).secret;
  }
  function get(path: string, secret: string, ifNoneMatch?: string): Request {
    const headers = new Headers({ authorization: `Bearer ${secret}` });
    if (ifNoneMatch) headers.set("if-none-match", ifNoneMatch);
    return new Request(`${BASE}${path}`, { headers });
  }

  it("answer 304 to the caller's current tag, 200 after a change or to another caller", async () => {
    const author = await makeUser();
    const other = await makeUser();
    const [authorKey, otherKey] = [await tokenOf(author), await tokenOf(other)];
    const claim = await makeClaim(author);
    const routes = [
      { path: `/api/articles/${claim.articleId}`, call: (r: Request) => articleRoute.GET(r, { params: Promise.resolve({ id: claim.articleId }) }) },
      { path: `/api/claims/${claim.id}`, call: (r: Request) => claimRoute.GET(r, { params: Promise.resolve({ id: claim.id }) }) },
    ];
    for (const { path, call } of routes) {
      const first = await call(get(path, authorKey));
      expect(first.status).toBe(200);
      const tag = first.headers.get("etag")!;
      expect(tag).toMatch(/^W\/".+"$/);
      const same = await call(get(path, authorKey, tag));
      expect(same.status).toBe(304);
      expect(await same.text()).toBe("");
      expect(same.headers.get("etag")).toBe(tag);
      // Another reader's answer differs (drafts, abilities): the author's tag is not theirs.
      expect((await call(get(path, otherKey, tag))).status).toBe(200);
      // A bad or absent tag is an ordinary read.
      expect((await call(get(path, authorKey, '"nonsense"'))).status).toBe(200);
    }

    // The author's draft changes both answers for the author.
    const tags = await Promise.all(routes.map(async ({ path, call }) => (await call(get(path, authorKey))).headers.get("etag")!));
    await makeSource(author, claim.id, { title: "A new draft" });
    for (const [index, { path, call }] of routes.entries()) {
      const changed = await call(get(path, authorKey, tags[index]));
      expect(changed.status).toBe(200);
      expect(JSON.stringify(await changed.json())).toContain(path.includes("claims") ? "A new draft" : claim.id);
      expect(changed.headers.get("etag")).not.toBe(tags[index]);
    }
  });

  it("answer 404 for what does not exist, tag or not", async () => {
    const reader = await makeUser();
    const key = await tokenOf(reader);
    const article = await articleRoute.GET(get("/api/articles/nope", key, "*"), { params: Promise.resolve({ id: "nope" }) });
    expect(article.status).toBe(404);
    const claim = await claimRoute.GET(get("/api/claims/nope", key, "*"), { params: Promise.resolve({ id: "nope" }) });
    expect(claim.status).toBe(404);
    expect(await db.liveEvent.count({ where: { articleId: "nope" } })).toBe(0);
  });

  it("is one statement for an article whose tag still holds", async () => {
    const reader = await makeUser();
    const articleId = await makeClaimArticle();
    const { etag } = await readArticle({ actor: reader, id: articleId, ifNoneMatch: null });
    let answer: Awaited<ReturnType<typeof readArticle>> | undefined;
    expect(await countQueries(async () => (answer = await readArticle({ actor: reader, id: articleId, ifNoneMatch: etag })))).toBe(1);
    expect(answer).toEqual({ etag, article: null });
  });
});
