import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { publishChange, type LoggedChange } from "@/lib/live/publish";
import { stopListening, subscribe, whenListening } from "@/lib/live/subscribe";
import { openArticleEvents } from "@/lib/live/article-events";
import { createClaim } from "@/lib/claims/create-claim";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { makeUser } from "./factories";
import { openStream } from "./event-stream";
import type { ChangeEventDTO } from "@/lib/live/change-batch";
import { claimInput, makeClaim, makeClaimArticle } from "./claim-factories";

afterAll(async () => {
  await stopListening();
});

/** Collects the changes of one article; `next()` waits for the next one (or fails after a while). */
function collect(articleId: string) {
  const received: LoggedChange[] = [];
  const waiters: Array<() => void> = [];
  const unsubscribe = subscribe(articleId, (change) => {
    received.push(change);
    waiters.splice(0).forEach((wake) => wake());
  });
  async function waitFor(count: number, timeoutMs = 5_000): Promise<LoggedChange[]> {
    const deadline = Date.now() + timeoutMs;
    while (received.length < count) {
      if (Date.now() > deadline) throw new Error(`Heard ${received.length} of ${count} changes`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return received;
  }
  return { received, waitFor, unsubscribe };
}

describe("live updates", () => {
  it("deliver a committed change to the article's subscribers, and only theirs", async () => {
    const reviewer = await makeUser();
    const articleId = await makeClaimArticle();
    const otherArticleId = await makeClaimArticle();
    const mine = collect(articleId);
    const others = collect(otherArticleId);
    await whenListening();

    const claim = await createClaim({ actor: reviewer, articleId, input: claimInput("Critics") });
    expect(await mine.waitFor(1)).toMatchObject([{ articleId, type: "claim.created", id: claim.id, claimId: claim.id }]);

    const annotation = await createAnnotation({
      actor: reviewer,
      claimId: claim.id,
      input: { kind: "verification", verdict: "true", rationale: "Secret draft reasoning." },
    });
    const changes = await mine.waitFor(2);
    expect(changes[1]).toMatchObject({ articleId, type: "annotation.created", id: annotation.id, claimId: claim.id });
    // Log ids of one article grow in commit order.
    expect(changes[1]!.eventId).toBeGreaterThan(changes[0]!.eventId);
    // Ids and types only: a draft's content never travels on the channel.
    expect(JSON.stringify(changes)).not.toContain("Secret");
    expect(others.received).toEqual([]);
    mine.unsubscribe();
    others.unsubscribe();
  });

  it("send nothing for a transaction that rolls back", async () => {
    const reviewer = await makeUser();
    const articleId = await makeClaimArticle();
    const listener = collect(articleId);
    await whenListening();

    await expect(
      db.$transaction(async (tx) => {
        await publishChange(tx, { articleId, type: "claim.created", id: "rolled-back", claimId: null });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    // A failed use case rolls back its notification too.
    await expect(
      createClaim({ actor: reviewer, articleId, input: { ...claimInput("Critics"), exact: "Nope!!!" } }),
    ).rejects.toMatchObject({ code: "unprocessable" });

    // Notifications arrive in commit order: once this one is here, an earlier one would have been.
    const claim = await createClaim({ actor: reviewer, articleId, input: claimInput("Critics") });
    expect(await listener.waitFor(1)).toMatchObject([{ articleId, type: "claim.created", id: claim.id }]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(listener.received).toHaveLength(1);
    // Nor is anything logged for it: a reconnecting page replays committed changes only.
    const logged = await db.liveEvent.findMany({ where: { articleId }, select: { entityId: true } });
    expect(logged).toEqual([{ entityId: claim.id }]);
    listener.unsubscribe();
  });

  it("reconnect when the connection drops, and tell subscribers to resync", async () => {
    const reviewer = await makeUser();
    const articleId = await makeClaimArticle();
    const listener = collect(articleId);
    await whenListening();
    const killed = await db.$queryRaw<{ pid: number }[]>`
      SELECT pg_terminate_backend(pid), pid FROM pg_stat_activity
      WHERE query ILIKE 'LISTEN factdesk_changes%' AND datname = current_database()`;
    expect(killed.length).toBeGreaterThan(0);
    expect(await listener.waitFor(1)).toMatchObject([{ articleId, type: "resync", id: articleId }]);
    const claim = await createClaim({ actor: reviewer, articleId, input: claimInput("Critics") });
    expect((await listener.waitFor(2))[1]).toMatchObject({ articleId, type: "claim.created", id: claim.id });
    listener.unsubscribe();
  });

  it("stop after unsubscribing", async () => {
    const reviewer = await makeUser();
    const articleId = await makeClaimArticle();
    const first = collect(articleId);
    const second = collect(articleId);
    await whenListening();
    first.unsubscribe();
    await createClaim({ actor: reviewer, articleId, input: claimInput("Critics") });
    await second.waitFor(1);
    expect(first.received).toEqual([]);
    second.unsubscribe();
  });
});

describe("the article event stream", () => {
  it("needs a session and an existing article", async () => {
    const reviewer = await makeUser();
    const articleId = await makeClaimArticle();
    const signal = new AbortController().signal;
    const input = { after: null };
    await expect(openArticleEvents({ actor: null, articleId, input, signal })).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(openArticleEvents({ actor: reviewer, articleId: "nope", input, signal })).rejects.toMatchObject({ code: "not_found" });
    await expect(openArticleEvents({ actor: reviewer, articleId, input: { after: "-1" }, signal })).rejects.toMatchObject({
      code: "invalid_input",
    });
  });

  it("sends ready, then a change event per change with its id, keepalives, and ends when the client goes away", async () => {
    const reviewer = await makeUser();
    const claim = await makeClaim(reviewer);
    const stream = await openStream(reviewer, claim.articleId, "0", 100);
    const ready = await stream.nextOf("ready");
    const annotation = await createAnnotation({
      actor: reviewer,
      claimId: claim.id,
      input: { kind: "source", url: "https://example.org/a", title: "A", stance: "supports" },
    });
    const change = await stream.nextOf("change");
    const data = JSON.parse(change.data) as ChangeEventDTO;
    expect(Number(change.id)).toBeGreaterThan(Number(ready.id));
    expect(data).toMatchObject({ id: Number(change.id), types: ["annotation.created"], ids: [annotation.id], revision: false, removed: [] });
    expect(data.claims.map((c) => c.annotations.map((a) => a.id))).toEqual([[annotation.id]]);
    await stream.nextOf("comment");
    await stream.close();
  });
});
